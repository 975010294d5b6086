import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../db/audit';
import { saveRecord } from '../../db';
import { freshTestDb, seedSite } from '../../db/test/fresh-db';

describe('audit summaries are cleaned before the first write', () => {
  it('a summary with a bidi override and control characters is stored clean, and the chain holds', async () => {
    const testDb = await freshTestDb();
    const db = testDb.db;
    await seedSite(db);
    await db.transaction('rw', db.auditLog, () =>
      appendAudit(db, {
        actor: 'u',
        entity: 'faults',
        entityId: 'f1',
        action: 'update',
        summary: '期限\u202e03-11\u202c\u0000 ok👍',
      }),
    );
    await saveRecord('systems', { name: 'x' } as never, 'name\u2066 changed\u0085');
    const rows = await db.auditLog.orderBy('seq').toArray();
    expect(rows.map((r) => r.summary)).toEqual(['期限03-11 ok□', 'name changed']);
    expect((await verifyAuditChain(db)).ok).toBe(true);
    testDb.close();
  });
});

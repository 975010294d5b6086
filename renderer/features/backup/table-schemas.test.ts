import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { genericRowIssues, resolveTableSchemas } from './table-schemas';
import { schemaTables } from './upgrade-old';

describe('resolveTableSchemas', () => {
  it('maps the core schemas and finds feature schemas by name', () => {
    const found = resolveTableSchemas(schemaTables(2));
    for (const t of ['settings', 'team', 'contacts', 'systems', 'auditLog', 'attachments', 'reports'])
      expect(found.has(t), t).toBe(true);
    // Print what is covered, so a feature schema that is not picked up shows in the test output.
    console.info('tables with a zod schema:', [...found.keys()].sort().join(', '));
    console.info(
      'tables checked generically:',
      schemaTables(2)
        .map((t) => t.name)
        .filter((n) => !found.has(n))
        .join(', '),
    );
  });

  it('prefers an explicit `tableSchemas` export, and needs the primary key among the fields', () => {
    const explicit = z.strictObject({ id: z.string() });
    const mods = {
      a: { tableSchemas: { faults: explicit } },
      b: {
        faultSchema: z.strictObject({ id: z.string(), x: z.number() }),
        calendarSchema: z.strictObject({ id: z.string() }),
        rosterEntrySchema: z.strictObject({ id: z.string() }),
      },
      c: {
        faultEventRowSchema: z.discriminatedUnion('type', [
          z.strictObject({ id: z.string(), type: z.literal('a') }),
          z.strictObject({ id: z.string(), type: z.literal('b') }),
        ]),
      },
    };
    const found = resolveTableSchemas(
      [
        { name: 'faults', primKey: 'id' },
        { name: 'calendars', primKey: 'year' },
        { name: 'roster', primKey: 'id' },
        { name: 'faultEvents', primKey: 'id' },
      ],
      mods,
    );
    expect(found.get('faults')).toBe(explicit);
    expect(found.has('calendars')).toBe(false);
    expect(found.get('roster')).toBe(mods.b.rosterEntrySchema);
    expect(found.get('faultEvents')).toBe(mods.c.faultEventRowSchema);
  });
});

describe('genericRowIssues', () => {
  it('wants a key, and for id tables the record fields', () => {
    expect(
      genericRowIssues({ id: 'a', createdAt: '2026-11-25T08:00:00Z', updatedAt: '2026-11-25T08:00:00Z' }, 'id'),
    ).toEqual([]);
    expect(genericRowIssues({ id: 'a' }, 'id')).toEqual(['createdAt', 'updatedAt']);
    expect(genericRowIssues({ year: 2026 }, 'year')).toEqual([]);
    expect(genericRowIssues({ key: '' }, 'key')).toEqual(['key']);
    expect(genericRowIssues('x', 'id')).toEqual(['(row)']);
  });
});

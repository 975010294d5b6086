/**
 * Everything a fault's reports are built from, read once: the log, the clock configuration, the
 * team, the contacts, the affected system and the attachments. The report data is then a pure
 * function of this context (./report-data.ts).
 */
import type { Attachment } from '@shared/schemas/attachment';
import type { ClientSystem, Contact, TeamMember } from '@shared/schemas/core';
import type { FaultEventRow, FaultRecord } from '@shared/schemas/fault';
import { getDb } from '../../db';
import { listAttachments, loadClockConfig } from '../../core';
import { bySeq, type ClockConfig } from './fault-model';
import { projectFault } from './fault-view';
import { FaultInputError, listEvents } from './faults.repo';

export interface ReportContext {
  /** The fault as its log says at the time the context was read (not the stored row). */
  fault: FaultRecord;
  rows: FaultEventRow[];
  cfg: ClockConfig;
  team: TeamMember[];
  contacts: Contact[];
  system?: ClientSystem;
  files: Attachment[];
}

export async function loadReportContext(faultId: string, now: Date): Promise<ReportContext> {
  const db = getDb();
  const [rows, cfg, team, contacts, files] = await Promise.all([
    listEvents(faultId),
    loadClockConfig(),
    db.team.toArray(),
    db.contacts.toArray(),
    listAttachments('fault', faultId),
  ]);
  if (!rows.length) throw new FaultInputError('faults:errors.notFound');
  rows.sort(bySeq);
  const fault = projectFault(rows, cfg, now, '');
  return { fault, rows, cfg, team, contacts, files, system: await db.systems.get(fault.systemId) };
}

import type Dexie from 'dexie';

/**
 * v2 — the service records: faults (event-sourced), service requests, inspections, reports,
 * knowledge base, training, roster, personnel changes, attachments, calendars. Never edit.
 */
export function migration0002(db: Dexie): void {
  db.version(2).stores({
    faults: 'id, &number, status, level, systemId, assigneeId, reportedAt, updatedAt',
    faultEvents: 'id, faultId, [faultId+seq], at',
    serviceRequests: 'id, &number, status, type, systemId, receivedAt, updatedAt',
    attachments: 'id, [ownerType+ownerId], sha256',
    inspectionTemplates: 'id, family, templateKey, [templateKey+version]',
    inspections: 'id, &number, month, status, updatedAt',
    inspectionAnswers: 'id, inspectionId, [inspectionId+systemId], [inspectionId+systemId+itemId]',
    reports: 'id, number, type, [type+subjectId], subjectId, status, issuedAt',
    signatures: 'id, reportId',
    kbArticles: 'id, family, systemId, *tags, updatedAt',
    kbVersions: 'id, articleId, [articleId+version]',
    trainings: 'id, type, startDate',
    trainingPlans: 'id, year, type, plannedDate',
    roster: 'id, date, memberId',
    personnelChanges: 'id, noticeDate, status',
    calendars: 'year',
    alertLog: 'key',
  });
  // v1 data needs no transformation: the new tables start empty.
}

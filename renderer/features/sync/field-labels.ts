/**
 * The label a person knows a record's field by, for the sync conflict texts (the conflict list on
 * the Sync page, the tooltip of ConflictMark). One place: table → field → i18n key, the form's own
 * label where the record has a form (settings, requests, kb, training, team, feedback, ...), a
 * `sync:fields.*` text for fields no form shows. field-labels.test.ts holds every field of every
 * synced table's zod schema (shared/schemas) that can conflict to a label in both languages: a new
 * field fails it until it is named here.
 */
import type { TFunction } from 'i18next';
import { DELETED } from '@shared/sync/merge';

const f = (name: string) => `sync:fields.${name}`;
const phone = 'common:fields.phone';
const email = 'common:fields.email';

export const fieldLabelKeys: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  team: {
    name: 'settings:team.name',
    role: 'settings:team.role',
    phone,
    email,
    active: f('active'),
  },
  contacts: {
    kind: 'settings:contacts.kind',
    name: 'settings:contacts.name',
    company: 'settings:contacts.company',
    department: 'settings:contacts.department',
    title: 'settings:contacts.title',
    phone,
    email,
    products: 'settings:contacts.products',
    isMaintenanceEngineer: 'settings:contacts.signer',
  },
  systems: {
    name: 'settings:systems.name',
    family: 'settings:systems.family',
    vendor: 'settings:systems.vendor',
    model: 'settings:systems.model',
    version: 'settings:systems.version',
    location: 'settings:systems.location',
    vendorContactId: 'settings:systems.vendorContact',
    notes: f('notes'),
    active: f('active'),
  },
  faultEvents: {
    faultId: f('fault'),
    seq: 'faults:mismatch.fields.lastSeq',
    at: 'faults:form.at',
    by: f('recordedBy'),
    recordedAt: f('recordedAt'),
    type: f('eventType'),
    payload: f('eventDetails'),
  },
  serviceRequests: {
    number: 'requests:list.columns.number',
    status: 'requests:list.status',
    type: 'requests:intake.type',
    channel: 'requests:intake.channel',
    reporter: 'requests:detail.reporter',
    systemId: 'requests:intake.system',
    assigneeId: 'requests:intake.assignee',
    title: 'requests:intake.titleField',
    description: 'requests:intake.description',
    receivedAt: 'requests:intake.receivedAt',
    respondedAt: 'requests:detail.respondedAt',
    analysis: 'requests:detail.analysis',
    resolutionMode: f('resolutionMode'),
    resolution: 'requests:form.resolution',
    resolvedAt: f('resolvedAt'),
    closedAt: f('closedAt'),
    log: 'requests:detail.history',
  },
  attachments: {
    ownerType: f('ownerType'),
    ownerId: f('ownerId'),
    name: f('fileName'),
    mime: f('mime'),
    size: f('size'),
    sha256: f('fileHash'),
    data: f('fileContent'),
    caption: f('caption'),
  },
  inspectionTemplates: {
    templateKey: f('templateKey'),
    family: 'settings:systems.family',
    version: f('version'),
    title: f('checklistName'),
    description: f('description'),
    items: f('checklistItems'),
    basedOn: f('basedOn'),
    changeNote: f('changeNote'),
  },
  inspections: {
    number: f('number'),
    month: 'inspections:plan.month',
    mode: 'inspections:plan.mode',
    status: f('status'),
    dueDate: 'inspections:plan.dueDate',
    systems: f('inspectionSystems'),
    templates: f('checklists'),
    startedAt: 'inspections:detail.started',
    finishedAt: 'inspections:detail.finished',
    events: 'inspections:detail.history',
    note: 'inspections:plan.note',
  },
  inspectionAnswers: {
    inspectionId: f('inspection'),
    systemId: f('system'),
    itemId: f('checkItem'),
    result: f('result'),
    value: f('measuredValue'),
    text: f('answerText'),
    choice: f('choice'),
    note: 'inspections:run.note',
    countermeasure: 'inspections:run.countermeasure',
    solved: 'inspections:run.solved',
    faultId: f('fault'),
    faultNumber: f('faultNumber'),
    followUp: f('followUp'),
    answeredBy: f('answeredBy'),
    answeredAt: f('answeredAt'),
  },
  reports: {
    type: f('reportType'),
    subjectType: f('subjectType'),
    subjectId: f('subject'),
    number: f('number'),
    version: f('version'),
    language: 'faults:report.language',
    title: f('reportTitle'),
    issuedAt: f('issuedAt'),
    issuedBy: f('issuedBy'),
    status: f('status'),
    voidReason: f('voidReason'),
    data: f('reportData'),
    meta: f('reportMeta'),
    dataHash: f('dataHash'),
    pdfHash: f('pdfHash'),
    auditHead: f('auditHead'),
    pdfAttachmentId: f('pdf'),
    signedPdfAttachmentId: f('signedPdf'),
    signedPdfHash: f('signedPdfHash'),
    signedDataHash: f('signedDataHash'),
    signedPdfHistory: f('signedPdfHistory'),
    scanAttachmentId: f('scan'),
    signatures: f('signatures'),
    signedAt: f('signedAt'),
    filedAt: f('filedAt'),
  },
  kbArticles: {
    number: f('number'),
    version: f('version'),
    title: 'kb:fields.title',
    family: 'kb:fields.family',
    systemId: 'kb:fields.system',
    symptoms: 'kb:fields.symptoms',
    cause: 'kb:fields.cause',
    steps: 'kb:fields.steps',
    commands: 'kb:fields.commands',
    tags: 'kb:fields.tags',
    faultIds: 'kb:fields.faults',
    authorId: 'kb:fields.author',
  },
  kbVersions: {
    articleId: f('article'),
    version: f('version'),
    note: f('versionNote'),
    restoredFrom: f('restoredFrom'),
    content: f('articleContent'),
  },
  trainings: {
    type: 'training:fields.type',
    topic: 'training:fields.topic',
    startDate: 'training:fields.startDate',
    endDate: 'training:fields.endDate',
    hours: 'training:fields.hours',
    trainer: 'training:fields.trainer',
    location: 'training:fields.location',
    content: 'training:fields.content',
    attendees: 'training:fields.attendees',
    feedback: 'training:fields.feedback',
    rating: 'training:fields.rating',
    planId: f('trainingPlan'),
  },
  trainingPlans: {
    year: 'training:list.year',
    type: 'training:fields.type',
    slot: 'training:obligations.slot',
    plannedDate: 'training:plan.plannedDate',
    topic: 'training:plan.topic',
    topicNamedOn: 'training:plan.topicNamedOn',
    days: 'training:plan.days',
    notes: 'training:plan.notes',
  },
  signatures: {
    reportId: f('report'),
    role: f('signerRole'),
    name: f('signerName'),
    signedAt: f('signedAt'),
    image: f('signatureImage'),
  },
  roster: {
    date: f('date'),
    memberId: f('onCall'),
    note: f('note'),
  },
  personnelChanges: {
    leavingMemberId: 'team:personnel.fields.leaving',
    leavingName: 'team:personnel.fields.leaving',
    replacementName: 'team:personnel.fields.replacement',
    replacementPhone: 'team:personnel.fields.replacementPhone',
    replacementProfile: 'team:personnel.fields.replacementProfile',
    reason: 'team:personnel.fields.reason',
    noticeDate: 'team:personnel.fields.noticeDate',
    plannedDate: 'team:personnel.fields.plannedDate',
    status: 'team:personnel.fields.status',
    consentDate: 'team:personnel.fields.consentDate',
    consentBy: 'team:personnel.fields.consentBy',
    notes: 'team:personnel.fields.handover',
    noticeApproval: 'team:personnel.fields.noticeApproval',
  },
  feedbackMeetings: {
    date: 'feedback:fields.date',
    attendees: 'feedback:fields.attendees',
    clientSaid: 'feedback:fields.clientSaid',
    actions: 'feedback:fields.actions',
  },
};

/** The i18n key of a field's label; undefined for a field not named above. */
export function fieldLabelKey(table: string, field: string): string | undefined {
  if (field === DELETED) return 'sync:conflicts.deleteField';
  const keys = Object.hasOwn(fieldLabelKeys, table) ? fieldLabelKeys[table] : undefined;
  return keys && Object.hasOwn(keys, field) ? keys[field] : undefined;
}

/** A field's label in the current language; the raw key only for a field the table above lacks. */
export function fieldLabel(t: TFunction, table: string, field: string): string {
  const key = fieldLabelKey(table, field);
  return key ? t(key, { defaultValue: field }) : field;
}

/** Fields that hold the id of a team member, a contact or a system: shown by that one's name. */
export const referenceFields: Readonly<Record<string, 'team' | 'contacts' | 'systems'>> = {
  vendorContactId: 'contacts',
  systemId: 'systems',
  assigneeId: 'team',
  memberId: 'team',
  authorId: 'team',
  leavingMemberId: 'team',
  answeredBy: 'team',
  issuedBy: 'team',
};

/**
 * How people name a record in a conflict text: its number and its name, title or topic (a roster
 * day by its date); undefined when the record is not here (deleted on this laptop).
 */
export function recordName(row: Record<string, unknown> | undefined): string | undefined {
  if (!row) return undefined;
  const text = (k: string) => (typeof row[k] === 'string' && row[k] ? (row[k] as string) : undefined);
  const name = text('name') ?? text('title') ?? text('topic') ?? text('leavingName') ?? text('date');
  return [text('number'), name].filter(Boolean).join(' ') || undefined;
}

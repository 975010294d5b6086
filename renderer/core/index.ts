/**
 * The core every feature shares, and its only front door for features and the app shell: the site
 * (team, client, contacts, systems, provider), attachments, the report register with its one
 * `issueReport`, the clock configuration, `useNow`, date and time formatting in Asia/Shanghai, and
 * the shared form parts. The core imports no feature (eslint-rules/feature-boundaries.js).
 */
export * from './site/site.repo';
export * from './forms/fields';
export * from './forms/FormDialog';
export * from './forms/ReporterFields';
export * from './attachments/attachments.repo';
export * from './attachments/AttachmentList';
export * from './attachments/PendingAttachments';
export * from './reports/register';
export * from './reports/lifecycle';
export * from './reports/numbering';
export * from './reports/builders';
export * from './clock-config';
export * from './useNow';
export * from './format';
export * from './forms/IntakeForm';
export * from './forms/useFieldSubmit';
export * from './storage-persistence';

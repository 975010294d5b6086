/** Front door of the data-safety feature: text hygiene now; recovery and backup placement later. */
export { TextGuard, cleanNoticeMessage } from './TextGuard';
export { installTextGuard, type CleanNotice } from './text-guard';

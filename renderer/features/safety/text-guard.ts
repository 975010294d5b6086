/**
 * Cleans free text as it is typed, pasted or dropped into any field of the app, so what a person
 * sees in the field is what will be stored (the free-text schemas clean again on every write:
 * shared/schemas/common.ts). The field's own input events still fire: the cleaned text is inserted
 * with `insertText`, which React's controlled inputs see like typing.
 */
import { cleanTextReport } from '@shared/util/clean-text';

export interface CleanNotice {
  controls: number;
  emoji: number;
}

function isTextField(el: EventTarget | null): el is HTMLInputElement | HTMLTextAreaElement | HTMLElement {
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLTextAreaElement) return true;
  if (el instanceof HTMLInputElement) return ['text', 'search', 'email', 'tel', 'url', ''].includes(el.type);
  return el.isContentEditable;
}

/** Replaces the pending insertion by its cleaned text; true when something had to be cleaned. */
function insertCleaned(event: Event, raw: string, notify: (n: CleanNotice) => void): void {
  const r = cleanTextReport(raw);
  if (r.controls === 0 && r.emoji === 0) return;
  event.preventDefault();
  // execCommand is deprecated but still the one way to insert text that keeps undo and fires `input`.
  if (r.text) document.execCommand('insertText', false, r.text);
  notify({ controls: r.controls, emoji: r.emoji });
}

/** Installs the guard on `doc`; returns the function that removes it. */
export function installTextGuard(notify: (n: CleanNotice) => void, doc: Document = document): () => void {
  const onPaste = (e: ClipboardEvent) => {
    if (!isTextField(e.target)) return;
    const raw = e.clipboardData?.getData('text/plain');
    if (raw) insertCleaned(e, raw, notify);
  };
  const onBeforeInput = (e: InputEvent) => {
    if (!isTextField(e.target) || e.isComposing) return;
    if (e.inputType === 'insertFromPaste') return; // handled by the paste listener
    const raw = e.data ?? e.dataTransfer?.getData('text/plain');
    if (raw) insertCleaned(e, raw, notify);
  };
  doc.addEventListener('paste', onPaste, true);
  doc.addEventListener('beforeinput', onBeforeInput, true);
  return () => {
    doc.removeEventListener('paste', onPaste, true);
    doc.removeEventListener('beforeinput', onBeforeInput, true);
  };
}

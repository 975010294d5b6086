import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMOJI_PLACEHOLDER } from '@shared/util/clean-text';
import { cleanNoticeMessage } from './TextGuard';
import { installTextGuard } from './text-guard';

let remove: (() => void) | undefined;
afterEach(() => {
  remove?.();
  document.body.innerHTML = '';
});

function paste(target: HTMLElement, text: string): Event {
  const e = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'clipboardData', { value: { getData: () => text } });
  target.dispatchEvent(e);
  return e;
}

describe('text guard', () => {
  it('a paste with bidi and control characters is inserted cleaned, and the user is told how many', () => {
    const input = document.createElement('input');
    document.body.append(input);
    const inserted: string[] = [];
    document.execCommand = vi.fn((_cmd: string, _ui?: boolean, value?: string) => {
      inserted.push(value ?? '');
      return true;
    });
    const notify = vi.fn();
    remove = installTextGuard(notify);
    const e = paste(input, '截止\u202e03-11\u202c\u0007 😀');
    expect(e.defaultPrevented).toBe(true);
    expect(inserted).toEqual([`截止03-11 ${EMOJI_PLACEHOLDER}`]);
    expect(notify).toHaveBeenCalledWith({ controls: 3, emoji: 1 });
  });

  it('a clean paste is left to the browser', () => {
    const area = document.createElement('textarea');
    document.body.append(area);
    const notify = vi.fn();
    remove = installTextGuard(notify);
    expect(paste(area, '正常文本\n第二行').defaultPrevented).toBe(false);
    expect(notify).not.toHaveBeenCalled();
  });

  it('a typed control character is refused with the same note', () => {
    const input = document.createElement('input');
    document.body.append(input);
    document.execCommand = vi.fn(() => true);
    const notify = vi.fn();
    remove = installTextGuard(notify);
    const e = new InputEvent('beforeinput', {
      data: '\u202e',
      inputType: 'insertText',
      cancelable: true,
      bubbles: true,
    });
    input.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(true);
    expect(notify).toHaveBeenCalledWith({ controls: 1, emoji: 0 });
  });

  it('the note names what was done', () => {
    expect(cleanNoticeMessage({ controls: 2, emoji: 0 })).toEqual({
      key: 'text.controlsRemoved',
      values: { count: 2 },
    });
    expect(cleanNoticeMessage({ controls: 0, emoji: 1 }).key).toBe('text.emojiReplaced');
    expect(cleanNoticeMessage({ controls: 1, emoji: 1 }).key).toBe('text.both');
  });
});

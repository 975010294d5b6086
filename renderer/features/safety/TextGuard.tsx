import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EMOJI_PLACEHOLDER } from '@shared/util/clean-text';
import { installTextGuard, type CleanNotice } from './text-guard';

/** The i18n key and values of the note shown after text was cleaned. */
export function cleanNoticeMessage(n: CleanNotice): { key: string; values: Record<string, string | number> } {
  const placeholder = EMOJI_PLACEHOLDER;
  if (n.controls && n.emoji) return { key: 'text.both', values: { controls: n.controls, emoji: n.emoji, placeholder } };
  if (n.controls) return { key: 'text.controlsRemoved', values: { count: n.controls } };
  return { key: 'text.emojiReplaced', values: { count: n.emoji, placeholder } };
}

/** Mounted once inside the app: cleans typed and pasted text and says what it removed. */
export function TextGuard() {
  const { message } = App.useApp();
  const { t } = useTranslation('safety');
  useEffect(
    () =>
      installTextGuard((n) => {
        const { key, values } = cleanNoticeMessage(n);
        void message.info({ content: t(key, values), key: 'text-cleaned' });
      }),
    [message, t],
  );
  return null;
}

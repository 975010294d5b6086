/** Channel group `notify:*`: desktop notifications (deadline alerts). */
import { Notification } from 'electron';
import { requestSchemas } from '@shared/ipc/schemas';
import { IpcFailure } from './errors';
import { handle } from './handle';
import type { IpcContext } from './context';

/** Registers `notify:show`. A notification with the same tag replaces the earlier one. */
export function registerNotifyIpc(ctx: IpcContext): void {
  // Kept referenced: a Notification that is garbage-collected loses its click handler.
  const byTag = new Map<string, Notification>();
  handle(
    'notify:show',
    requestSchemas['notify:show'],
    (req) => {
      if (!Notification.isSupported())
        throw new IpcFailure('unsupported', 'Desktop notifications are not supported here.');
      if (req.tag) byTag.get(req.tag)?.close();
      const notification = new Notification({ title: req.title, body: req.body });
      notification.on('click', () => {
        const win = ctx.mainWindow();
        if (!win) return;
        if (win.isMinimized()) win.restore();
        win.focus();
      });
      if (req.tag) {
        const tag = req.tag;
        byTag.set(tag, notification);
        notification.on('close', () => {
          if (byTag.get(tag) === notification) byTag.delete(tag);
        });
      }
      notification.show();
    },
    ctx.origins,
  );
}

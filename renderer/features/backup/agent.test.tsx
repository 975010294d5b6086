import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlatformApi } from '@shared/ipc/contract';
import { isDirty, useBackupAgent } from './agent';
import { lastBackupKey, type LastBackup } from './backup.service';
import { useBackupStore } from './backup.store';
import { freshDb, seedCore } from './test-kit/db';

afterEach(() => {
  delete window.api;
  vi.restoreAllMocks();
});

describe('close-time backup', () => {
  it(
    'in Electron, holds the close while there are changes, backs up, then closes the window',
    { timeout: 60_000 },
    async () => {
      const db = await freshDb();
      await seedCore(db);
      window.api = {} as PlatformApi; // only its presence matters here: the platform was picked at start
      const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
      const { unmount } = renderHook(() => useBackupAgent());
      await vi.waitFor(() => expect(isDirty()).toBe(true));

      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      expect(e.defaultPrevented).toBe(true);
      expect(useBackupStore.getState().isClosing).toBe(true);
      await vi.waitFor(() => expect(close).toHaveBeenCalledTimes(1), { timeout: 30_000 });
      expect(((await db.meta.get(lastBackupKey))?.value as LastBackup).reason).toBe('close');

      // The second close goes through.
      const again = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(again);
      expect(again.defaultPrevented).toBe(false);
      unmount();
    },
  );
});

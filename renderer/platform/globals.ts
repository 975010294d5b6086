/** Globals the platform layer reads: the preload's `window.api` and the e2e test hook. */
import type { PlatformApi } from '@shared/ipc/contract';

/** Set by Playwright tests (`window.__onsiteTestPlatform = {}`) to observe "downloads" without a filesystem. */
export interface OnsiteTestPlatform {
  /** The last file the web platform saved (a copy of its bytes). */
  lastSavedFile?: { name: string; data: Uint8Array };
  /** Called with every saved file, if set. */
  onSaveFile?: (file: { name: string; data: Uint8Array }) => void;
}

declare global {
  interface Window {
    /** Present only in Electron, exposed by electron/preload. */
    api?: PlatformApi;
    __onsiteTestPlatform?: OnsiteTestPlatform;
  }
}

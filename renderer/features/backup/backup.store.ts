import { create } from 'zustand';

/** Session state of the backup agent (UI only). */
interface BackupSessionState {
  /** The window is waiting for the close-time backup before it closes (Electron). */
  isClosing: boolean;
  setClosing: (v: boolean) => void;
}

export const useBackupStore = create<BackupSessionState>((set) => ({
  isClosing: false,
  setClosing: (isClosing) => set({ isClosing }),
}));

import { create } from 'zustand';
import { setActor } from '../../db';

export interface UnlockedPerson {
  id: string;
  name: string;
  role: 'pm' | 'engineer';
}

interface AccessState {
  /** The person who unlocked the app; null while it is locked (it opens locked). */
  unlocked: UnlockedPerson | null;
  unlock: (p: UnlockedPerson) => void;
  lock: () => void;
}

/**
 * Session state of the lock (UI state only, docs/architecture.md). Unlocking makes the person the
 * actor of every write (`setActor`, hence the audit log and `updatedBy`); locking clears it.
 */
export const useAccessStore = create<AccessState>((set) => ({
  unlocked: null,
  unlock: (p) => {
    setActor(p.id);
    set({ unlocked: p });
  },
  lock: () => {
    setActor('');
    set({ unlocked: null });
  },
}));

export const isLocked = (): boolean => useAccessStore.getState().unlocked === null;
export const lockApp = (): void => useAccessStore.getState().lock();
export const useUnlocked = (): UnlockedPerson | null => useAccessStore((s) => s.unlocked);

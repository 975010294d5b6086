import { useEffect } from 'react';
import { platform } from '../../platform';
import { useAccessStore } from './access.store';
import { useApprovalStore } from './approval.store';
import { useIdleMinutes } from './idle.repo';

const activity = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Everything that locks the app while someone is unlocked: no input for the idle time (Settings),
 * Ctrl/Cmd+L, and main's lock event (menu item, screen lock, sleep: electron/main/lock.ts).
 * Locking also cancels an open approval dialog.
 */
export function useLockTriggers(): void {
  const unlocked = useAccessStore((s) => s.unlocked !== null);
  const idleMinutes = useIdleMinutes();

  useEffect(() => {
    if (!unlocked) {
      const { pending, set } = useApprovalStore.getState();
      pending?.resolve(null);
      if (pending) set(null);
      return;
    }
    const lock = () => useAccessStore.getState().lock();
    const idleMs = idleMinutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(check, ms);
    };
    // One timer, re-armed for the time still left when it fires: input only records its time.
    const check = () => {
      const left = last + idleMs - Date.now();
      if (left <= 0) lock();
      else arm(left);
    };
    const onActivity = () => {
      last = Date.now();
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock();
      }
    };
    arm(idleMs);
    for (const ev of activity) window.addEventListener(ev, onActivity, { passive: true, capture: true });
    window.addEventListener('keydown', onKey, { capture: true });
    const off = platform.onMainEvent((e) => e.type === 'lock' && lock());
    return () => {
      clearTimeout(timer);
      for (const ev of activity) window.removeEventListener(ev, onActivity, { capture: true });
      window.removeEventListener('keydown', onKey, { capture: true });
      off();
    };
  }, [unlocked, idleMinutes]);
}

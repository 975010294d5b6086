/**
 * When the computer sleeps or its screen locks, the app locks too: main tells the renderer, which
 * shows its lock screen (renderer/features/access). The menu's Lock item sends the same event.
 */
import { powerMonitor as electronPowerMonitor } from 'electron';
import type { MainEvent } from '@shared/ipc/contract';

/** The powerMonitor events after which nobody may find the app open. */
export const LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

interface PowerEvents {
  on(event: (typeof LOCK_EVENTS)[number], listener: () => void): unknown;
  off(event: (typeof LOCK_EVENTS)[number], listener: () => void): unknown;
}

/** Subscribes to the lock events; returns the function that unsubscribes. */
export function installLockTriggers(
  send: (event: MainEvent) => void,
  monitor: PowerEvents = electronPowerMonitor,
): () => void {
  const lock = () => send({ type: 'lock' });
  for (const e of LOCK_EVENTS) monitor.on(e, lock);
  return () => {
    for (const e of LOCK_EVENTS) monitor.off(e, lock);
  };
}

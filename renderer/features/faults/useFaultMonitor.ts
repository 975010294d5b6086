import { useEffect } from 'react';
import { monitorOnce, notifyAlerts } from './fault-monitor';

const intervalMs = 15_000;

/**
 * Runs the fault monitor at start (upgrades whose breach happened while the app was closed are
 * recorded then) and every 15 s while the app runs. One pass at a time; failures are logged and
 * retried on the next tick, never shown as errors to someone logging a call.
 */
export function useFaultMonitor(): void {
  useEffect(() => {
    let running = false;
    let stopped = false;
    const tick = async () => {
      if (running || stopped) return;
      running = true;
      try {
        await notifyAlerts(await monitorOnce(new Date()));
      } catch (err) {
        console.error('fault monitor', err);
      } finally {
        running = false;
      }
    };
    void tick();
    const id = setInterval(() => void tick(), intervalMs);
    return () => {
      stopped = true;
      clearInterval(id);
    };
  }, []);
}

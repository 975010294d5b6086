import { useEffect, useState } from 'react';

/**
 * The current time, re-read every `intervalMs`: clocks are evaluated from the log at `now`, never
 * stored as timers, so a re-render with a fresh `now` is all a countdown needs.
 */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

import { useMemo } from 'react';
import { useOpenFaults } from './faults.repo';
import { needsAttention } from './fault-view';
import { useCheckedFaults } from './projection-check';
import { useNow } from '../../core';

/** The count of faults with a clock at risk or breached, on the Faults navigation item. */
export function useNavBadge(): number {
  const tick = useNow(30_000);
  const { rows: open } = useCheckedFaults(useOpenFaults());
  // The current time when the rows change, not the last tick's: a row just written by the monitor
  // has `attentionAt` = its write time, which a 30-second-old `now` would not have reached yet.
  return useMemo(() => {
    const now = new Date(Math.max(Date.now(), tick.getTime()));
    return (open ?? []).filter((f) => needsAttention(f, now)).length;
  }, [open, tick]);
}

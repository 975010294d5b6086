import { useMemo } from 'react';
import type { FeatureRoute } from '../../app/Shell';
import { FaultDetailPage } from './FaultDetailPage';
import { FaultIntakePage } from './FaultIntakePage';
import { FaultListPage } from './FaultListPage';
import { needsAttention } from './fault-monitor';
import { useOpenFaults } from './faults.repo';
import { useFaultMonitor } from './useFaultMonitor';
import { useNow } from './useNow';

export const routes: FeatureRoute[] = [
  { path: '/faults', render: () => <FaultListPage /> },
  { path: '/faults/new', render: () => <FaultIntakePage /> },
  { path: '/faults/:id', render: (p) => <FaultDetailPage key={p.id} id={p.id} /> },
];

/**
 * The count of faults with a clock at risk or breached, on the Faults navigation item. The shell
 * keeps this hook mounted for as long as the app runs, so it also drives the fault monitor
 * (automatic upgrades recorded, desktop alerts sent) — no shared file needed to start it.
 */
export function useNavBadge(): number {
  useFaultMonitor();
  const tick = useNow(30_000);
  const open = useOpenFaults();
  // The current time when the rows change, not the last tick's: a row just written by the monitor
  // has `attentionAt` = its write time, which a 30-second-old `now` would not have reached yet.
  return useMemo(() => {
    const now = new Date(Math.max(Date.now(), tick.getTime()));
    return (open ?? []).filter((f) => needsAttention(f, now)).length;
  }, [open, tick]);
}

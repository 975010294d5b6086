import { shanghaiDate } from '../../core';
import type { FeatureRoute } from '../../app/Shell';
import { TrainingDetail } from './TrainingDetail';
import { TrainingPage } from './TrainingPage';
import { useObligations } from './training.repo';

// The roster and personnel changes (team) live here as tabs: the navigation has no Team item.
export const routes: FeatureRoute[] = [
  { path: '/training', render: () => <TrainingPage /> },
  { path: '/training/records/:id', render: (p) => <TrainingDetail id={p.id} key={p.id} /> },
  { path: '/training/:tab', render: (p) => <TrainingPage tab={p.tab} /> },
];

/** Obligations that are due or late and topics the client still has to name, this year. */
export function useNavBadge(): number {
  return useObligations(Number(shanghaiDate(new Date()).slice(0, 4)))?.reminders.length ?? 0;
}

import type { FeatureRoute } from '../../app/Shell';
import { FaultDetailPage } from './FaultDetailPage';
import { FaultIntakePage } from './FaultIntakePage';
import { FaultListPage } from './FaultListPage';

export { useNavBadge } from './nav-badge';

export const routes: FeatureRoute[] = [
  { path: '/faults', render: () => <FaultListPage /> },
  { path: '/faults/new', render: () => <FaultIntakePage /> },
  { path: '/faults/:id', render: (p) => <FaultDetailPage key={p.id} id={p.id} /> },
];

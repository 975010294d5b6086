import type { FeatureRoute } from '../../app/Shell';
import { RequestDetailPage } from './RequestDetailPage';
import { RequestIntakePage } from './RequestIntakePage';
import { RequestListPage } from './RequestListPage';

export const routes: FeatureRoute[] = [
  { path: '/requests', render: () => <RequestListPage /> },
  { path: '/requests/new', render: () => <RequestIntakePage /> },
  { path: '/requests/:id', render: (p) => <RequestDetailPage key={p.id} id={p.id} /> },
];

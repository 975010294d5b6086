import type { FeatureRoute } from '../../app/Shell';
import { ReportsPage } from './ReportsPage';

export const routes: FeatureRoute[] = [{ path: '/reports', render: () => <ReportsPage /> }];

import type { FeatureRoute } from '../../app/Shell';
import { DashboardPage } from './DashboardPage';

export const routes: FeatureRoute[] = [{ path: '/', render: () => <DashboardPage /> }];

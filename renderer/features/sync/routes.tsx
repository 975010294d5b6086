import type { FeatureRoute } from '../../app/Shell';
import { SyncPage } from './SyncPage';

export const routes: FeatureRoute[] = [{ path: '/sync', render: () => <SyncPage /> }];

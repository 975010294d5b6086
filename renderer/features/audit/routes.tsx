import type { FeatureRoute } from '../../app/Shell';
import { AuditPage } from './AuditPage';

export const routes: FeatureRoute[] = [{ path: '/audit', render: () => <AuditPage /> }];

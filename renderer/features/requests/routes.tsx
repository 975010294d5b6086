import { ComingSoon } from '../../components/ComingSoon';
import type { FeatureRoute } from '../../app/Shell';

export const routes: FeatureRoute[] = [{ path: '/requests', render: () => <ComingSoon feature="requests" /> }];

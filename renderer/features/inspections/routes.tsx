import { ComingSoon } from '../../components/ComingSoon';
import type { FeatureRoute } from '../../app/Shell';

export const routes: FeatureRoute[] = [{ path: '/inspections', render: () => <ComingSoon feature="inspections" /> }];

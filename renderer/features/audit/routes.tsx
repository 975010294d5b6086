import { ComingSoon } from '../../components/ComingSoon';
import type { FeatureRoute } from '../../app/Shell';

export const routes: FeatureRoute[] = [{ path: '/audit', render: () => <ComingSoon feature="audit" /> }];

import type { FeatureRoute } from '../../app/Shell';
import { FeedbackListPage } from './FeedbackListPage';

export const routes: FeatureRoute[] = [{ path: '/feedback', render: () => <FeedbackListPage /> }];

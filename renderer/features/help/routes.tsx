import type { FeatureRoute } from '../../app/Shell';
import { HelpPage } from './HelpPage';
import { helpAreas, isHelpArea } from './help-areas';

export const routes: FeatureRoute[] = [
  { path: '/help', render: () => <HelpPage area={helpAreas[0]} /> },
  { path: '/help/:area', render: ({ area }) => <HelpPage area={isHelpArea(area) ? area : helpAreas[0]} /> },
];

import type { FeatureRoute } from '../../app/Shell';
import { SettingsPage } from './SettingsPage';

export const routes: FeatureRoute[] = [
  { path: '/settings', render: () => <SettingsPage /> },
  { path: '/settings/:tab', render: (p) => <SettingsPage tab={p.tab} /> },
];

import { AboutPanel } from './AboutPanel';

/** Settings → “About”: the last tab. */
export const sections = [{ key: 'about', titleKey: 'settings:about.tab', Component: AboutPanel, order: 100 }];

import { CalendarSettings } from './CalendarSettings';
import { PolicySettings } from './PolicySettings';

export const sections = [
  { key: 'calendar', titleKey: 'calendar:tab', Component: CalendarSettings, order: 40 },
  { key: 'policy', titleKey: 'calendar:policyTab', Component: PolicySettings, order: 41 },
];

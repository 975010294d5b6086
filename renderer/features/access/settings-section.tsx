import { AccessSettings } from './AccessSettings';

/** Settings → “Access”: idle lock. */
export const sections = [{ key: 'access', titleKey: 'access:settings.tab', Component: AccessSettings, order: 80 }];

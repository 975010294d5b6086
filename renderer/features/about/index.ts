/** What the app shell uses from about: the About dialog opened from the application menu. */
export { AboutFromMenu } from './AboutDialog';

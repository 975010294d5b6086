/** What the app shell and other features may use of the help feature. */
export { HelpButton } from './HelpButton';
export { helpAreaFor, type HelpArea } from './help-areas';

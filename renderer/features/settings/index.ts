/**
 * What the app shell and the other features use from settings: the first-run wizard, and the demo
 * data loader with the context every feature's `demo-seed.ts` plug-in receives.
 */
export { SetupWizard } from './SetupWizard';
export { loadDemoData, DemoRefusedError, type DemoContext, type DemoFollowUp } from './demo';

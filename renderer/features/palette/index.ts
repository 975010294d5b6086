/** What the app shell may use of the command palette. */
export { CommandPalette } from './CommandPalette';

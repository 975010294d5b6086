/** The faults feature's front door: what the app shell and other features may use. */
export { startFaultMonitor } from './fault-monitor';
export { minutesLeft } from './fault-view';

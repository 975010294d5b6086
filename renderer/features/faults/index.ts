/**
 * The faults feature's front door: what the app shell and other features may use. The shell starts
 * the monitor; inspections create faults from anomalies; the knowledge base reads fault references
 * and logs; service requests show their clock the way faults do. Everything else here is internal.
 */
/** Service requests claim their desktop alerts in the same alertLog, once per threshold. */
export { startFaultMonitor, claimAlerts, type Alert } from './fault-monitor';
export { minutesLeft } from './fault-view';
export { createFault, appendFaultEvents, getFault, listEvents, useFault, FaultInputError } from './faults.repo';
export type { NewFault, NewEvent } from './faults.repo';
export { listFaults, useFaultRefs, useAllFaultRefs, type FaultRef } from './fault-refs';
export { ClockTag, LevelTag, StatusTag, formatMinutes } from './tags';
/**
 * Sync (renderer/features/sync) rebuilds a fault's stored row from its merged log; the monthly
 * service report (renderer/features/reports/monthly-data.ts) reads each fault's clocks from its view.
 */
export { projectFault, faultView } from './fault-view';

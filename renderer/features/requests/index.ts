/** The requests feature's front door: the app shell starts the request monitor (desktop alerts). */
export { startRequestMonitor } from './request-monitor';

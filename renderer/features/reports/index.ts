/**
 * What other features use from the reports page: the row actions (open, save, print, sign, void)
 * shown wherever a feature lists its issued reports. The register itself is in renderer/core.
 */
export { ReportRowActions } from './ReportRowActions';
export { usePrintReport } from './usePrintReport';

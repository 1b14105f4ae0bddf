export { ReportsPage } from './components/reports-page';
// The dashboard's cards read the same summary endpoint and date helpers.
export { useCallSummary } from './api/get-call-summary';
export { presetRange, startOfWeek } from './components/date-presets';

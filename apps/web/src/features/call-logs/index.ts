export { CallLogsPage } from './components/call-logs-page';

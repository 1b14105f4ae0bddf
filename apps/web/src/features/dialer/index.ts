// Public surface of the dialer feature.
export { DialerWidget, type DialerWidgetProps } from './components/dialer-widget';
export { useDialerStore } from './stores/dialer-store';
export { useCallAction } from './hooks/use-call-action';

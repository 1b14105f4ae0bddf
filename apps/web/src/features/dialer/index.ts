// Public surface of the dialer feature.
export { DialerWidget, type DialerWidgetProps } from './components/dialer-widget';
export { useDialerStore } from './stores/dialer-store';
export { takesCalls, useCallAction, type CallTarget } from './hooks/use-call-action';

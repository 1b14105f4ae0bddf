// Public surface of the dialer feature.
export { DialerWidget, type DialerWidgetProps } from './components/dialer-widget';
export { useDialerStore } from './stores/dialer-store';
export { callFromElsewhere } from './lib/call-from-elsewhere';

import type { CallRingingEvent } from '@ringtonic/contracts';
import { readStored, writeStored } from '@/lib/local-storage';

const ASKED_KEY = 'rt.notificationsAsked';

function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** True when a polite one-time prompt may be shown (never asked, not decided yet). */
export function shouldOfferNotifications(): boolean {
  return supported() && Notification.permission === 'default' && readStored(ASKED_KEY) !== '1';
}

export async function requestNotifications(): Promise<void> {
  writeStored(ASKED_KEY, '1');
  if (supported()) await Notification.requestPermission().catch(() => 'denied');
}

export function dismissNotificationOffer(): void {
  writeStored(ASKED_KEY, '1');
}

/** A desktop notification when the tab is hidden (true when shown); clicking it brings the tab forward. */
export function notifyIncomingCall(call: CallRingingEvent): boolean {
  if (!supported() || !document.hidden || Notification.permission !== 'granted') return false;
  const who = call.callerName ? `${call.callerName} · ${call.fromFormatted}` : call.fromFormatted;
  const notification = new Notification('Incoming call', {
    body: `${who}\nto ${call.trackingNumber}${call.campaign ? ` (${call.campaign})` : ''}`,
    tag: `call-${call.callId}`,
  });
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
  return true;
}

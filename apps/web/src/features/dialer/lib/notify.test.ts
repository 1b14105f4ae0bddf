import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aRingingCall } from '@/test/factories';
import { dismissNotificationOffer, notifyIncomingCall, requestNotifications, shouldOfferNotifications } from './notify';

class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(async () => 'granted' as NotificationPermission);
  static shown: FakeNotification[] = [];
  onclick: (() => void) | null = null;
  close = vi.fn();
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this);
  }
}

const call = aRingingCall({ ringDeadline: new Date().toISOString() });

function tabHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
}

describe('desktop notifications', () => {
  beforeEach(() => {
    FakeNotification.permission = 'default';
    FakeNotification.shown = [];
    FakeNotification.requestPermission.mockClear();
    vi.stubGlobal('Notification', FakeNotification);
    window.localStorage.clear();
  });
  afterEach(() => tabHidden(false));

  it('should offer once, politely, and ask the browser only when the agent accepts', async () => {
    expect(shouldOfferNotifications()).toBe(true);
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    await requestNotifications();
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(shouldOfferNotifications()).toBe(false);
  });

  it('should not offer again after "Not now" or once the browser has an answer', () => {
    dismissNotificationOffer();
    expect(shouldOfferNotifications()).toBe(false);
    window.localStorage.clear();
    FakeNotification.permission = 'denied';
    expect(shouldOfferNotifications()).toBe(false);
  });

  it('should show the caller, number, tracking number and campaign when the tab is hidden, and focus the tab on click', () => {
    FakeNotification.permission = 'granted';
    tabHidden(true);
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    notifyIncomingCall(call);
    expect(FakeNotification.shown).toHaveLength(1);
    const [shown] = FakeNotification.shown;
    expect(shown!.title).toBe('Incoming call');
    expect(shown!.options).toMatchObject({ body: 'Ada Caller · (212) 555-0123\nto (415) 555-0100 (Google Ads)', tag: 'call-call-1' });
    shown!.onclick?.();
    expect(focus).toHaveBeenCalled();
    expect(shown!.close).toHaveBeenCalled();
  });

  it('should stay quiet while the tab is visible or without permission', () => {
    FakeNotification.permission = 'granted';
    tabHidden(false);
    notifyIncomingCall(call);
    FakeNotification.permission = 'denied';
    tabHidden(true);
    notifyIncomingCall(call);
    expect(FakeNotification.shown).toHaveLength(0);
  });
});

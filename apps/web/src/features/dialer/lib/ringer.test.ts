import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aRingingCall } from '@/test/factories';
import { useDialerStore } from '../stores/dialer-store';
import { FakeBroadcastChannel, FakeLocks } from '../testing/fake-tab-apis';
import { ringerSettled, startRinger } from './ringer';
import { TAKEOVER_GRACE_MS } from './ringer-election';

const sound = vi.hoisted(() => ({ startRingtone: vi.fn(async () => undefined), stopRingtone: vi.fn() }));
const notify = vi.hoisted(() => ({ notifyIncomingCall: vi.fn(() => true) }));
vi.mock('./sound', () => sound);
vi.mock('./notify', () => notify);

// Two tabs' ringers in one jsdom (they share the store here, as if both tabs had the same card).
const call = aRingingCall({ ringDeadline: new Date().toISOString() });
const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

describe('the ringer of a dialer session', () => {
  const stops: Array<() => void> = [];
  beforeEach(() => {
    vi.useFakeTimers();
    FakeBroadcastChannel.hubs.clear();
    vi.stubGlobal('BroadcastChannel', FakeBroadcastChannel);
    Object.defineProperty(navigator, 'locks', { configurable: true, value: new FakeLocks() });
    useDialerStore.getState().sessionEnded();
    sound.startRingtone.mockClear();
    sound.stopRingtone.mockClear();
    notify.notifyIncomingCall.mockClear();
  });
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    Object.defineProperty(navigator, 'locks', { configurable: true, value: undefined });
    vi.useRealTimers();
  });

  it('should ring and show the desktop alert in one of two tabs, and stop there when the other tab answers', async () => {
    stops.push(startRinger('me'), startRinger('me'));
    useDialerStore.getState().incomingCallReceived(call);
    await settle(TAKEOVER_GRACE_MS * 2);
    expect(sound.startRingtone).toHaveBeenCalledTimes(1);
    expect(notify.notifyIncomingCall).toHaveBeenCalledTimes(1);
    expect(window.__rtRingerRole).toBe('standby'); // the second tab (set last) waits
    expect(sound.stopRingtone).not.toHaveBeenCalled();

    ringerSettled(call.callId); // answered in the second tab: the card is still up in the first one
    await settle();
    expect(sound.stopRingtone).toHaveBeenCalledTimes(1);
  });

  it('should ring in every tab, as before, where the browser cannot coordinate tabs', async () => {
    Object.defineProperty(navigator, 'locks', { configurable: true, value: undefined });
    stops.push(startRinger('me'), startRinger('me'));
    useDialerStore.getState().incomingCallReceived(call);
    await settle();
    expect(sound.startRingtone).toHaveBeenCalledTimes(2);
    useDialerStore.getState().callClaimedElsewhere(call.callId);
    expect(sound.stopRingtone).toHaveBeenCalledTimes(2);
  });
});

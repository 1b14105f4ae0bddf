import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeSocket } from '@/lib/socket';
import { useDialerStore } from '../stores/dialer-store';
import { trackPresence } from './presence-tracker';

const timing = { heartbeatSeconds: 2, autoAwaySeconds: 4 };

function fakeSocket() {
  const emitted: Array<{ event: string; args: unknown[] }> = [];
  const socket = {
    connected: true,
    emit: (event: string, ...args: unknown[]) => {
      emitted.push({ event, args });
      const ack = args.at(-1);
      if (typeof ack === 'function') ack({ ok: true, status: useDialerStore.getState().presence });
    },
  };
  return { socket: socket as unknown as RealtimeSocket, emitted };
}

describe('trackPresence', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useDialerStore.getState().sessionEnded();
    useDialerStore.getState().socketConnected();
    useDialerStore.getState().presenceChanged('online');
  });
  afterEach(() => vi.useRealTimers());

  it('should heartbeat, go away after the idle time and come back online on input', () => {
    const { socket, emitted } = fakeSocket();
    const stop = trackPresence(socket, timing);
    vi.advanceTimersByTime(2000);
    expect(emitted.filter((e) => e.event === 'presence.heartbeat')).toHaveLength(1);

    vi.advanceTimersByTime(3000);
    expect(useDialerStore.getState()).toMatchObject({ presence: 'away', autoAway: true });
    expect(emitted).toContainEqual({ event: 'presence.set', args: [{ status: 'away' }] });

    window.dispatchEvent(new Event('keydown'));
    expect(useDialerStore.getState()).toMatchObject({ presence: 'online', autoAway: false });
    expect(emitted.at(-1)).toEqual({ event: 'presence.set', args: [{ status: 'online' }] });
    stop();
  });

  it('should not undo an away the agent chose by hand', () => {
    const { socket, emitted } = fakeSocket();
    const stop = trackPresence(socket, timing);
    useDialerStore.getState().statusChosen('away');
    window.dispatchEvent(new Event('keydown'));
    expect(useDialerStore.getState().presence).toBe('away');
    expect(emitted.some((e) => e.event === 'presence.set')).toBe(false);
    stop();
  });

  it('should not go away during a call', () => {
    const { socket } = fakeSocket();
    const stop = trackPresence(socket, timing);
    useDialerStore.getState().outboundCallStarted({ number: '+12125550100', numberFormatted: '(212) 555-0100', name: null });
    vi.advanceTimersByTime(10_000);
    expect(useDialerStore.getState().presence).toBe('online');
    stop();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDialerStore } from '../stores/dialer-store';
import { startDialerSession, updatePresenceTiming } from './dialer-session';

const fake = vi.hoisted(() => {
  const emitted: string[] = [];
  return {
    emitted,
    release: vi.fn(),
    holder: { get: vi.fn(), reset: vi.fn(), stop: vi.fn() },
    socket: {
      connected: true,
      on: () => undefined,
      off: () => undefined,
      emit: (event: string) => void emitted.push(event),
    },
  };
});
vi.mock('@/lib/realtime', () => ({ acquireRealtime: () => ({ socket: fake.socket, release: fake.release }) }));
vi.mock('./voice-device-holder', () => ({ holdVoiceDevice: () => fake.holder }));
vi.mock('../api/calls', () => ({ getRingingCalls: async () => [] }));

const heartbeats = () => fake.emitted.filter((e) => e === 'presence.heartbeat').length;

describe('updatePresenceTiming', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    fake.emitted.length = 0;
    fake.holder.get.mockReset().mockReturnValue(new Promise(() => undefined));
    fake.holder.stop.mockReset();
    fake.release.mockReset();
  });
  afterEach(() => vi.useRealTimers());

  it('should restart only the presence tracker: the socket and the voice device (and a call) stay up', () => {
    const stop = startDialerSession({ workspaceId: 'ws-1', userId: 'me', getAccessToken: () => 't', timing: { heartbeatSeconds: 30, autoAwaySeconds: 600 } });
    useDialerStore.getState().outboundCallStarted({ number: '+12125550100', numberFormatted: '(212) 555-0100', name: null });
    const before = heartbeats();

    updatePresenceTiming({ heartbeatSeconds: 1, autoAwaySeconds: 600 });
    vi.advanceTimersByTime(3000);
    expect(heartbeats() - before).toBe(3);
    expect(fake.holder.stop).not.toHaveBeenCalled();
    expect(fake.release).not.toHaveBeenCalled();
    expect(useDialerStore.getState().activeCall).not.toBeNull();

    stop();
    vi.advanceTimersByTime(3000);
    expect(heartbeats() - before).toBe(3);
    expect(fake.holder.stop).toHaveBeenCalledTimes(1);
  });
});

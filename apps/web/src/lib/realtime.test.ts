import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeSocket } from '@/test/fake-socket';
import { mockApi } from '@/test/mock-api';
import { acquireRealtime } from './realtime';

const sockets = vi.hoisted(() => [] as FakeSocket[]);
vi.mock('./socket', async () => {
  const { createFakeSocket } = await import('@/test/fake-socket');
  return {
    connectRealtime: () => {
      const socket = Object.assign(createFakeSocket(), { disconnect: vi.fn(), connect: vi.fn(), connected: false });
      sockets.push(socket);
      return socket;
    },
  };
});

describe('acquireRealtime', () => {
  afterEach(() => {
    sockets.length = 0;
    vi.useRealTimers();
  });

  it('should share one socket per workspace and disconnect it when the last holder releases it', () => {
    const dialer = acquireRealtime('ws1');
    const callLogs = acquireRealtime('ws1');
    expect(sockets).toHaveLength(1);
    expect(callLogs.socket).toBe(dialer.socket);

    dialer.release();
    dialer.release();
    expect(sockets[0]!.disconnect).not.toHaveBeenCalled();
    callLogs.release();
    expect(sockets[0]!.disconnect).toHaveBeenCalledTimes(1);

    acquireRealtime('ws1').release();
    expect(sockets).toHaveLength(2);
  });

  it('should refresh the session and reconnect when the server drops the socket', async () => {
    vi.useFakeTimers();
    const { requests } = mockApi({ 'POST /auth/refresh': () => ({ accessToken: 'fresh', expiresAt: '2026-01-01T00:00:00.000Z' }) });
    const lease = acquireRealtime('ws2');
    sockets[0]!.serverEmit('disconnect', 'io server disconnect');
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(sockets[0]!.connect).toHaveBeenCalledTimes(1));
    expect(requests.map((r) => r.path)).toEqual(['/auth/refresh']);
    lease.release();
  });

  it('should retry a refused connect with a fresh session, but not when the user is no longer a member', async () => {
    vi.useFakeTimers();
    const { requests } = mockApi({ 'POST /auth/refresh': () => ({ accessToken: 'fresh', expiresAt: '2026-01-01T00:00:00.000Z' }) });
    const expired = acquireRealtime('ws3');
    sockets[0]!.active = false; // refused by the server's middleware: socket.io will not retry by itself
    sockets[0]!.serverEmit('connect_error', new Error('Your session has expired; refresh and reconnect'));
    await vi.advanceTimersByTimeAsync(2000);
    await vi.waitFor(() => expect(sockets[0]!.connect).toHaveBeenCalledTimes(1));

    const removed = acquireRealtime('ws4');
    sockets[1]!.active = false;
    sockets[1]!.serverEmit('connect_error', new Error('Workspace not found'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets[1]!.connect).not.toHaveBeenCalled();
    expect(requests.map((r) => r.path)).toEqual(['/auth/refresh']);
    expired.release();
    removed.release();
  });
});

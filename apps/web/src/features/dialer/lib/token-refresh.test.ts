import type { VoiceTokenResponse } from '@ringtonic/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETRY_DELAY_MS, startTokenRefresh } from './token-refresh';

const MINUTE = 60_000;
const inMinutes = (m: number) => new Date(Date.now() + m * MINUTE).toISOString();
const token = (name: string, expiresInMinutes: number): VoiceTokenResponse => ({
  token: name,
  identity: 'agent_1',
  expiresAt: inMinutes(expiresInMinutes),
  provider: 'sandbox',
});

describe('startTokenRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('should fetch a new token a minute before expiry and schedule the next from the new expiry', async () => {
    let n = 0;
    // Each token is minted when fetched and lives ten minutes.
    const fetchToken = vi.fn(async () => token(`token-${++n}`, 10));
    const update = vi.fn();
    const refresher = startTokenRefresh(fetchToken, update, inMinutes(5));

    await vi.advanceTimersByTimeAsync(4 * MINUTE - 1000);
    expect(fetchToken).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(update).toHaveBeenCalledWith('token-1');

    await vi.advanceTimersByTimeAsync(9 * MINUTE - 1000);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(update).toHaveBeenLastCalledWith('token-2');
    refresher.stop();
  });

  it('should retry a failed refresh until one succeeds', async () => {
    const fetchToken = vi.fn().mockRejectedValueOnce(new Error('offline')).mockRejectedValueOnce(new Error('offline')).mockResolvedValue(token('fresh', 60));
    const update = vi.fn();
    const onRefreshed = vi.fn();
    const refresher = startTokenRefresh(fetchToken, update, inMinutes(2), onRefreshed);

    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    expect(update).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
    expect(fetchToken).toHaveBeenCalledTimes(3);
    expect(update).toHaveBeenCalledWith('fresh');
    expect(onRefreshed).toHaveBeenCalledTimes(1);
    refresher.stop();
  });

  it('should refresh at once on request and never after stop', async () => {
    const fetchToken = vi.fn().mockResolvedValue(token('now', 60));
    const update = vi.fn();
    const refresher = startTokenRefresh(fetchToken, update, inMinutes(60));
    refresher.refreshNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(update).toHaveBeenCalledWith('now');

    refresher.stop();
    await vi.advanceTimersByTimeAsync(120 * MINUTE);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });
});

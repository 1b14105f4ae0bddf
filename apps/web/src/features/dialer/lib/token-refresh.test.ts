import type { VoiceTokenResponse } from '@ringtonic/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TOKEN_REJECTIONS, MIN_DELAY_MS, RETRY_DELAY_MS, startTokenRefresh } from './token-refresh';

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
    const refresher = startTokenRefresh({ fetchToken, updateToken: update, expiresAt: inMinutes(5) });

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
    const refresher = startTokenRefresh({ fetchToken, updateToken: update, expiresAt: inMinutes(2), onRefreshed });

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

  it('should refresh at once when the token is rejected and never after stop', async () => {
    const fetchToken = vi.fn().mockResolvedValue(token('now', 60));
    const update = vi.fn();
    const refresher = startTokenRefresh({ fetchToken, updateToken: update, expiresAt: inMinutes(60) });
    refresher.tokenRejected();
    await vi.advanceTimersByTimeAsync(0);
    expect(update).toHaveBeenCalledWith('now');

    refresher.stop();
    await vi.advanceTimersByTimeAsync(120 * MINUTE);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('should pause between refreshes while every new token is rejected, then give up', async () => {
    let n = 0;
    const fetchToken = vi.fn(async () => token(`token-${++n}`, 60));
    const update = vi.fn();
    const onGaveUp = vi.fn();
    const refresher = startTokenRefresh({ fetchToken, updateToken: update, expiresAt: inMinutes(60), onGaveUp });
    // The device rejects each token as soon as it gets it (e.g. the API key was revoked).
    update.mockImplementation(() => refresher.tokenRejected());

    refresher.tokenRejected();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    // No second fetch within MIN_DELAY_MS of the first, however often the device complains.
    refresher.tokenRejected();
    await vi.advanceTimersByTimeAsync(MIN_DELAY_MS - 1);
    expect(fetchToken).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    // Then twice as long each time.
    await vi.advanceTimersByTimeAsync(2 * MIN_DELAY_MS - 1);
    expect(fetchToken).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchToken).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(4 * MIN_DELAY_MS);
    expect(fetchToken).toHaveBeenCalledTimes(MAX_TOKEN_REJECTIONS - 1);
    expect(onGaveUp).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(fetchToken).toHaveBeenCalledTimes(MAX_TOKEN_REJECTIONS - 1);
    refresher.tokenRejected();
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(fetchToken).toHaveBeenCalledTimes(MAX_TOKEN_REJECTIONS - 1);
    expect(onGaveUp).toHaveBeenCalledTimes(1);
  });

  it('should count rejections afresh once a token has worked for a while', async () => {
    const fetchToken = vi.fn(async () => token('fresh', 60));
    const onGaveUp = vi.fn();
    const refresher = startTokenRefresh({ fetchToken, updateToken: vi.fn(), expiresAt: inMinutes(60), onGaveUp });
    for (let i = 0; i < MAX_TOKEN_REJECTIONS + 2; i += 1) {
      refresher.tokenRejected();
      await vi.advanceTimersByTimeAsync(5 * MINUTE);
    }
    expect(fetchToken).toHaveBeenCalledTimes(MAX_TOKEN_REJECTIONS + 2);
    expect(onGaveUp).not.toHaveBeenCalled();
    refresher.stop();
  });
});

import type { VoiceTokenResponse } from '@ringtonic/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDialerStore } from '../stores/dialer-store';
import { TOKEN_GAVE_UP_MESSAGE } from '../voice/voice-errors';
import { MAX_TOKEN_REJECTIONS } from './token-refresh';
import { holdVoiceDevice } from './voice-device-holder';

const fake = vi.hoisted(() => ({
  createVoiceToken: vi.fn(),
  onError: null as null | ((message: string, code?: number) => void),
  device: {
    connect: vi.fn(),
    updateToken: vi.fn(),
    destroy: vi.fn(),
    listAudioDevices: vi.fn(),
    setInputDevice: vi.fn(async () => undefined),
    setOutputDevice: vi.fn(async () => undefined),
  },
}));
vi.mock('../api/dialer', () => ({ createVoiceToken: fake.createVoiceToken }));
vi.mock('../voice/create-voice-device', () => ({
  createVoiceDevice: async (_token: unknown, onError: (message: string, code?: number) => void) => {
    fake.onError = onError;
    return fake.device;
  },
}));

const HOUR = 3_600_000;
const MIC_BLOCKED = 'Microphone blocked. Allow microphone access for this site in your browser, then try again.';
const EXPIRED = 'Your voice session expired. Reconnecting the dialer…';
const INVALID = 'Your voice session is not valid. Reconnecting the dialer… If this keeps happening, reload the page.';
const deviceError = () => useDialerStore.getState().deviceError;

describe('holdVoiceDevice', () => {
  let minted: number;
  beforeEach(() => {
    vi.useFakeTimers();
    minted = 0;
    fake.createVoiceToken.mockReset().mockImplementation(async (): Promise<VoiceTokenResponse> => ({
      token: `t${++minted}`,
      identity: 'agent',
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
      provider: 'twilio',
    }));
    fake.device.updateToken.mockReset();
    useDialerStore.getState().sessionEnded();
  });
  afterEach(() => vi.useRealTimers());

  async function started() {
    const holder = holdVoiceDevice('ws-1');
    await holder.get();
    return holder;
  }

  it('should stop fetching tokens and say so when every new token is rejected (no request loop)', async () => {
    const holder = await started();
    // A revoked API key: the voice service rejects each token the device gets.
    fake.device.updateToken.mockImplementation(() => fake.onError!(INVALID, 20101));
    fake.onError!(INVALID, 20101);
    await vi.advanceTimersByTimeAsync(HOUR);

    // The first token plus one per rejection until the refresher gives up.
    expect(fake.createVoiceToken).toHaveBeenCalledTimes(MAX_TOKEN_REJECTIONS);
    expect(deviceError()).toBe(TOKEN_GAVE_UP_MESSAGE);
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(fake.createVoiceToken).toHaveBeenCalledTimes(MAX_TOKEN_REJECTIONS);
    holder.stop();
  });

  it('should clear a token error once a fresh token is in, but keep "Microphone blocked" across refreshes', async () => {
    const holder = await started();
    fake.onError!(EXPIRED, 20104);
    expect(deviceError()).toBe(EXPIRED);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.device.updateToken).toHaveBeenCalledWith('t2');
    expect(deviceError()).toBeNull();

    fake.onError!(MIC_BLOCKED, 31208);
    // The hourly refresh (a minute before expiry) comes and goes; the banner stays.
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(fake.device.updateToken).toHaveBeenCalledWith('t3');
    expect(deviceError()).toBe(MIC_BLOCKED);
    holder.stop();
  });
});

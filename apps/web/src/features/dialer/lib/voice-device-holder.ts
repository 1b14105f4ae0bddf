import { errorMessage } from '@/lib/api-error';
import { createVoiceToken } from '../api/dialer';
import { useDialerStore } from '../stores/dialer-store';
import { createVoiceDevice } from '../voice/create-voice-device';
import type { VoiceDevice } from '../voice/voice-device';
import { isTokenError, TOKEN_GAVE_UP_MESSAGE } from '../voice/voice-errors';
import { applyStoredAudioChoices } from './audio-preference';
import { startTokenRefresh, type TokenRefresher } from './token-refresh';

/** The session's voice device: started on first use, its token kept fresh, rebuilt after a failure. */
export interface VoiceDeviceHolder {
  /** The device, started (new token, new connection) if there is none yet. */
  get(): Promise<VoiceDevice>;
  /** Drops a device that failed to connect; the next get() builds a new one. */
  reset(): void;
  stop(): void;
}

const store = () => useDialerStore.getState();

export function holdVoiceDevice(workspaceId: string): VoiceDeviceHolder {
  let device: Promise<VoiceDevice> | null = null;
  let tokens: TokenRefresher | null = null;
  let stopped = false;
  // Bumped when the device is dropped: a start still under way then belongs to no one.
  let generation = 0;
  // The banner this device put up for a rejected token: a fresh token clears that one only
  // (a "Microphone blocked" banner stays until the agent fixes it).
  let tokenErrorShown: string | null = null;

  const onDeviceError = (message: string, code?: number) => {
    store().deviceFailed(message);
    if (!isTokenError(code)) return;
    tokenErrorShown = message;
    // An expired or invalid token is replaced instead of asking the agent to reload (throttled).
    tokens?.tokenRejected();
  };
  const onRefreshed = () => {
    if (tokenErrorShown !== null && store().deviceError === tokenErrorShown) store().deviceFailed(null);
    tokenErrorShown = null;
  };
  const onGaveUp = () => {
    tokenErrorShown = null;
    store().deviceFailed(TOKEN_GAVE_UP_MESSAGE);
  };

  function start(): Promise<VoiceDevice> {
    const mine = generation;
    const starting = (async () => {
      const token = await createVoiceToken(workspaceId);
      const created = await createVoiceDevice(token, onDeviceError);
      const refresher = startTokenRefresh({
        fetchToken: () => createVoiceToken(workspaceId),
        updateToken: (fresh) => created.updateToken(fresh),
        expiresAt: token.expiresAt,
        onRefreshed,
        onGaveUp,
      });
      // Stopped or reset while starting: this device is destroyed, so nothing refreshes it.
      if (stopped || generation !== mine) refresher.stop();
      else {
        tokens?.stop();
        tokens = refresher;
      }
      await applyStoredAudioChoices(created);
      // A new device is a new attempt: whatever went wrong before is no longer shown.
      if (store().deviceError) store().deviceFailed(null);
      tokenErrorShown = null;
      return created;
    })();
    starting.catch((error: unknown) => {
      if (stopped) return;
      store().deviceFailed(errorMessage(error, 'The voice connection could not start.'));
      if (device === starting) device = null;
    });
    return starting;
  }

  const release = () => {
    const old = device;
    device = null;
    generation += 1;
    tokens?.stop();
    tokens = null;
    void old?.then((d) => d.destroy()).catch(() => undefined);
  };

  return {
    get: () => (device ??= start()),
    reset: release,
    stop: () => {
      stopped = true;
      release();
    },
  };
}

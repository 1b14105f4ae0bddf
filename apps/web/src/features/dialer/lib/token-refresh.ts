import type { VoiceTokenResponse } from '@ringtonic/contracts';

/** Refresh this long before the token expires, and never sooner than MIN_DELAY_MS from now. */
export const REFRESH_BEFORE_EXPIRY_MS = 60_000;
export const MIN_DELAY_MS = 10_000;
/** After a failed refresh, try again this much later (until one succeeds or the session stops). */
export const RETRY_DELAY_MS = 15_000;

export interface TokenRefresher {
  /** Fetch a new token now (e.g. the device reported an expired or invalid token). */
  refreshNow(): void;
  stop(): void;
}

/**
 * Keeps a voice device's token fresh on our own timer (not the SDK's tokenWillExpire): a minute
 * before expiry, then again from each new token's expiry; a failed fetch is retried.
 */
export function startTokenRefresh(
  fetchToken: () => Promise<VoiceTokenResponse>,
  updateToken: (token: string) => void,
  expiresAt: string,
  onRefreshed?: () => void,
): TokenRefresher {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let inFlight = false;

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = stopped ? null : setTimeout(refresh, ms);
  };
  const untilExpiry = (at: string) => Math.max(MIN_DELAY_MS, new Date(at).getTime() - Date.now() - REFRESH_BEFORE_EXPIRY_MS);

  function refresh(): void {
    timer = null;
    if (stopped || inFlight) return;
    inFlight = true;
    fetchToken()
      .then((token) => {
        if (stopped) return;
        updateToken(token.token);
        onRefreshed?.();
        schedule(untilExpiry(token.expiresAt));
      })
      .catch(() => schedule(RETRY_DELAY_MS))
      .finally(() => {
        inFlight = false;
      });
  }

  schedule(untilExpiry(expiresAt));
  return {
    refreshNow: () => {
      if (timer) clearTimeout(timer);
      refresh();
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

import type { VoiceTokenResponse } from '@ringtonic/contracts';

/** Refresh this long before the token expires, and never sooner than MIN_DELAY_MS from now. */
const REFRESH_BEFORE_EXPIRY_MS = 60_000;
/** Also the least time between two refreshes after a rejected token (at most one at once per this). */
export const MIN_DELAY_MS = 10_000;
/** After a failed refresh, try again this much later (until one succeeds or the session stops). */
export const RETRY_DELAY_MS = 15_000;
/** Rejected tokens in a row after which the refresher stops (API key revoked, clock skew…). */
export const MAX_TOKEN_REJECTIONS = 5;
/** Each further rejection in a row waits twice as long as the one before, up to this. */
const MAX_BACKOFF_MS = 5 * 60_000;
/** A token used this long before it is rejected starts a new count of rejections. */
const TRUSTED_AFTER_MS = 2 * 60_000;

export interface TokenRefresher {
  /**
   * The device rejected its token (expired or invalid): fetch another at once, then with a growing
   * pause while new tokens are rejected too; after MAX_TOKEN_REJECTIONS in a row, give up.
   */
  tokenRejected(): void;
  stop(): void;
}

export interface TokenRefreshOptions {
  fetchToken: () => Promise<VoiceTokenResponse>;
  updateToken: (token: string) => void;
  /** The current token's expiry. */
  expiresAt: string;
  onRefreshed?: () => void;
  /** Called once when the refresher stops for good after too many rejected tokens. */
  onGaveUp?: () => void;
}

/**
 * Keeps a voice device's token fresh on our own timer (not the SDK's tokenWillExpire): a minute
 * before expiry, then again from each new token's expiry; a failed fetch is retried.
 */
export function startTokenRefresh({ fetchToken, updateToken, expiresAt, onRefreshed, onGaveUp }: TokenRefreshOptions): TokenRefresher {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let inFlight = false;
  let lastFetchAt = -Infinity;
  let lastUpdateAt = Date.now();
  let rejections = 0;
  // One bad token may be reported several times; it counts (and is replaced) once.
  let currentRejected = false;

  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = stopped ? null : setTimeout(refresh, ms);
  };
  const untilExpiry = (at: string) => Math.max(MIN_DELAY_MS, new Date(at).getTime() - Date.now() - REFRESH_BEFORE_EXPIRY_MS);

  function refresh(): void {
    timer = null;
    if (stopped || inFlight) return;
    inFlight = true;
    lastFetchAt = Date.now();
    fetchToken()
      .then((token) => {
        if (stopped) return;
        lastUpdateAt = Date.now();
        currentRejected = false;
        updateToken(token.token);
        // Rejected at once: tokenRejected() has planned the next attempt (or given up).
        if (currentRejected || stopped) return;
        onRefreshed?.();
        schedule(untilExpiry(token.expiresAt));
      })
      .catch(() => schedule(RETRY_DELAY_MS))
      .finally(() => {
        inFlight = false;
      });
  }

  function stop(): void {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  schedule(untilExpiry(expiresAt));
  return {
    tokenRejected: () => {
      if (stopped || currentRejected) return;
      currentRejected = true;
      if (Date.now() - lastUpdateAt >= TRUSTED_AFTER_MS) rejections = 0;
      rejections += 1;
      if (rejections >= MAX_TOKEN_REJECTIONS) {
        stop();
        onGaveUp?.();
        return;
      }
      const backoff = rejections === 1 ? 0 : Math.min(MAX_BACKOFF_MS, MIN_DELAY_MS * 2 ** (rejections - 2));
      const delay = Math.max(backoff, lastFetchAt + MIN_DELAY_MS - Date.now());
      if (delay > 0) return schedule(delay);
      if (timer) clearTimeout(timer);
      refresh();
    },
    stop,
  };
}

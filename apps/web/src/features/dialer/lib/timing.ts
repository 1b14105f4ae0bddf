import { readStored } from '@/lib/local-storage';

// The seed's values; tests shrink them with localStorage (the server's own are env variables).
export const HEARTBEAT_SECONDS = 30;
export const AUTO_AWAY_SECONDS = 600;

declare global {
  interface Window {
    __RT_CONFIG__?: { heartbeatSeconds?: number; autoAwaySeconds?: number };
  }
}

function override(key: string, configured: number | undefined, fallback: number): number {
  const stored = Number(readStored(key));
  if (Number.isFinite(stored) && stored > 0) return stored;
  return configured && configured > 0 ? configured : fallback;
}

export function heartbeatSeconds(): number {
  return override('rt.heartbeatSeconds', window.__RT_CONFIG__?.heartbeatSeconds, HEARTBEAT_SECONDS);
}

export function autoAwaySeconds(): number {
  return override('rt.autoAwaySeconds', window.__RT_CONFIG__?.autoAwaySeconds, AUTO_AWAY_SECONDS);
}

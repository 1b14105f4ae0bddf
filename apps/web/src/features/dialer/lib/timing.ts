import type { DialerAvailability } from '@ringtonic/contracts';

// The seed's values, used only when the dialer response does not carry the server's settings.
export const HEARTBEAT_SECONDS = 30;
export const AUTO_AWAY_SECONDS = 600;

/** How often the browser heartbeats and how long without input before it sets the agent away. */
export interface PresenceTiming {
  heartbeatSeconds: number;
  autoAwaySeconds: number;
}

const positive = (value: number | undefined, fallback: number) => (typeof value === 'number' && value > 0 ? value : fallback);

/** The server's HEARTBEAT_SECONDS / AUTO_AWAY_SECONDS as GET …/dialer reports them. */
export function presenceTiming(dialer?: Partial<Pick<DialerAvailability, 'heartbeatSeconds' | 'autoAwaySeconds'>>): PresenceTiming {
  return {
    heartbeatSeconds: positive(dialer?.heartbeatSeconds, HEARTBEAT_SECONDS),
    autoAwaySeconds: positive(dialer?.autoAwaySeconds, AUTO_AWAY_SECONDS),
  };
}

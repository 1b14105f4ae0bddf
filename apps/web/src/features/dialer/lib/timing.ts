import type { DialerAvailability } from '@ringtonic/contracts';

/**
 * How often the browser heartbeats and how long without input before it sets the agent away:
 * the server's HEARTBEAT_SECONDS / AUTO_AWAY_SECONDS as GET …/dialer reports them.
 */
export type PresenceTiming = Pick<DialerAvailability, 'heartbeatSeconds' | 'autoAwaySeconds'>;

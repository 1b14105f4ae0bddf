import type { PresenceStatus } from '@ringtonic/contracts';

export const PRESENCE_LABELS: Record<PresenceStatus, string> = {
  online: 'Online',
  away: 'Away',
  dnd: 'Do Not Disturb',
  in_call: 'In Call',
  offline: 'Offline',
};

export function PresenceDot({ status }: { status: PresenceStatus }) {
  return <span className={`presence-dot presence-${status}`} aria-hidden="true" />;
}

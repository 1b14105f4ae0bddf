import { INTENDED_STATUSES, type IntendedStatus, type PresenceStatus } from '@ringtonic/contracts';
import { useId } from 'react';
import { chooseStatus } from '../lib/dialer-session';
import { usePresence } from '../stores/dialer-store';
import { PRESENCE_LABELS, PresenceDot } from './presence-dot';

const AUTOMATIC: PresenceStatus[] = ['in_call', 'offline'];

function isIntended(value: string): value is IntendedStatus {
  return (INTENDED_STATUSES as readonly string[]).includes(value);
}

/** Online / Away / Do Not Disturb are chosen; In Call and Offline are shown automatically. */
export function StatusControl() {
  const presence = usePresence();
  const id = useId();
  return (
    <div className="dialer-status">
      <PresenceDot status={presence} />
      <label htmlFor={id} className="visually-hidden">
        Status
      </label>
      <select
        id={id}
        className="dialer-select"
        value={presence}
        onChange={(e) => {
          if (isIntended(e.target.value)) chooseStatus(e.target.value);
        }}
      >
        {INTENDED_STATUSES.map((s) => (
          <option key={s} value={s}>
            {PRESENCE_LABELS[s]}
          </option>
        ))}
        {AUTOMATIC.map((s) => (
          <option key={s} value={s} disabled>
            {PRESENCE_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}

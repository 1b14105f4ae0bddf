import type { DialerUnavailableReason } from '@ringtonic/contracts';
import { PhoneOff } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';

const REASONS: Record<DialerUnavailableReason, string> = {
  ROLE_NOT_ALLOWED: 'Your role cannot make or receive calls.',
  PLAN_NOT_AGENCY: 'The Dialer needs the Agency plan.',
  DIALER_DISABLED: 'The Dialer is turned off in Settings.',
  TWILIO_CREDENTIALS_MISSING: 'Twilio credentials are missing.',
  API_KEY_MISSING: 'The Twilio API key is missing.',
  DIALER_NOT_READY: 'The Dialer setup is not finished.',
  NO_TRACKING_NUMBERS: 'There are no tracking numbers yet.',
};

/** For admins only: a small pill that opens why the widget is not there, and where to fix it. */
export function DialerUnavailable({ workspaceId, reasons }: { workspaceId: string; reasons: DialerUnavailableReason[] }) {
  const [open, setOpen] = useState(false);
  return (
    <aside className="dialer-unavailable" aria-label="Dialer unavailable">
      <button type="button" className="dialer-unavailable-title" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
        <PhoneOff size={14} aria-hidden="true" /> Dialer unavailable
      </button>
      {open && (
        <>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{REASONS[r] ?? r}</li>
            ))}
          </ul>
          <Link to={`/w/${workspaceId}/settings`}>Open Settings</Link>
        </>
      )}
    </aside>
  );
}

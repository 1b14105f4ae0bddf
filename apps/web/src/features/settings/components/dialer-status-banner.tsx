import type { DialerSettingsView } from '@ringtonic/contracts';
import { Link } from 'react-router';
import { Notice } from '@/components/ui/status';

/** The outcome of the last provisioning, as WorkspaceView.dialer reports it. */
export function DialerStatusBanner({ dialer }: { dialer: DialerSettingsView }) {
  if (dialer.status === 'ready') {
    return (
      <Notice tone="success" title="Dialer ready" role="status">
        <p>
          The TwiML Application is set up in your Twilio account
          {dialer.twimlAppSid && (
            <>
              : <code>{dialer.twimlAppSid}</code>
            </>
          )}
          . Agents, admins and owners see the dialer widget.
        </p>
      </Notice>
    );
  }
  if (dialer.status === 'not_ready') {
    return (
      <Notice tone="warning" title="Dialer not ready" role="status">
        <p>{dialer.statusMessage ?? 'Ring Tonic could not create the TwiML Application in your Twilio account.'}</p>
        <ul>
          <li>
            Verify your Account SID and Auth Token are correct in the{' '}
            <Link to="?tab=basic" replace>
              Basic tab
            </Link>
            .
          </li>
          <li>Make sure your Twilio account is active (not suspended).</li>
          <li>Save the workspace settings again: Ring Tonic will retry provisioning.</li>
        </ul>
      </Notice>
    );
  }
  return null;
}

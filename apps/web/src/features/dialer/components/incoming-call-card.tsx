import type { CallRingingEvent } from '@ringtonic/contracts';
import { Phone, PhoneOff, Volume2 } from 'lucide-react';
import { useState } from 'react';
import { answerRingingCall, rejectRingingCall } from '../lib/dialer-session';
import { formatPhone } from '../lib/phone';
import { unlockSound } from '../lib/sound';
import { useSoundBlocked } from '../stores/dialer-store';

export function IncomingCallCard({ call }: { call: CallRingingEvent }) {
  const [answering, setAnswering] = useState(false);
  const soundBlocked = useSoundBlocked();
  const headingId = `incoming-${call.callId}`;
  return (
    <section className="incoming-card" aria-labelledby={headingId}>
      <p className="incoming-kicker">
        <span className="ring-pulse" aria-hidden="true" /> Incoming call
      </p>
      <h3 id={headingId} className="incoming-number">
        {call.fromFormatted}
      </h3>
      <p className="incoming-name">{call.callerName ?? 'Unknown caller'}</p>
      <dl className="incoming-details">
        <div>
          <dt>Tracking number</dt>
          <dd>{formatPhone(call.trackingNumber)}</dd>
        </div>
        <div>
          <dt>Campaign</dt>
          <dd>{call.campaign ?? '—'}</dd>
        </div>
      </dl>
      {soundBlocked && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => void unlockSound()}>
          <Volume2 size={14} aria-hidden="true" /> Enable sound
        </button>
      )}
      <div className="incoming-actions">
        <button
          type="button"
          className="btn incoming-answer"
          disabled={answering}
          onClick={() => {
            setAnswering(true);
            void answerRingingCall(call).finally(() => setAnswering(false));
          }}
        >
          <Phone size={16} aria-hidden="true" /> Answer
        </button>
        <button type="button" className="btn btn-danger" disabled={answering} onClick={() => void rejectRingingCall(call.callId)}>
          <PhoneOff size={16} aria-hidden="true" /> Reject
        </button>
      </div>
    </section>
  );
}

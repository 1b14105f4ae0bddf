import { Grid3x3, Mic, MicOff, PhoneOff } from 'lucide-react';
import { useEffect, useState } from 'react';
import { formatDuration } from '@/lib/crm-format';
import { hangUp, sendDigits, toggleMute } from '../lib/dialer-session';
import type { ActiveCall } from '../stores/dialer-store';
import { DialPad } from './dial-pad';

function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

export function ActiveCallView({ call }: { call: ActiveCall }) {
  const elapsed = useElapsedSeconds(call.connectedAt);
  const [showKeypad, setShowKeypad] = useState(false);
  const [sent, setSent] = useState('');
  return (
    <section className="active-call" aria-label="Active call">
      <p className="active-call-name">{call.name ?? call.numberFormatted}</p>
      {call.name && <p className="active-call-number">{call.numberFormatted}</p>}
      <p className="active-call-timer" role="timer" aria-live="off">
        {call.connectedAt === null ? (call.direction === 'outbound' ? 'Calling…' : 'Connecting…') : formatDuration(elapsed)}
      </p>
      {showKeypad && (
        <>
          <output className="dtmf-sent" aria-label="Digits sent">
            {sent}
          </output>
          <DialPad
            label="Touch-tone keypad"
            onKey={(key) => {
              sendDigits(key);
              setSent((s) => `${s}${key}`);
            }}
          />
        </>
      )}
      <div className="active-call-controls">
        <button type="button" className={call.muted ? 'control-button control-on' : 'control-button'} onClick={toggleMute}>
          {call.muted ? <MicOff size={18} aria-hidden="true" /> : <Mic size={18} aria-hidden="true" />}
          {call.muted ? 'Unmute' : 'Mute'}
        </button>
        <button type="button" className={showKeypad ? 'control-button control-on' : 'control-button'} aria-pressed={showKeypad} onClick={() => setShowKeypad((v) => !v)}>
          <Grid3x3 size={18} aria-hidden="true" />
          Keypad
        </button>
        <button type="button" className="control-button control-hangup" onClick={hangUp}>
          <PhoneOff size={18} aria-hidden="true" />
          Hang up
        </button>
      </div>
    </section>
  );
}

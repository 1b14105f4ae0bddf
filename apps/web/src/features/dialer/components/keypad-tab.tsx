import type { CallerIdOption } from '@ringtonic/contracts';
import { Delete, Phone } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { dialNumber } from '../lib/dial';
import { useWorkspaceCountry } from '@/features/workspace';
import { formatAsYouType, toE164 } from '../lib/phone';
import { useDialerStore, useDraftNumber } from '../stores/dialer-store';
import { DialPad } from './dial-pad';

export function KeypadTab({ workspaceId, callerIds }: { workspaceId: string; callerIds: CallerIdOption[] }) {
  const id = useId();
  const draft = useDraftNumber();
  const [touched, setTouched] = useState(false);
  const country = useWorkspaceCountry(workspaceId);
  const valid = toE164(draft, country) !== null;
  const change = (text: string) => useDialerStore.getState().draftNumberChanged(formatAsYouType(text, country));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (valid) void dialNumber(workspaceId, callerIds, { number: draft, country });
  };

  return (
    <form className="keypad-tab" onSubmit={submit} noValidate>
      <label htmlFor={id} className="visually-hidden">
        Phone number
      </label>
      <div className="keypad-input-row">
        <input
          id={id}
          className="input keypad-input"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder="Enter a number"
          value={draft}
          aria-invalid={(touched && !valid) || undefined}
          aria-describedby={touched && !valid ? `${id}-error` : undefined}
          onChange={(e) => change(e.target.value)}
        />
        {draft && (
          <button type="button" className="icon-button" aria-label="Delete digit" onClick={() => change(draft.replace(/\D?\d?$/, '').replace(/[^\d]+$/, ''))}>
            <Delete size={16} aria-hidden="true" />
          </button>
        )}
      </div>
      {touched && !valid && (
        <p id={`${id}-error`} className="field-error" role="alert">
          Enter a valid phone number.
        </p>
      )}
      <DialPad label="Dial pad" onKey={(key) => change(`${draft}${key}`)} />
      <button type="submit" className="call-button" aria-label="Call" disabled={!draft}>
        <Phone size={20} aria-hidden="true" />
      </button>
    </form>
  );
}

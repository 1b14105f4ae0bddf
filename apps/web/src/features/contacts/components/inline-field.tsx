import { useEffect, useId, useRef, useState } from 'react';
import { toast } from 'sonner';
import { errorMessage } from '@/lib/api-error';

export interface InlineFieldProps {
  label: string;
  value: string;
  /** Saves the text; rejects to revert the field with a message. */
  onSave: (text: string) => Promise<unknown>;
  type?: 'text' | 'email' | 'tel' | 'date';
  multiline?: boolean;
  readOnly?: boolean;
  placeholder?: string;
  delayMs?: number;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'error';
const STATE_TEXT: Record<SaveState, string> = { idle: '', saving: 'Saving…', saved: 'Saved', error: 'Not saved' };

/** A field that saves itself: debounced while typing, at once on blur; reverts with a toast on failure. */
export function InlineField({ label, value, onSave, type = 'text', multiline, readOnly, placeholder, delayMs = 700 }: InlineFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [state, setState] = useState<SaveState>('idle');
  const saved = useRef(value);
  const pending = useRef<string | null>(null);

  useEffect(() => {
    saved.current = value;
    setDraft(value);
  }, [value]);

  const commit = async (text: string) => {
    if (text === saved.current || pending.current === text) return;
    pending.current = text;
    setState('saving');
    try {
      await onSave(text);
      saved.current = text;
      setState('saved');
    } catch (error) {
      setDraft(saved.current);
      setState('error');
      toast.error(`${label} was not saved`, { description: errorMessage(error) });
    } finally {
      pending.current = null;
    }
  };

  useEffect(() => {
    if (draft === saved.current) return;
    const timer = setTimeout(() => void commit(draft), delayMs);
    return () => clearTimeout(timer);
    // commit reads refs; re-arming on draft changes is the point
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draft]);

  const common = {
    id,
    value: draft,
    readOnly,
    placeholder: readOnly ? '—' : placeholder,
    className: 'input inline-input',
    onBlur: () => void commit(draft),
  };
  return (
    <div className="inline-field">
      <label htmlFor={id} className="label">
        {label}
        <span className="inline-field-state" aria-live="polite" data-state={state}>
          {STATE_TEXT[state]}
        </span>
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => setDraft(e.target.value)} />
      )}
    </div>
  );
}

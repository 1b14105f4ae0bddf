import { Volume2, X } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { toast } from 'sonner';
import { errorMessage } from '@/lib/api-error';
import { readAudioChoice, storeAudioChoice } from '../lib/audio-preference';
import { chooseAudioDevice, listAudioDevices } from '../lib/dialer-session';
import { playTestTone } from '../lib/sound';
import type { AudioDevices } from '../voice/voice-device';

function DeviceSelect({ kind, label, options }: { kind: 'input' | 'output'; label: string; options: AudioDevices['inputs'] }) {
  const id = useId();
  const [value, setValue] = useState(() => readAudioChoice(kind) ?? options[0]?.id ?? '');
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select
        id={id}
        className="dialer-select dialer-select-block"
        value={value}
        disabled={options.length === 0}
        onChange={(e) => {
          const next = e.target.value;
          setValue(next);
          storeAudioChoice(kind, next);
          chooseAudioDevice(kind, next).catch((error: unknown) => toast.error(errorMessage(error, 'Could not switch the device.')));
        }}
      >
        {options.length === 0 && <option value="">No devices found</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AudioSettings({ onClose }: { onClose: () => void }) {
  const [devices, setDevices] = useState<AudioDevices | null>(null);
  useEffect(() => {
    let live = true;
    listAudioDevices()
      .then((d) => live && setDevices(d))
      .catch(() => live && setDevices({ inputs: [], outputs: [] }));
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="audio-settings" aria-label="Audio settings">
      <div className="audio-settings-header">
        <h3>Audio settings</h3>
        <button type="button" className="icon-button" aria-label="Close audio settings" onClick={onClose}>
          <X size={16} aria-hidden="true" />
        </button>
      </div>
      {devices ? (
        <>
          <DeviceSelect kind="input" label="Microphone" options={devices.inputs} />
          <DeviceSelect kind="output" label="Speaker" options={devices.outputs} />
        </>
      ) : (
        <p className="dialer-empty">Looking for audio devices…</p>
      )}
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => void playTestTone()}>
        <Volume2 size={14} aria-hidden="true" /> Play test tone
      </button>
    </section>
  );
}

import { readStored, writeStored } from '@/lib/local-storage';
import type { VoiceDevice } from '../voice/voice-device';

/** The agent's chosen microphone and speaker, kept in localStorage across reloads. */
const AUDIO_KEYS = { input: 'rt.audioInput', output: 'rt.audioOutput' } as const;
type AudioKind = keyof typeof AUDIO_KEYS;

export function readAudioChoice(kind: AudioKind): string | null {
  return readStored(AUDIO_KEYS[kind]);
}

export function storeAudioChoice(kind: AudioKind, id: string): void {
  writeStored(AUDIO_KEYS[kind], id);
}

/** Re-applies the stored choices to a device that just started; a device that is gone keeps the default. */
export async function applyStoredAudioChoices(device: VoiceDevice): Promise<void> {
  const input = readAudioChoice('input');
  const output = readAudioChoice('output');
  if (input) await device.setInputDevice(input).catch(() => undefined);
  if (output) await device.setOutputDevice(output).catch(() => undefined);
}

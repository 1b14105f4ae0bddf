import type { Call, Device } from '@twilio/voice-sdk';
import { CallEvents, type AudioDevices, type VoiceCall, type VoiceCallEvent, type VoiceCallEventMap, type VoiceDevice } from './voice-device';
import { voiceErrorMessage } from './voice-errors';

interface CodedError {
  code?: number;
  message?: string;
}

function toMessage(error: CodedError): string {
  return voiceErrorMessage(error.code, error.message ?? '');
}

class TwilioVoiceCall implements VoiceCall {
  private readonly events = new CallEvents();

  constructor(private readonly call: Call) {
    call.on('accept', () => this.events.emit('accept'));
    call.on('disconnect', () => this.events.emit('disconnect'));
    call.on('cancel', () => this.events.emit('disconnect'));
    call.on('reject', () => this.events.emit('disconnect'));
    call.on('error', (error: CodedError) => this.events.emit('error', toMessage(error)));
  }

  get sid(): string | null {
    return this.call.parameters.CallSid ?? null;
  }

  mute(muted: boolean): void {
    this.call.mute(muted);
  }

  sendDigits(digits: string): void {
    this.call.sendDigits(digits);
  }

  disconnect(): void {
    this.call.disconnect();
  }

  on<E extends VoiceCallEvent>(event: E, listener: VoiceCallEventMap[E]): void {
    this.events.on(event, listener);
  }
}

function toOptions(devices: Map<string, MediaDeviceInfo>): AudioDevices['inputs'] {
  return [...devices.values()].map((d, i) => ({ id: d.deviceId, label: d.label || `Device ${i + 1}` }));
}

/**
 * Wraps @twilio/voice-sdk's Device. Built by `createTwilioVoiceDevice`, which imports the SDK lazily
 * so it stays out of the first chunk.
 */
export class TwilioVoiceDevice implements VoiceDevice {
  constructor(
    private readonly device: Device,
    private readonly onError: (message: string, code?: number) => void,
  ) {
    device.on('error', (error: CodedError) => this.onError(toMessage(error), error.code));
  }

  async connect(params: Record<string, string>): Promise<VoiceCall> {
    try {
      return new TwilioVoiceCall(await this.device.connect({ params }));
    } catch (error) {
      throw new Error(toMessage(error as CodedError));
    }
  }

  updateToken(token: string): void {
    this.device.updateToken(token);
  }

  destroy(): void {
    this.device.destroy();
  }

  async listAudioDevices(): Promise<AudioDevices> {
    const audio = this.device.audio;
    if (!audio) return { inputs: [], outputs: [] };
    return { inputs: toOptions(audio.availableInputDevices), outputs: toOptions(audio.availableOutputDevices) };
  }

  async setInputDevice(id: string): Promise<void> {
    await this.device.audio?.setInputDevice(id);
  }

  async setOutputDevice(id: string): Promise<void> {
    const audio = this.device.audio;
    if (audio?.isOutputSelectionSupported) await audio.speakerDevices.set(id);
  }
}

export async function createTwilioVoiceDevice(token: string, onError: (message: string, code?: number) => void): Promise<TwilioVoiceDevice> {
  const sdk = await import('@twilio/voice-sdk');
  const device = new sdk.Device(token, { codecPreferences: [sdk.Call.Codec.Opus, sdk.Call.Codec.PCMU], closeProtection: true });
  return new TwilioVoiceDevice(device, onError);
}

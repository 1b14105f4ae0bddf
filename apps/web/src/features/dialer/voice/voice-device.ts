/** The one voice interface the widget and the store use; Twilio and the sandbox sit behind it. */

export type VoiceCallEvent = 'accept' | 'disconnect' | 'error';

export interface VoiceCallEventMap {
  accept: () => void;
  disconnect: () => void;
  error: (message: string) => void;
}

export interface VoiceCall {
  /** The provider's call sid once known (null until the provider reports it). */
  readonly sid: string | null;
  mute(muted: boolean): void;
  sendDigits(digits: string): void;
  disconnect(): void;
  on<E extends VoiceCallEvent>(event: E, listener: VoiceCallEventMap[E]): void;
}

export interface AudioDeviceOption {
  id: string;
  label: string;
}

export interface AudioDevices {
  inputs: AudioDeviceOption[];
  outputs: AudioDeviceOption[];
}

export interface VoiceDevice {
  connect(params: Record<string, string>): Promise<VoiceCall>;
  updateToken(token: string): void;
  destroy(): void;
  listAudioDevices(): Promise<AudioDevices>;
  setInputDevice(id: string): Promise<void>;
  setOutputDevice(id: string): Promise<void>;
}

/** A tiny typed emitter shared by both call implementations. */
export class CallEvents {
  private readonly listeners: { [E in VoiceCallEvent]: Array<VoiceCallEventMap[E]> } = {
    accept: [],
    disconnect: [],
    error: [],
  };

  on<E extends VoiceCallEvent>(event: E, listener: VoiceCallEventMap[E]): void {
    this.listeners[event].push(listener);
  }

  emit<E extends VoiceCallEvent>(event: E, ...args: Parameters<VoiceCallEventMap[E]>): void {
    for (const listener of this.listeners[event]) (listener as (...a: Parameters<VoiceCallEventMap[E]>) => void)(...args);
  }
}

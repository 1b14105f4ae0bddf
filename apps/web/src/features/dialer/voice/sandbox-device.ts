import { CallEvents, type AudioDevices, type VoiceCall, type VoiceCallEvent, type VoiceCallEventMap, type VoiceDevice } from './voice-device';

type ServerFrame =
  | { type: 'connected' | 'tokenUpdated' | 'registered' | 'unregistered' | 'pong' }
  | { type: 'callCreated'; id: string; callSid: string }
  | { type: 'ringing' | 'accepted' | 'cancel'; callSid: string }
  | { type: 'disconnected'; callSid: string; status: string }
  | { type: 'error'; error: { code: number; message: string }; callSid?: string; id?: string };

const SANDBOX_AUDIO: AudioDevices = {
  inputs: [
    { id: 'sandbox-mic', label: 'Sandbox microphone' },
    { id: 'sandbox-headset-mic', label: 'Sandbox headset microphone' },
  ],
  outputs: [
    { id: 'sandbox-speaker', label: 'Sandbox speaker' },
    { id: 'sandbox-headset', label: 'Sandbox headset' },
  ],
};

class SandboxCall implements VoiceCall {
  sid: string | null = null;
  private readonly events = new CallEvents();
  private ended = false;

  constructor(
    readonly id: string,
    private readonly send: (frame: object) => void,
  ) {}

  mute(muted: boolean): void {
    if (this.sid) this.send({ type: 'mute', callSid: this.sid, muted });
  }

  sendDigits(digits: string): void {
    if (this.sid) this.send({ type: 'digits', callSid: this.sid, digits });
  }

  disconnect(): void {
    if (this.sid) this.send({ type: 'hangup', callSid: this.sid });
    this.markEnded();
  }

  on<E extends VoiceCallEvent>(event: E, listener: VoiceCallEventMap[E]): void {
    this.events.on(event, listener);
  }

  accepted(): void {
    if (!this.ended) this.events.emit('accept');
  }

  failed(message: string): void {
    this.events.emit('error', message);
    this.markEnded();
  }

  markEnded(): void {
    if (this.ended) return;
    this.ended = true;
    this.events.emit('disconnect');
  }
}

/** Speaks the sandbox's browser device protocol (libs/sandbox README) over one WebSocket. */
export class SandboxDevice implements VoiceDevice {
  private readonly calls = new Map<string, SandboxCall>();
  private readonly ready: Promise<void>;
  private socket: WebSocket;

  constructor(sandboxUrl: string, token: string) {
    this.socket = new WebSocket(`${sandboxUrl.replace(/^http/, 'ws')}/device`);
    this.ready = new Promise((resolve, reject) => {
      this.socket.addEventListener('open', () => this.send({ type: 'listen', token }));
      this.socket.addEventListener('error', () => reject(new Error('Cannot reach the voice service.')));
      this.socket.addEventListener('message', (event) => {
        const frame = JSON.parse(String(event.data)) as ServerFrame;
        if (frame.type === 'connected') resolve();
        else if (frame.type === 'error' && !frame.callSid && !frame.id) reject(new Error(frame.error.message));
        this.onFrame(frame);
      });
      this.socket.addEventListener('close', () => {
        for (const call of this.calls.values()) call.markEnded();
        this.calls.clear();
      });
    });
    // Callers see the rejection on connect(); avoid an unhandled rejection meanwhile.
    this.ready.catch(() => undefined);
  }

  async connect(params: Record<string, string>): Promise<VoiceCall> {
    await this.ready;
    if (this.socket.readyState !== WebSocket.OPEN) throw new Error('Lost the connection to the voice service. Try again.');
    const id = `TJ${crypto.randomUUID().replace(/-/g, '')}`;
    const call = new SandboxCall(id, (frame) => this.send(frame));
    this.calls.set(id, call);
    this.send({ type: 'connect', id, params });
    return call;
  }

  updateToken(token: string): void {
    this.send({ type: 'updateToken', token });
  }

  destroy(): void {
    this.socket.close();
  }

  listAudioDevices(): Promise<AudioDevices> {
    return Promise.resolve(SANDBOX_AUDIO);
  }

  setInputDevice(): Promise<void> {
    return Promise.resolve();
  }

  setOutputDevice(): Promise<void> {
    return Promise.resolve();
  }

  private send(frame: object): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private bySid(callSid: string): SandboxCall | undefined {
    for (const call of this.calls.values()) if (call.sid === callSid) return call;
    return undefined;
  }

  private onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'callCreated': {
        const call = this.calls.get(frame.id);
        if (call) call.sid = frame.callSid;
        break;
      }
      case 'accepted':
        this.bySid(frame.callSid)?.accepted();
        break;
      case 'disconnected':
      case 'cancel': {
        const call = this.bySid(frame.callSid);
        call?.markEnded();
        if (call) this.calls.delete(call.id);
        break;
      }
      case 'error': {
        const call = (frame.id && this.calls.get(frame.id)) || (frame.callSid && this.bySid(frame.callSid)) || undefined;
        call?.failed(frame.error.message);
        break;
      }
      default:
        break;
    }
  }
}

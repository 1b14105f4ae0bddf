import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SandboxDevice } from './sandbox-device';

type Listener = (event: { data?: string }) => void;

// Plays the sandbox's /device endpoint.
class FakeSocket {
  static OPEN = 1;
  static last: FakeSocket | null = null;
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  private listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
    FakeSocket.last = this;
    queueMicrotask(() => {
      this.readyState = FakeSocket.OPEN;
      this.fire('open', {});
    });
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
    this.fire('close', {});
  }
  fire(type: string, event: { data?: string }) {
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
  frame(frame: object) {
    this.fire('message', { data: JSON.stringify(frame) });
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('SandboxDevice', () => {
  beforeEach(() => vi.stubGlobal('WebSocket', FakeSocket));
  afterEach(() => vi.unstubAllGlobals());

  it('should listen with the token, connect with params and drive the call by its sid', async () => {
    const sut = new SandboxDevice('http://localhost:3001', 'jwt');
    await flush();
    const ws = FakeSocket.last!;
    expect(ws.url).toBe('ws://localhost:3001/device');
    expect(ws.sent[0]).toEqual({ type: 'listen', token: 'jwt' });
    ws.frame({ type: 'connected', identity: 'u', accountSid: 'AC1', ttl: 3600 });

    const call = await sut.connect({ answerCallId: 'call-1' });
    const connect = ws.sent[1]!;
    expect(connect).toMatchObject({ type: 'connect', params: { answerCallId: 'call-1' } });
    const events: string[] = [];
    call.on('accept', () => events.push('accept'));
    call.on('disconnect', () => events.push('disconnect'));

    ws.frame({ type: 'callCreated', id: connect.id, callSid: 'CA9', parameters: {} });
    ws.frame({ type: 'accepted', callSid: 'CA9' });
    call.sendDigits('12#');
    call.mute(true);
    expect(ws.sent.slice(2)).toEqual([
      { type: 'digits', callSid: 'CA9', digits: '12#' },
      { type: 'mute', callSid: 'CA9', muted: true },
    ]);
    ws.frame({ type: 'disconnected', callSid: 'CA9', status: 'completed' });
    expect(events).toEqual(['accept', 'disconnect']);
  });

  it('should send hangup and report the disconnect once when the agent hangs up', async () => {
    const sut = new SandboxDevice('http://sandbox', 'jwt');
    await flush();
    const ws = FakeSocket.last!;
    ws.frame({ type: 'connected' });
    const call = await sut.connect({ To: '+12125550100', CallerId: '+14155550100' });
    ws.frame({ type: 'callCreated', id: ws.sent[1]!.id, callSid: 'CA1' });
    const disconnects = vi.fn();
    call.on('disconnect', disconnects);
    call.disconnect();
    ws.frame({ type: 'disconnected', callSid: 'CA1', status: 'completed' });
    expect(ws.sent.at(-1)).toEqual({ type: 'hangup', callSid: 'CA1' });
    expect(disconnects).toHaveBeenCalledTimes(1);
  });

  it('should reject connect with the sandbox message when the token is refused', async () => {
    const sut = new SandboxDevice('http://sandbox', 'bad');
    await flush();
    FakeSocket.last!.frame({ type: 'error', error: { code: 20101, message: 'Invalid Access Token' } });
    await expect(sut.connect({})).rejects.toThrow('Invalid Access Token');
  });

  it('should list fake audio devices', async () => {
    const sut = new SandboxDevice('http://sandbox', 'jwt');
    const devices = await sut.listAudioDevices();
    expect(devices.inputs.length).toBeGreaterThan(0);
    expect(devices.outputs.length).toBeGreaterThan(0);
  });
});

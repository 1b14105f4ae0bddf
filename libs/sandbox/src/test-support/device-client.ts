import { WebSocket } from 'ws';
import type { ServerFrame } from '../device/protocol.js';

// A minimal SandboxDevice for tests: sends frames, awaits the next frame of a type.
export class TestDevice {
  readonly frames: ServerFrame[] = [];
  private readonly waiters: Array<{ type: string; resolve: (f: ServerFrame) => void }> = [];
  private consumed = 0;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as ServerFrame;
      this.frames.push(frame);
      const waiter = this.waiters.find((w) => w.type === frame.type);
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        this.consumed = this.frames.length;
        waiter.resolve(frame);
      }
    });
  }

  static async open(sandboxUrl: string): Promise<TestDevice> {
    const ws = new WebSocket(`${sandboxUrl.replace(/^http/, 'ws')}/device`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new TestDevice(ws);
  }

  send(frame: Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame));
  }

  // The next frame of `type` after the last one awaited.
  next<T extends ServerFrame['type']>(type: T, timeoutMs = 5000): Promise<Extract<ServerFrame, { type: T }>> {
    const pending = this.frames.slice(this.consumed).find((f) => f.type === type);
    if (pending) {
      this.consumed = this.frames.indexOf(pending) + 1;
      return Promise.resolve(pending as Extract<ServerFrame, { type: T }>);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} frame; got ${JSON.stringify(this.frames)}`)), timeoutMs);
      this.waiters.push({ type, resolve: (f) => { clearTimeout(timer); resolve(f as Extract<ServerFrame, { type: T }>); } });
    });
  }

  close(): void {
    this.ws.close();
  }
}

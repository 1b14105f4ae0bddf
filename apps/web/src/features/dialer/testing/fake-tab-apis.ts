import type { Channel, LockRequester } from '../lib/ringer-election';

// Several tabs of one browser in one jsdom: an in-memory navigator.locks (queue, ifAvailable,
// steal, abort) and a BroadcastChannel that delivers to the other tabs on a later task.

type Options = { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal };

export class FakeLocks implements LockRequester {
  private holder: { reject: (error: unknown) => void } | null = null;
  private queue: Array<() => void> = [];

  request(_name: string, options: Options, callback: (lock: unknown) => unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const grant = () => {
        const entry = { reject };
        this.holder = entry;
        void Promise.resolve()
          .then(() => callback({}))
          .then((value) => {
            if (this.holder === entry) this.next();
            resolve(value);
          });
      };
      if (options.steal) {
        this.holder?.reject(new DOMException('stolen', 'AbortError'));
        grant();
      } else if (!this.holder && this.queue.length === 0) grant();
      else if (options.ifAvailable) void Promise.resolve().then(() => resolve(callback(null)));
      else {
        this.queue.push(grant);
        options.signal?.addEventListener('abort', () => {
          const index = this.queue.indexOf(grant);
          if (index < 0) return;
          this.queue.splice(index, 1);
          reject(new DOMException('aborted', 'AbortError'));
        });
      }
    });
  }

  private next(): void {
    this.holder = null;
    this.queue.shift()?.();
  }
}

export class FakeChannel implements Channel {
  private listeners = new Set<(event: MessageEvent) => void>();
  constructor(private readonly hub: Set<FakeChannel>) {
    hub.add(this);
  }
  postMessage(data: unknown): void {
    for (const other of this.hub) {
      if (other !== this) setTimeout(() => other.listeners.forEach((l) => l(new MessageEvent('message', { data }))), 0);
    }
  }
  addEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
    this.listeners.delete(listener);
  }
}

/** A BroadcastChannel stand-in for code that constructs its own: channels of one name share a hub. */
export class FakeBroadcastChannel extends FakeChannel {
  static hubs = new Map<string, Set<FakeChannel>>();
  constructor(name: string) {
    const hub = FakeBroadcastChannel.hubs.get(name) ?? new Set<FakeChannel>();
    FakeBroadcastChannel.hubs.set(name, hub);
    super(hub);
  }
  close(): void {
    for (const hub of FakeBroadcastChannel.hubs.values()) hub.delete(this);
  }
}

type Handler = (...args: unknown[]) => void;

/**
 * A stand-in for the Socket.IO client, for `vi.mock('@/lib/socket', …)`: tests play the server with
 * `serverEmit`.
 */
export function createFakeSocket() {
  const handlers = new Map<string, Handler[]>();
  return {
    handlers,
    connected: true,
    active: true,
    on(event: string, handler: Handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return this;
    },
    off(event: string, handler: Handler) {
      handlers.set(event, (handlers.get(event) ?? []).filter((h) => h !== handler));
      return this;
    },
    emit() {
      return this;
    },
    connect() {
      return this;
    },
    disconnect() {
      handlers.clear();
      return this;
    },
    serverEmit(event: string, payload?: unknown) {
      for (const h of handlers.get(event) ?? []) h(payload);
    },
    listeners(event: string) {
      return handlers.get(event) ?? [];
    },
  };
}

export type FakeSocket = ReturnType<typeof createFakeSocket>;

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  method: string;
  path: string;
  url: string;
  params: Record<string, string>;
  signature: string;
  at: number;
}

type Reply = string | ((hook: ReceivedWebhook) => string | Promise<string>);

// An HTTP server playing the API's part: answers TwiML per path and records every webhook.
export class FakeApp {
  readonly received: ReceivedWebhook[] = [];
  private readonly replies = new Map<string, Reply>();
  private readonly waiters: Array<{ test: (h: ReceivedWebhook) => boolean; resolve: (h: ReceivedWebhook) => void }> = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req).then((body) => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(body);
    }));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  reply(path: string, twiml: Reply): this {
    this.replies.set(path, twiml);
    return this;
  }

  hooks(path: string): ReceivedWebhook[] {
    return this.received.filter((h) => h.path === path);
  }

  // Resolves with the first webhook (already received or future) matching `test`.
  waitFor(test: (h: ReceivedWebhook) => boolean, timeoutMs = 5000): Promise<ReceivedWebhook> {
    const seen = this.received.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`webhook not received in ${timeoutMs} ms; got ${this.received.map((h) => h.path).join(', ')}`)), timeoutMs);
      this.waiters.push({ test, resolve: (h) => { clearTimeout(timer); resolve(h); } });
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const params = Object.fromEntries(
      req.method === 'GET' ? [] : new URLSearchParams(Buffer.concat(chunks).toString('utf8')).entries(),
    );
    const hook: ReceivedWebhook = {
      method: req.method ?? 'POST',
      path: url.pathname,
      url: `${this.url}${req.url}`,
      params,
      signature: String(req.headers['x-twilio-signature'] ?? ''),
      at: Date.now(),
    };
    this.received.push(hook);
    for (const waiter of [...this.waiters]) {
      if (waiter.test(hook)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(hook);
      }
    }
    const reply = this.replies.get(url.pathname) ?? '<Response/>';
    return typeof reply === 'function' ? reply(hook) : reply;
  }
}

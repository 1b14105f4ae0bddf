import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  url: URL;
  params: Record<string, string>;
  query: URLSearchParams;
  // Form fields (x-www-form-urlencoded bodies); empty for other bodies.
  form: URLSearchParams;
  // Parsed JSON body, when the request sent one.
  json: unknown;
  // The raw request body (empty for GET/HEAD); multipart and /v1 handlers parse it themselves.
  body: Buffer;
}

export type Handler = (ctx: RequestContext) => unknown | Promise<unknown>;

interface Fallback {
  prefix: string;
  handler: Handler;
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

// Paths like `/2010-04-01/Accounts/:accountSid/Calls/:sid.json`; a param stops at `/` and `.`.
function compile(path: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = path
    .split(/(:[A-Za-z][A-Za-z0-9]*)/)
    .map((part) => {
      if (part.startsWith(':')) {
        names.push(part.slice(1));
        return '([^/]+?)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

export class Router {
  private readonly routes: Route[] = [];
  private readonly fallbacks: Fallback[] = [];

  add(method: string, path: string, handler: Handler): this {
    const { pattern, names } = compile(path);
    this.routes.push({ method, pattern, names, handler });
    return this;
  }

  get(path: string, handler: Handler): this {
    return this.add('GET', path, handler);
  }
  post(path: string, handler: Handler): this {
    return this.add('POST', path, handler);
  }
  put(path: string, handler: Handler): this {
    return this.add('PUT', path, handler);
  }
  delete(path: string, handler: Handler): this {
    return this.add('DELETE', path, handler);
  }

  // Answers every request under `prefix` (e.g. `/v1`) that no route matches, whatever its method.
  fallback(prefix: string, handler: Handler): this {
    this.fallbacks.push({ prefix, handler });
    return this;
  }

  // The handler for a request, or 'method' when the path exists under another method.
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | 'method' | null {
    const found = this.matchRoute(method, pathname);
    if (found !== null && found !== 'method') return found;
    const fallback = this.fallbacks.find((f) => pathname === f.prefix || pathname.startsWith(`${f.prefix}/`));
    return fallback ? { handler: fallback.handler, params: {} } : found;
  }

  private matchRoute(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | 'method' | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method && !(method === 'HEAD' && route.method === 'GET')) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { handler: route.handler, params };
    }
    return pathMatched ? 'method' : null;
  }
}

export async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new HttpError(413, 'Request body too large', { error: `Request body larger than ${limit} bytes` });
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

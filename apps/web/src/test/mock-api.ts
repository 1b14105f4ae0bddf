import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  path: string;
  body: unknown;
  headers: Headers;
}

type Reply = { status?: number; body?: unknown };
type Handler = (request: RecordedRequest) => Reply | unknown;

/**
 * Stubs global fetch with handlers keyed "METHOD /path" (path after /api/v1, without the query).
 * A handler returns either { status, body } or a plain body for 200. Unknown routes answer 404.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input.toString(), 'http://localhost');
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request: RecordedRequest = { method, path, body, headers: new Headers(init?.headers) };
    requests.push(request);
    const handler = handlers[`${method} ${path}`];
    if (!handler) {
      return json(404, { statusCode: 404, error: 'Not Found', message: `No mock for ${method} ${path}`, code: 'NOT_FOUND' });
    }
    const result = handler(request);
    const reply: Reply =
      typeof result === 'object' && result !== null && ('status' in result || 'body' in result)
        ? (result as Reply)
        : { body: result };
    return json(reply.status ?? 200, reply.body);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests };
}

function json(status: number, body: unknown): Response {
  if (status === 204 || body === undefined) return new Response(null, { status });
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

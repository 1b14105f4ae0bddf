import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { blockedRange, EndpointNotAllowed, privateEndpointError } from './endpoint-guard.js';

/** What the openai library calls to reach the endpoint (its `fetch` option). */
export type EndpointFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface EndpointGuardOptions {
  /** AI_ALLOW_PRIVATE_ENDPOINTS: a local Ollama or vLLM, or the sandbox. */
  allowPrivate: boolean;
  /** Resolves host names (node:dns lookup by default); a test passes one that answers what it likes. */
  lookup?: typeof dnsLookup;
  /** Exact `host:port` pairs let through unchecked: tests only (a stand-in for a public server). */
  exempt?: ReadonlySet<string>;
}

export interface GuardedFetch {
  fetch: EndpointFetch;
  close(): Promise<void>;
}

/**
 * A `fetch` whose every connection is checked on the address actually connected: host names are
 * resolved inside the connect (net's `lookup` hook), so a DNS answer cannot change between a check
 * and the connection, and literal addresses are checked before the socket opens. Redirects are not
 * followed: a 3xx is an error naming where it pointed.
 */
export function createGuardedFetch(options: EndpointGuardOptions): GuardedFetch {
  const resolve = options.lookup ?? dnsLookup;
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      for (const a of addresses) {
        const range = blockedRange(a.address);
        if (range) return callback(privateEndpointError(hostname, a.address, range), '', 0);
      }
      if (lookupOptions.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
  const open = buildConnector(options.lookup ? { lookup: options.lookup as LookupFunction } : {});
  const guarded = buildConnector({ lookup: guardedLookup });
  const connect: buildConnector.connector = (opts, callback) => {
    const host = opts.hostname;
    if (options.allowPrivate || options.exempt?.has(`${host}:${opts.port}`)) return open(opts, callback);
    if (isIP(host)) {
      const range = blockedRange(host);
      if (range) return callback(privateEndpointError(host, host, range), null);
    }
    return guarded(opts, callback);
  };
  const agent = new Agent({ connect });

  const guardedFetch: EndpointFetch = async (input, init = {}) => {
    const { body, headers } = await portableBody(init);
    const res = await undiciFetch(input as string, { ...(init as object), body, headers, dispatcher: agent, redirect: 'manual' } as never);
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => undefined);
      throw new EndpointNotAllowed(
        `The AI endpoint answered ${res.status} redirecting${location ? ` to ${location.slice(0, 200)}` : ''}; redirects are not followed: enter the final base URL`,
      );
    }
    return res as unknown as Response;
  };
  // The openai library probes `fetch.Response` for FormData support: bodies leave here encoded (below).
  Object.assign(guardedFetch, { Response: globalThis.Response });
  // Closing (the app shutting down) aborts requests in flight rather than waiting for a slow model:
  // an unfinished analysis is resumed by the queue on the next start.
  return { fetch: guardedFetch, close: () => (agent.destroyed ? Promise.resolve() : agent.destroy()) };
}

/**
 * undici's fetch does not encode the global FormData (Node's built-in copy of undici) that the
 * openai library builds for uploads: encode it with the global Response first.
 */
async function portableBody(init: RequestInit): Promise<{ body: RequestInit['body']; headers: Record<string, string> }> {
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  if (!(init.body instanceof FormData)) return { body: init.body, headers };
  const encoded = new Response(init.body);
  headers['content-type'] = encoded.headers.get('content-type')!;
  return { body: new Uint8Array(await encoded.arrayBuffer()), headers };
}

/** The EndpointNotAllowed somewhere in an error's causes (fetch and the openai library wrap it). */
export function endpointRefusal(e: unknown): EndpointNotAllowed | null {
  for (let cur = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (cur instanceof EndpointNotAllowed) return cur;
  }
  return null;
}

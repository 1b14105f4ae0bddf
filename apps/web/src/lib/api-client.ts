import { ApiRequestError, toApiRequestError } from './api-error';

export const API_PREFIX = '/api/v1';

/** How the client reaches the session without importing a feature (wired up in src/app). */
export interface SessionBridge {
  getAccessToken: () => string | null;
  tokenRefreshed: (accessToken: string) => void;
  sessionExpired: () => void;
}

let session: SessionBridge = {
  getAccessToken: () => null,
  tokenRefreshed: () => undefined,
  sessionExpired: () => undefined,
};

export function connectSession(bridge: SessionBridge): void {
  session = bridge;
}

/** The in-memory access token, for clients that authenticate outside fetch (the realtime socket). */
export function currentAccessToken(): string | null {
  return session.getAccessToken();
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Auth endpoints (login, signup, refresh…) must not trigger a refresh on 401. */
  skipRefresh?: boolean;
  signal?: AbortSignal;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function send(path: string, options: RequestOptions, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  const token = session.getAccessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(`${API_PREFIX}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'include',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError(0, 'NETWORK_ERROR', ['Cannot reach the server. Check your connection.'], null);
  }
}

let refreshing: Promise<string | null> | null = null;

interface RefreshResponse {
  accessToken: string;
}

function isRefreshResponse(value: unknown): value is RefreshResponse {
  return typeof value === 'object' && value !== null && typeof (value as RefreshResponse).accessToken === 'string';
}

/**
 * Trades the httpOnly refresh cookie for a new access token. Concurrent callers share one request.
 * Resolves null when the session cannot be refreshed.
 */
export function refreshSession(): Promise<string | null> {
  refreshing ??= (async () => {
    try {
      const response = await fetch(`${API_PREFIX}/auth/refresh`, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        credentials: 'include',
      });
      const body = await readBody(response);
      if (!response.ok || !isRefreshResponse(body)) return null;
      session.tokenRefreshed(body.accessToken);
      return body.accessToken;
    } catch {
      return null;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Sends with the access token; on 401 refreshes once and retries, or ends the session. */
async function authorizedSend(path: string, options: RequestOptions, accept?: string): Promise<Response> {
  const sentToken = session.getAccessToken();
  let response = await send(path, options, accept);
  if (response.status === 401 && !options.skipRefresh) {
    // Another request may already have refreshed while this one was in flight.
    const current = session.getAccessToken();
    const token = current && current !== sentToken ? current : await refreshSession();
    if (token) {
      response = await send(path, options, accept);
    }
    if (!token || response.status === 401) {
      session.sessionExpired();
    }
  }
  return response;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await authorizedSend(path, options);
  const body = await readBody(response);
  if (!response.ok) throw toApiRequestError(response.status, response.statusText, body);
  return body as T;
}

/**
 * A binary resource the API serves to signed-in users (e.g. a call recording): media elements cannot
 * send the bearer token, so the bytes are fetched here and shown through a blob URL. `path` may carry
 * the /api/v1 prefix, as the API's own URLs do.
 */
export async function apiBlob(path: string, options: Omit<RequestOptions, 'body' | 'method'> = {}): Promise<Blob> {
  const relative = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path;
  const response = await authorizedSend(relative, options, '*/*');
  if (!response.ok) throw toApiRequestError(response.status, response.statusText, await readBody(response));
  return response.blob();
}

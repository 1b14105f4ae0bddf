import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/test/mock-api';
import { apiRequest, connectSession } from './api-client';
import { ApiRequestError } from './api-error';

describe('apiRequest', () => {
  let token: string | null;
  const tokenRefreshed = vi.fn((next: string) => {
    token = next;
  });
  const sessionExpired = vi.fn();

  beforeEach(() => {
    token = 'stale';
    tokenRefreshed.mockClear();
    sessionExpired.mockClear();
    connectSession({ getAccessToken: () => token, tokenRefreshed, sessionExpired });
  });

  it('should refresh once and retry with the new token when the API answers 401', async () => {
    const { requests } = mockApi({
      'GET /me': (request) =>
        request.headers.get('Authorization') === 'Bearer fresh'
          ? { ok: true }
          : { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Expired', code: 'UNAUTHENTICATED' } },
      'POST /auth/refresh': () => ({ accessToken: 'fresh', expiresAt: '2026-01-01T00:00:00.000Z' }),
    });

    await expect(apiRequest('/me')).resolves.toEqual({ ok: true });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me', 'POST /auth/refresh', 'GET /me']);
    expect(tokenRefreshed).toHaveBeenCalledWith('fresh');
    expect(sessionExpired).not.toHaveBeenCalled();
  });

  it('should expire the session and throw when the refresh fails', async () => {
    mockApi({
      'GET /me': () => ({ status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Expired', code: 'UNAUTHENTICATED' } }),
      'POST /auth/refresh': () => ({ status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'No session', code: 'UNAUTHENTICATED' } }),
    });

    await expect(apiRequest('/me')).rejects.toBeInstanceOf(ApiRequestError);
    expect(sessionExpired).toHaveBeenCalledTimes(1);
  });

  it('should carry every validation message when the API answers 400', async () => {
    mockApi({
      'PATCH /workspaces/ws1': () => ({
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: ['name should not be empty', 'ringTimeoutSeconds must not be greater than 120'], code: 'VALIDATION_FAILED' },
      }),
    });

    const error = await apiRequest('/workspaces/ws1', { method: 'PATCH', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      messages: ['name should not be empty', 'ringTimeoutSeconds must not be greater than 120'],
    });
  });
});

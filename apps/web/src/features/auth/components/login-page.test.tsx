import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { connectApiClientToSession } from '@/app/session';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { useAuthStore } from '../stores/auth-store';
import { LoginPage } from './login-page';

describe('LoginPage', () => {
  beforeEach(() => {
    connectApiClientToSession();
    useAuthStore.setState({ accessToken: null, status: 'anonymous' });
  });

  it('should show required messages when submitted empty', async () => {
    const { fetchMock } = mockApi({});
    renderRoute(<LoginPage />, { path: '/login' });

    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('Email is required')).toBeInTheDocument();
    expect(screen.getByText('Password is required')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('should show format messages when the email is malformed and the password short', async () => {
    const { fetchMock } = mockApi({});
    renderRoute(<LoginPage />, { path: '/login' });

    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.type(screen.getByLabelText('Password'), 'short');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('Password must be at least 8 characters')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('should keep the token in memory and leave the page when the credentials are right', async () => {
    const { requests } = mockApi({
      'POST /auth/login': () => ({
        accessToken: 'token-1',
        expiresAt: '2026-01-01T00:15:00.000Z',
        user: { id: 'u1', email: 'ann@example.com', name: 'Ann' },
      }),
    });
    renderRoute(<LoginPage />, { path: '/login' });

    await userEvent.type(screen.getByLabelText('Email'), 'ann@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'correct-horse');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('Navigated away')).toBeInTheDocument();
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/auth/login',
      body: { email: 'ann@example.com', password: 'correct-horse' },
    });
    expect(useAuthStore.getState()).toMatchObject({ accessToken: 'token-1', status: 'authenticated' });
  });

  it('should show the API message when the credentials are wrong', async () => {
    mockApi({
      'POST /auth/login': () => ({
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'Email or password is incorrect', code: 'INVALID_CREDENTIALS' },
      }),
    });
    renderRoute(<LoginPage />, { path: '/login' });

    await userEvent.type(screen.getByLabelText('Email'), 'ann@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('Email or password is incorrect')).toBeInTheDocument();
    await waitFor(() => expect(useAuthStore.getState().status).toBe('anonymous'));
  });
});

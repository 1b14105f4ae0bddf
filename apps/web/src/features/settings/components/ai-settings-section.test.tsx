import type { AiConnectionTestResult } from '@ringtonic/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aWorkspace } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { SettingsPage } from './settings-page';

function renderBasicTab({ canManage = true } = {}) {
  return renderRoute(<SettingsPage workspaceId="ws1" canManage={canManage} isOwner={canManage} />, {
    path: '/w/:workspaceId/settings',
    url: '/w/ws1/settings',
  });
}

const failed: AiConnectionTestResult = {
  ok: false,
  baseUrl: 'http://localhost:11434/v1',
  missingModels: [],
  sandbox: false,
  status: 401,
  error: 'Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.',
};

describe('AI automation settings', () => {
  it('should test the unsaved key, base URL and models and show the exact error when the endpoint refuses', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      // The result has a `status` of its own, so it is wrapped in { body } for mockApi.
      'POST /workspaces/ws1/ai/test': () => ({ body: failed }),
    });
    renderBasicTab();

    expect(await screen.findByRole('heading', { name: 'AI automation' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('OpenAI API key'), 'sk-wrong');
    await userEvent.type(screen.getByLabelText('Base URL'), 'http://localhost:11434/v1');
    const model = screen.getByLabelText('Analysis model');
    await userEvent.clear(model);
    await userEvent.type(model, 'llama3.1');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByText('Connection failed')).toBeInTheDocument();
    expect(screen.getByText(failed.error!)).toBeInTheDocument();
    expect(screen.getByText('HTTP 401 from http://localhost:11434/v1.')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      openaiApiKey: 'sk-wrong',
      baseUrl: 'http://localhost:11434/v1',
      transcriptionModel: 'whisper-1',
      analysisModel: 'llama3.1',
    });
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);
  });

  it('should ask for the key again before trying or saving a new base URL with a saved key', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace({ ai: { enabled: true, openaiApiKeySet: true, baseUrl: null, transcriptionModel: 'whisper-1', analysisModel: 'gpt-4o-mini' } }),
    });
    renderBasicTab();
    await userEvent.type(await screen.findByLabelText('Base URL'), 'https://models.example.com/v1');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Enter the API key again to change the base URL')).toBeInTheDocument();
    const url = screen.getByLabelText('Base URL');
    await userEvent.clear(url);
    await userEvent.type(url, 'https://user:pw@models.example.com/v1?x=1');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Base URL takes no credentials, query or fragment')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' || r.method === 'PATCH')).toBe(false);
  });

  it('should say Connected with the saved key and OpenAI default when nothing was typed', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace({ ai: { enabled: true, openaiApiKeySet: true, baseUrl: null, transcriptionModel: 'whisper-1', analysisModel: 'gpt-4o-mini' } }),
      'POST /workspaces/ws1/ai/test': () => ({ body: { ok: true, baseUrl: 'https://api.openai.com/v1', missingModels: [], sandbox: false, status: 200, error: null } }),
    });
    renderBasicTab();

    expect(await screen.findByLabelText('OpenAI API key')).toHaveAttribute('placeholder', '•••••• (set)');
    expect(screen.getByLabelText('Base URL')).toHaveAttribute('placeholder', 'https://api.openai.com/v1');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));

    expect(await screen.findByText('Connected')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ baseUrl: null, transcriptionModel: 'whisper-1', analysisModel: 'gpt-4o-mini' });
  });

  it('should show the API message when the test request itself is refused', async () => {
    mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'POST /workspaces/ws1/ai/test': () => ({ status: 400, body: { statusCode: 400, error: 'Bad Request', message: ['No OpenAI API key is saved or given'], code: 'VALIDATION_FAILED' } }),
    });
    renderBasicTab();
    await userEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('No OpenAI API key is saved or given')).toBeInTheDocument();
  });

  it('should save AI settings, recording and the consent announcement, sending the key only when typed', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => aWorkspace(),
      'PATCH /workspaces/ws1': () => aWorkspace({ recordCalls: true, recordingAnnouncement: 'This call is recorded.', ai: { ...aWorkspace().ai, enabled: true, openaiApiKeySet: true } }),
    });
    renderBasicTab();

    await userEvent.click(await screen.findByRole('switch', { name: 'Enable AI analysis' }));
    expect(screen.getByText('AI analysis works on recordings: turn on Record calls too.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('switch', { name: 'Record calls' }));
    await userEvent.type(screen.getByLabelText('Consent announcement'), 'This call is recorded.');
    await userEvent.type(screen.getByLabelText('OpenAI API key'), 'sk-live-123456');
    await userEvent.click(screen.getByRole('button', { name: 'Update Workspace' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({
      recordCalls: true,
      recordingAnnouncement: 'This call is recorded.',
      ai: { enabled: true, openaiApiKey: 'sk-live-123456' },
    });
    expect(await screen.findByText('Workspace updated')).toBeInTheDocument();
    expect(screen.getByLabelText('OpenAI API key')).toHaveValue('');
  });

  it('should refuse a base URL that is not http(s)', async () => {
    const { requests } = mockApi({ 'GET /workspaces/ws1': () => aWorkspace() });
    renderBasicTab();
    await userEvent.type(await screen.findByLabelText('Base URL'), 'api.openai.com');
    await userEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Base URL must start with http:// or https://')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('should show the AI fields read-only, without Test connection, to roles that cannot manage settings', async () => {
    mockApi({ 'GET /workspaces/ws1': () => aWorkspace() });
    renderBasicTab({ canManage: false });
    expect(await screen.findByRole('switch', { name: 'Enable AI analysis' })).toBeDisabled();
    expect(screen.getByLabelText('OpenAI API key')).toBeDisabled();
    expect(screen.getByLabelText('Consent announcement')).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Test connection' })).not.toBeInTheDocument();
  });
});

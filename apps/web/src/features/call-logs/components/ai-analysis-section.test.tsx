import type { CallLogView } from '@ringtonic/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aCallLogAi, aCallLogView } from '@/test/factories/crm';
import { aWorkspace } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { CallLogSheet } from './call-log-sheet';

const path = '/workspaces/ws1/call-logs/call1';
// Call-log views carry a `status` of their own, so handlers wrap them in { body } for mockApi.

function renderCall(call: CallLogView, { canQualify = true, handlers = {} }: { canQualify?: boolean; handlers?: Record<string, () => unknown> } = {}) {
  const api = mockApi({ [`GET ${path}`]: () => ({ body: call }), 'GET /workspaces/ws1/tags': () => ({ items: [] }), ...handlers });
  renderRoute(<CallLogSheet workspaceId="ws1" callId="call1" canAddNotes={canQualify} canQualify={canQualify} onClose={() => undefined} />);
  return api;
}

async function aiSection() {
  const sheet = await screen.findByRole('dialog', { name: 'Call details' });
  return within(sheet).findByRole('region', { name: 'AI analysis' });
}

describe('AiAnalysisSection', () => {
  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => Object.assign(URL, { createObjectURL, revokeObjectURL }));

  it('should show nothing AI-related when the call has no analysis', async () => {
    renderCall(aCallLogView());
    const sheet = await screen.findByRole('dialog', { name: 'Call details' });
    await within(sheet).findByLabelText('Call notes');
    expect(within(sheet).queryByRole('region', { name: 'AI analysis' })).not.toBeInTheDocument();
    expect(within(sheet).queryByText('Transcript')).not.toBeInTheDocument();
    expect(within(sheet).queryByRole('button', { name: 'Accept AI suggestion' })).not.toBeInTheDocument();
  });

  it('should offer to analyse a recorded call that was never analysed, only while AI is on', async () => {
    const recorded = aCallLogView({ recordingUrl: `/api/v1${path}/recording` });
    const aiOn = aWorkspace({ id: 'ws1', ai: { ...aWorkspace().ai, enabled: true, openaiApiKeySet: true } });
    const { requests } = renderCall(recorded, {
      handlers: {
        'GET /workspaces/ws1': () => aiOn,
        [`GET ${path}/recording`]: () => new Blob(['RIFF']),
        [`POST ${path}/ai/retry`]: () => ({ body: { ...recorded, ai: aCallLogAi({ status: 'pending', transcript: null, summary: null, suggestedLeadStatus: null }) } }),
      },
    });
    const sheet = await screen.findByRole('dialog', { name: 'Call details' });
    await userEvent.click(await within(sheet).findByRole('button', { name: 'Analyse with AI' }));
    expect(await within(await aiSection()).findByText('Pending')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && r.path === `${path}/ai/retry`)).toBe(true);
  });

  it('should not offer an analysis while AI is off', async () => {
    const { requests } = renderCall(aCallLogView({ recordingUrl: `/api/v1${path}/recording` }), {
      handlers: { 'GET /workspaces/ws1': () => aWorkspace({ id: 'ws1' }), [`GET ${path}/recording`]: () => new Blob(['RIFF']) },
    });
    const sheet = await screen.findByRole('dialog', { name: 'Call details' });
    await within(sheet).findByLabelText('Call notes');
    await waitFor(() => expect(requests.some((r) => r.method === 'GET' && r.path === '/workspaces/ws1')).toBe(true));
    await new Promise((r) => setTimeout(r, 50)); // the answer renders
    expect(within(sheet).queryByRole('button', { name: 'Analyse with AI' })).not.toBeInTheDocument();
  });

  it('should show the pipeline state and no suggestion while transcribing', async () => {
    renderCall(aCallLogView({ ai: aCallLogAi({ status: 'transcribing', transcript: null, summary: null, suggestedLeadStatus: null, sandbox: false }) }));
    const section = await aiSection();
    expect(within(section).getByText('Transcribing')).toBeInTheDocument();
    expect(within(section).getByText(/This updates by itself/)).toBeInTheDocument();
    expect(within(section).queryByText('Sandbox output')).not.toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Accept AI suggestion' })).not.toBeInTheDocument();
  });

  it('should show the exact reason and queue the analysis again when Retry analysis is pressed', async () => {
    const failed = aCallLogView({ ai: aCallLogAi({ status: 'failed', error: 'OpenAI 401: Incorrect API key provided', attempts: 3, transcript: null, summary: null }) });
    const { requests } = renderCall(failed, {
      handlers: { [`POST ${path}/ai/retry`]: () => ({ body: { ...failed, ai: { ...failed.ai!, status: 'pending', attempts: 0 } } }) },
    });
    const section = await aiSection();
    expect(within(section).getByText('Failed')).toBeInTheDocument();
    expect(within(section).getByText('OpenAI 401: Incorrect API key provided')).toBeInTheDocument();
    await userEvent.click(within(section).getByRole('button', { name: 'Retry analysis' }));
    expect(await within(section).findByText('Pending')).toBeInTheDocument();
    expect(requests.some((r) => r.method === 'POST' && r.path === `${path}/ai/retry`)).toBe(true);
    expect(await screen.findByText('Analysis queued again')).toBeInTheDocument();
  });

  it('should show the suggestions and accept them onto the call and the contact within 24 h', async () => {
    const done = aCallLogView({ ai: aCallLogAi() });
    const accepted = {
      ...done,
      leadStatus: 'qualified' as const,
      dealValueCents: 500000,
      ai: aCallLogAi({ acceptedAt: '2026-01-05T11:00:00.000Z', acceptedBy: { userId: 'u9', name: 'Olivia Owner' } }),
      contactUpdated: true,
    };
    const { requests } = renderCall(done, { handlers: { [`POST ${path}/ai/accept`]: () => ({ body: accepted }) } });
    const section = await aiSection();
    expect(within(section).getByText('Done')).toBeInTheDocument();
    expect(within(section).getByText('Sandbox output')).toBeInTheDocument();
    expect(within(section).getByText(/wants a quote for about \$5,000/)).toBeInTheDocument();
    expect(within(section).getByText('Qualified')).toBeInTheDocument();
    expect(within(section).getByText('$5,000.00')).toBeInTheDocument();
    expect(within(section).getByText('Dana Reyes')).toBeInTheDocument();
    expect(within(section).getByText('82%')).toBeInTheDocument();
    expect(within(within(section).getByRole('list', { name: 'Keywords' })).getByText('ready to buy')).toBeInTheDocument();
    expect(within(within(section).getByRole('list', { name: 'Suggested tags' })).getByText('hot-lead')).toBeInTheDocument();
    expect(within(section).getByRole('region', { name: 'Transcript' })).toHaveTextContent(/my name is Dana Reyes/);
    expect(within(section).queryByText(/More than 24 h after the call/)).not.toBeInTheDocument();

    await userEvent.click(within(section).getByRole('button', { name: 'Accept AI suggestion' }));
    expect(await screen.findByText('Suggestion accepted: the call and the contact are now Qualified')).toBeInTheDocument();
    expect(await within(section).findByText(/Accepted by Olivia Owner/)).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Accept AI suggestion' })).not.toBeInTheDocument();
    expect(requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([`${path}/ai/accept`]);
  });

  it('should say only the call log changes when accepting more than 24 h after the call', async () => {
    const old = aCallLogView({ syncsContact: false, ai: aCallLogAi() });
    renderCall(old, { handlers: { [`POST ${path}/ai/accept`]: () => ({ body: { ...old, leadStatus: 'qualified', contactUpdated: false } }) } });
    const section = await aiSection();
    expect(within(section).getByText('More than 24 h after the call: accepting changes only this call log, not the contact.')).toBeInTheDocument();
    await userEvent.click(within(section).getByRole('button', { name: 'Accept AI suggestion' }));
    expect(await screen.findByText('Suggestion accepted for this call log only')).toBeInTheDocument();
  });

  it('should show the API message when there is nothing to accept any more', async () => {
    renderCall(aCallLogView({ ai: aCallLogAi() }), {
      handlers: { [`POST ${path}/ai/accept`]: () => ({ status: 409, body: { statusCode: 409, error: 'Conflict', message: 'This suggestion was already accepted', code: 'CONFLICT' } }) },
    });
    await userEvent.click(within(await aiSection()).getByRole('button', { name: 'Accept AI suggestion' }));
    expect(await screen.findByText('This suggestion was already accepted')).toBeInTheDocument();
  });

  it('should hide Accept and Retry from roles that cannot qualify leads', async () => {
    renderCall(aCallLogView({ ai: aCallLogAi() }), { canQualify: false });
    const section = await aiSection();
    expect(within(section).getByText('Dana Reyes')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'Accept AI suggestion' })).not.toBeInTheDocument();
  });

  it('should play the recording from a blob fetched through the API', async () => {
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:recording'), revokeObjectURL: vi.fn() });
    const { requests } = renderCall(aCallLogView({ recordingUrl: `/api/v1${path}/recording` }), {
      handlers: { [`GET ${path}/recording`]: () => 'RIFF' },
    });
    const audio = await screen.findByLabelText('Call recording');
    expect(audio).toHaveAttribute('src', 'blob:recording');
    await waitFor(() => expect(requests.some((r) => r.path === `${path}/recording`)).toBe(true));
    expect(requests.find((r) => r.path === `${path}/recording`)?.headers.get('Accept')).toBe('*/*');
  });
});

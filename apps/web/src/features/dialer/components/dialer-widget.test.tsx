import type { DialerAvailability } from '@ringtonic/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aRingingCall } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { stopDialerSession } from '../lib/dialer-session';
import type { VoiceCall, VoiceCallEvent, VoiceCallEventMap } from '../voice/voice-device';
import { DialerWidget } from './dialer-widget';

type Handler = (...args: unknown[]) => void;

// A stand-in for the Socket.IO client: tests play the server with `serverEmit`.
const socket = vi.hoisted(() => {
  const handlers = new Map<string, Handler[]>();
  const emitted: Array<{ event: string; args: unknown[] }> = [];
  return {
    handlers,
    emitted,
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
    emit(event: string, ...args: unknown[]) {
      emitted.push({ event, args });
      const ack = args.at(-1);
      if (event === 'presence.heartbeat' && typeof ack === 'function') ack({ ok: true, status: 'online' });
      return this;
    },
    disconnect() {
      handlers.clear();
      return this;
    },
    connect() {
      return this;
    },
    serverEmit(event: string, payload?: unknown) {
      for (const h of handlers.get(event) ?? []) h(payload);
    },
  };
});

class FakeCall implements VoiceCall {
  sid = 'CA1';
  muted: boolean[] = [];
  digits: string[] = [];
  disconnected = false;
  private listeners: Partial<Record<VoiceCallEvent, Handler[]>> = {};
  mute(m: boolean) {
    this.muted.push(m);
  }
  sendDigits(d: string) {
    this.digits.push(d);
  }
  disconnect() {
    this.disconnected = true;
  }
  on<E extends VoiceCallEvent>(event: E, listener: VoiceCallEventMap[E]) {
    this.listeners[event] = [...(this.listeners[event] ?? []), listener as Handler];
  }
  fire(event: VoiceCallEvent) {
    for (const l of this.listeners[event] ?? []) l();
  }
}

const device = vi.hoisted(() => ({
  connect: vi.fn(),
  updateToken: vi.fn(),
  destroy: vi.fn(),
  listAudioDevices: vi.fn(async () => ({ inputs: [{ id: 'mic', label: 'Sandbox microphone' }], outputs: [{ id: 'spk', label: 'Sandbox speaker' }] })),
  setInputDevice: vi.fn(async () => undefined),
  setOutputDevice: vi.fn(async () => undefined),
  onError: null as null | ((message: string, code?: number) => void),
}));

vi.mock('@/lib/socket', () => ({ connectRealtime: () => socket }));
vi.mock('../voice/create-voice-device', () => ({
  createVoiceDevice: async (_token: unknown, onError: (message: string, code?: number) => void) => {
    device.onError = onError;
    return device;
  },
}));

const WS = '11111111-1111-4111-8111-111111111111';
const base = `/workspaces/${WS}`;
const available: DialerAvailability = {
  available: true,
  reasons: [],
  provider: 'sandbox',
  heartbeatSeconds: 30,
  autoAwaySeconds: 600,
  callerIds: [
    { id: 'n1', e164: '+14155550100', label: null, campaignName: 'Google Ads' },
    { id: 'n2', e164: '+14155550101', label: null, campaignName: null },
  ],
};
const ringing = aRingingCall();

function api(overrides: Record<string, (r: { body: unknown }) => unknown> = {}) {
  return mockApi({
    [`GET ${base}/dialer`]: () => available,
    [`POST ${base}/dialer/token`]: () => ({ token: 't', identity: 'u', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), provider: 'sandbox', sandboxUrl: 'http://sandbox' }),
    [`GET ${base}/dialer/caller-id`]: () => ({ phoneNumberId: 'n2', e164: '+14155550101', reason: 'sticky' }),
    [`GET ${base}/calls/ringing`]: () => [],
    [`GET ${base}/call-logs`]: () => ({ items: [], nextCursor: null }),
    [`GET ${base}/contacts`]: () => ({ items: [], nextCursor: null }),
    ...overrides,
  });
}

function renderWidget(role: 'agent' | 'admin' = 'agent') {
  return renderRoute(<DialerWidget workspaceId={WS} userId="me" role={role} permissions={['calls.make', 'calls.receive']} />);
}

async function openWidget() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Open dialer' }));
  return user;
}

describe('DialerWidget', () => {
  let call: FakeCall;
  beforeEach(() => {
    call = new FakeCall();
    device.connect.mockReset().mockResolvedValue(call);
    socket.emitted.length = 0;
  });
  afterEach(() => stopDialerSession());

  it('should place a call with the smart caller ID, toggle mute and hang up when a number is typed', async () => {
    api();
    renderWidget();
    const user = await openWidget();
    expect(screen.getByLabelText('Status')).toBeInTheDocument();
    expect(screen.getByLabelText('Caller ID')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Phone number'), '2125550100');
    expect(screen.getByLabelText('Phone number')).toHaveValue('(212) 555-0100');
    await user.click(screen.getByRole('button', { name: 'Call' }));

    await waitFor(() => expect(device.connect).toHaveBeenCalledWith({ To: '+12125550100', CallerId: '+14155550101' }));
    call.fire('accept');
    await user.click(await screen.findByRole('button', { name: 'Mute' }));
    expect(call.muted).toEqual([true]);
    await user.click(screen.getByRole('button', { name: 'Unmute' }));
    await user.click(screen.getByRole('button', { name: 'Keypad' }));
    await user.click(within(screen.getByRole('group', { name: 'Touch-tone keypad' })).getByRole('button', { name: '5' }));
    expect(call.digits).toEqual(['5']);
    await user.click(screen.getByRole('button', { name: 'Hang up' }));
    expect(call.disconnected).toBe(true);
    expect(await screen.findByRole('tab', { name: 'Keypad' })).toBeInTheDocument();
  });

  it('should use the manual caller ID override when one is chosen', async () => {
    api();
    renderWidget();
    const user = await openWidget();
    await user.selectOptions(screen.getByLabelText('Caller ID'), 'n1');
    await user.type(screen.getByLabelText('Phone number'), '2125550100');
    await user.click(screen.getByRole('button', { name: 'Call' }));
    await waitFor(() => expect(device.connect).toHaveBeenCalledWith({ To: '+12125550100', CallerId: '+14155550100' }));
    expect(window.localStorage.getItem(`rt.callerId.${WS}`)).toBe('n1');
  });

  it('should show the incoming card and connect with answerCallId when Answer wins the claim', async () => {
    const { requests } = api({
      [`POST ${base}/calls/call-1/answer`]: () => ({ callId: 'call-1' }),
      [`GET ${base}/call-logs/call-1`]: () => ({ id: 'call-1', contact: { id: 'ct1', name: 'Ada Caller', phone: '+12125550123', leadStatus: 'new' } }),
      [`GET ${base}/contacts/ct1`]: () => ({ id: 'ct1', phone: '+12125550123', phoneFormatted: '(212) 555-0123', name: 'Ada Caller', email: 'ada@example.test', company: 'Acme', leadStatus: 'qualified', dealValueCents: 500000, tags: ['vip'] }),
      [`GET ${base}/contacts/ct1/stats`]: () => ({ totalCalls: 3, lastCallAt: null, averageDurationSeconds: 65 }),
    });
    renderWidget();
    await screen.findByRole('button', { name: 'Open dialer' });
    socket.serverEmit('call.ringing', ringing);

    const card = await screen.findByRole('region', { name: '(212) 555-0123' });
    expect(within(card).getByText('Ada Caller')).toBeInTheDocument();
    expect(within(card).getByText('(415) 555-0100')).toBeInTheDocument();
    expect(within(card).getByText('Google Ads')).toBeInTheDocument();
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Answer' }));

    await waitFor(() => expect(device.connect).toHaveBeenCalledWith({ answerCallId: 'call-1' }));
    expect(requests.some((r) => r.method === 'POST' && r.path === `${base}/calls/call-1/answer`)).toBe(true);
    const sidebar = await screen.findByRole('complementary', { name: 'Caller details' });
    expect(await within(sidebar).findByText('ada@example.test')).toBeInTheDocument();
    expect(within(sidebar).getByText('Acme')).toBeInTheDocument();
    expect(within(sidebar).getByText('vip')).toBeInTheDocument();
    expect(await within(sidebar).findByText('3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeInTheDocument();
  });

  it('should drop the card and say who answered when the claim is lost', async () => {
    api({
      [`POST ${base}/calls/call-1/answer`]: () => ({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'Already answered', code: 'ALREADY_ANSWERED', answeredBy: { userId: 'u2', name: 'Bea Agent' } },
      }),
    });
    renderWidget();
    await screen.findByRole('button', { name: 'Open dialer' });
    socket.serverEmit('call.ringing', ringing);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Answer' }));
    expect(await screen.findByText('Answered by Bea Agent')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Answer' })).not.toBeInTheDocument());
    expect(device.connect).not.toHaveBeenCalled();
  });

  it('should restore ringing calls on connect and remove a card claimed by a teammate', async () => {
    api({ [`GET ${base}/calls/ringing`]: () => [ringing] });
    renderWidget();
    await screen.findByRole('button', { name: 'Open dialer' });
    socket.serverEmit('connect');
    expect(await screen.findByRole('button', { name: 'Answer' })).toBeInTheDocument();
    socket.serverEmit('call.claimed', { callId: 'call-1', answeredBy: { userId: 'u2', name: 'Bea' } });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Answer' })).not.toBeInTheDocument());
  });

  it('should post a reject and drop the card when Reject is clicked', async () => {
    const { requests } = api({ [`POST ${base}/calls/call-1/reject`]: () => ({ status: 204 }) });
    renderWidget();
    await screen.findByRole('button', { name: 'Open dialer' });
    socket.serverEmit('call.ringing', ringing);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Reject' }));
    await waitFor(() => expect(requests.some((r) => r.path === `${base}/calls/call-1/reject`)).toBe(true));
    expect(screen.queryByRole('button', { name: 'Answer' })).not.toBeInTheDocument();
  });

  it('should send presence.set when a status is chosen and follow presence.changed for self only', async () => {
    api();
    renderWidget();
    const user = await openWidget();
    await user.selectOptions(screen.getByLabelText('Status'), 'dnd');
    expect(socket.emitted).toContainEqual({ event: 'presence.set', args: [{ status: 'dnd' }] });
    socket.serverEmit('presence.changed', { userId: 'someone-else', status: 'online' });
    expect(screen.getByLabelText('Status')).toHaveValue('dnd');
    socket.serverEmit('presence.changed', { userId: 'me', status: 'in_call' });
    await waitFor(() => expect(screen.getByLabelText('Status')).toHaveValue('in_call'));
  });

  it('should list devices and offer a test tone in audio settings', async () => {
    api();
    renderWidget();
    const user = await openWidget();
    await user.click(screen.getByRole('button', { name: 'Audio settings' }));
    expect(await screen.findByLabelText('Microphone')).toHaveDisplayValue('Sandbox microphone');
    expect(screen.getByLabelText('Speaker')).toHaveDisplayValue('Sandbox speaker');
    expect(screen.getByRole('button', { name: 'Play test tone' })).toBeInTheDocument();
  });

  it('should re-apply the microphone and speaker chosen earlier when the voice device starts', async () => {
    window.localStorage.setItem('rt.audioInput', 'headset-mic');
    window.localStorage.setItem('rt.audioOutput', 'headset');
    device.setInputDevice.mockClear();
    device.setOutputDevice.mockClear();
    api();
    renderWidget();
    await waitFor(() => expect(device.setInputDevice).toHaveBeenCalledWith('headset-mic'));
    expect(device.setOutputDevice).toHaveBeenCalledWith('headset');
    window.localStorage.removeItem('rt.audioInput');
    window.localStorage.removeItem('rt.audioOutput');
  });

  it('should fetch a new voice token when the device reports an expired one', async () => {
    let minted = 0;
    const { requests } = api({
      [`POST ${base}/dialer/token`]: () => ({ token: `t${++minted}`, identity: 'u', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), provider: 'sandbox', sandboxUrl: 'http://sandbox' }),
    });
    device.updateToken.mockClear();
    device.onError = null;
    renderWidget();
    await waitFor(() => expect(device.onError).not.toBeNull());
    device.onError!('Your voice session expired. Reconnecting the dialer…', 20104);
    await waitFor(() => expect(device.updateToken).toHaveBeenCalledWith('t2'));
    expect(requests.filter((r) => r.path === `${base}/dialer/token`)).toHaveLength(2);
  });

  it('should tell admins why the dialer is unavailable and show agents nothing', async () => {
    mockApi({ [`GET ${base}/dialer`]: () => ({ ...available, available: false, reasons: ['PLAN_NOT_AGENCY'] }) });
    const admin = renderWidget('admin');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Dialer unavailable' }));
    expect(await screen.findByText('The Dialer needs the Agency plan.')).toBeInTheDocument();
    admin.unmount();
    renderWidget('agent');
    await waitFor(() => expect(screen.queryByText('Dialer unavailable')).not.toBeInTheDocument());
    expect(screen.queryByRole('button', { name: 'Open dialer' })).not.toBeInTheDocument();
  });
});

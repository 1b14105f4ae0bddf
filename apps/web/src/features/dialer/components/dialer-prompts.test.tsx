import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aRingingCall } from '@/test/factories';
import { useDialerStore } from '../stores/dialer-store';
import { IncomingCallCard } from './incoming-call-card';
import { NotificationOffer } from './notification-offer';

const sound = vi.hoisted(() => ({ unlockSound: vi.fn(async () => undefined) }));
vi.mock('../lib/sound', () => sound);

const call = aRingingCall({ callerName: null, trackingNumber: '+14155550100', campaign: null, ringDeadline: new Date().toISOString() });

describe('the polite desktop-alert offer', () => {
  const requestPermission = vi.fn(async () => 'granted' as NotificationPermission);
  beforeEach(() => {
    window.localStorage.clear();
    requestPermission.mockClear();
    vi.stubGlobal('Notification', Object.assign(function Notification() {}, { permission: 'default', requestPermission }));
  });

  it('should ask the browser only after "Turn on", then go away for good', async () => {
    const first = render(<NotificationOffer />);
    expect(requestPermission).not.toHaveBeenCalled();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Turn on' }));
    expect(requestPermission).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Turn on' })).not.toBeInTheDocument();
    first.unmount();
    render(<NotificationOffer />);
    expect(screen.queryByRole('button', { name: 'Turn on' })).not.toBeInTheDocument();
  });

  it('should not ask and not come back after "Not now"', async () => {
    const first = render(<NotificationOffer />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Not now' }));
    expect(requestPermission).not.toHaveBeenCalled();
    first.unmount();
    render(<NotificationOffer />);
    expect(screen.queryByText(/desktop alert/)).not.toBeInTheDocument();
  });
});

describe('the audio-unlock prompt on the incoming card', () => {
  it('should offer "Enable sound" only while the browser blocks the ringtone, and unlock on click', async () => {
    useDialerStore.getState().soundBlockedChanged(false);
    const view = render(<IncomingCallCard call={call} />);
    expect(screen.queryByRole('button', { name: 'Enable sound' })).not.toBeInTheDocument();
    expect(screen.getByText('Unknown caller')).toBeInTheDocument();

    useDialerStore.getState().soundBlockedChanged(true);
    view.rerender(<IncomingCallCard call={call} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Enable sound' }));
    expect(sound.unlockSound).toHaveBeenCalledTimes(1);
  });
});

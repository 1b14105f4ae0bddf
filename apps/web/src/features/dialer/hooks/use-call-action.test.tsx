import type { DialerAvailability, Permission, Role } from '@ringtonic/contracts';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { useCallAction } from './use-call-action';

const dial = vi.hoisted(() => ({ dialNumber: vi.fn(async () => undefined) }));
vi.mock('../lib/dial', () => dial);

const WS = '11111111-1111-4111-8111-111111111111';
const dialer = (available: boolean): DialerAvailability => ({
  available,
  reasons: available ? [] : ['DIALER_NOT_READY'],
  provider: 'sandbox',
  heartbeatSeconds: 30,
  autoAwaySeconds: 600,
  callerIds: [{ id: 'n1', e164: '+14155550100', label: null, campaignName: null }],
});

function Row({ role, permissions }: { role: Role; permissions: Permission[] }) {
  const onCall = useCallAction(WS, role, permissions);
  return (
    <div>
      <span>Robin Row</span>
      {onCall && (
        <button type="button" onClick={() => onCall({ phone: '+12125550111', name: 'Robin Row', id: 'c1' })}>
          Call Robin Row
        </button>
      )}
    </div>
  );
}

const ALL: Permission[] = ['calls.make', 'calls.receive'];

describe('useCallAction (the Contacts page row call button)', () => {
  it('should offer the call when the dialer is available and dial through the widget', async () => {
    mockApi({ [`GET /workspaces/${WS}/dialer`]: () => dialer(true) });
    renderRoute(<Row role="agent" permissions={ALL} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Call Robin Row' }));
    expect(dial.dialNumber).toHaveBeenCalledWith(WS, dialer(true).callerIds, { number: '+12125550111', name: 'Robin Row', contactId: 'c1' });
  });

  it.each([
    ['the dialer is not available', 'agent', ALL, false],
    ['the member may not make calls', 'agent', ['calls.receive'], true],
    ['the role runs no dialer', 'manager', ALL, true],
  ] as const)('should hide the button when %s', async (_why, role, permissions, available) => {
    mockApi({ [`GET /workspaces/${WS}/dialer`]: () => dialer(available) });
    const { queryClient } = renderRoute(<Row role={role} permissions={[...permissions]} />);
    await screen.findByText('Robin Row');
    // The dialer response has landed: the button stays away.
    await waitFor(() => expect(queryClient.getQueryState(['dialer', WS])?.status).toBe('success'));
    expect(screen.queryByRole('button', { name: 'Call Robin Row' })).not.toBeInTheDocument();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { useDialerStore } from '../stores/dialer-store';
import { KeypadTab } from './keypad-tab';

describe('KeypadTab', () => {
  afterEach(() => useDialerStore.getState().draftNumberChanged(''));

  it.each([
    ['GB', '02079460958', '020 7946 0958'],
    ['US', '2125550100', '(212) 555-0100'],
  ])('should format a number typed without + as the workspace country (%s) reads it', async (country, typed, shown) => {
    const { requests } = mockApi({ 'GET /workspaces/ws1': () => aWorkspace({ id: 'ws1', defaultCountry: country }) });
    renderRoute(<KeypadTab workspaceId="ws1" callerIds={[]} />);
    await waitFor(() => expect(requests.some((r) => r.path === '/workspaces/ws1')).toBe(true));
    await new Promise((r) => setTimeout(r, 20)); // the workspace answer renders
    const input = screen.getByLabelText('Phone number');
    await userEvent.type(input, typed);
    expect(input).toHaveValue(shown);
    await userEvent.click(screen.getByRole('button', { name: 'Call' }));
    expect(screen.queryByText('Enter a valid phone number.')).not.toBeInTheDocument();
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { aContact } from '@/test/factories/crm';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { useContactsView } from '../stores/contacts-store';
import { ContactsPage } from './contacts-page';

const contacts = [aContact(), aContact({ id: 'c2', name: 'Mary Major', phone: '+12125550002', phoneFormatted: '(212) 555-0002', leadStatus: 'qualified', dealValueCents: 500000, callCount: 3 })];

function renderContacts(canEdit = true, url = '/w/ws1/contacts') {
  return renderRoute(<ContactsPage workspaceId="ws1" canEdit={canEdit} canViewCalls />, { path: '/w/:workspaceId/contacts', url });
}

describe('ContactsPage', () => {
  afterEach(() => useContactsView.getState().viewReset());

  it('should list contacts with their columns and sort when a header is clicked', async () => {
    const { requests } = mockApi({ 'GET /workspaces/ws1/contacts': () => ({ items: contacts, nextCursor: null }) });
    renderContacts();
    const table = await screen.findByRole('table', { name: 'Contacts' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[1]).getByText('$5,000.00')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Qualified')).toBeInTheDocument();
    await userEvent.click(within(table).getByRole('button', { name: 'Deal value' }));
    await waitFor(() => expect(requests.at(-1)?.path).toBe('/workspaces/ws1/contacts'));
    expect(useContactsView.getState()).toMatchObject({ sort: 'dealValueCents', order: 'desc' });
  });

  it('should create a contact from the Add Contact dialog and show the duplicate error with its id', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1/contacts': () => ({ items: contacts, nextCursor: null }),
      'POST /workspaces/ws1/contacts': () => ({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'A contact with this phone number already exists', code: 'CONTACT_EXISTS', existingContactId: 'c1' },
      }),
    });
    renderContacts();
    await userEvent.click(await screen.findByRole('button', { name: 'Add Contact' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add Contact' });
    await userEvent.type(within(dialog).getByLabelText('Phone'), '(212) 555-1234');
    await userEvent.type(within(dialog).getByLabelText('Deal value'), '1,250.50');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('A contact with this phone number already exists.')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toMatchObject({ phone: '(212) 555-1234', leadStatus: 'new', dealValueCents: 125050 });
  });

  it('should bulk-tag the selected contacts', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1/contacts': () => ({ items: contacts, nextCursor: null }),
      'POST /workspaces/ws1/contacts/bulk': () => ({ affected: 2 }),
    });
    renderContacts();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select all contacts on this page' }));
    const bar = screen.getByRole('region', { name: 'Bulk actions' });
    expect(within(bar).getByText('2 selected')).toBeInTheDocument();
    await userEvent.click(within(bar).getByRole('button', { name: 'Add tags' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add tags' });
    await userEvent.type(within(dialog).getByLabelText('Tags'), 'Hot Lead, VIP');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('2 contacts updated')).toBeInTheDocument();
    expect(requests.find((r) => r.path.endsWith('/bulk'))?.body).toEqual({ ids: ['c1', 'c2'], action: 'addTags', tags: ['Hot Lead', 'VIP'] });
  });

  it('should hide editing when the role cannot edit contacts', async () => {
    mockApi({ 'GET /workspaces/ws1/contacts': () => ({ items: contacts, nextCursor: null }) });
    renderContacts(false);
    await screen.findByRole('table', { name: 'Contacts' });
    expect(screen.queryByRole('button', { name: 'Add Contact' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('should open the contact a link names (?contact=) and forget the link once closed', async () => {
    mockApi({
      'GET /workspaces/ws1/contacts': () => ({ items: contacts, nextCursor: null }),
      'GET /workspaces/ws1/contacts/c2': () => contacts[1],
      'GET /workspaces/ws1/contacts/c2/stats': () => ({ totalCalls: 3, lastCallAt: null, averageDurationSeconds: 0 }),
      'GET /workspaces/ws1/contacts/c2/calls': () => ({ items: [], nextCursor: null, total: 0, page: 1 }),
    });
    const { router } = renderContacts(true, '/w/ws1/contacts?contact=c2');
    expect(await screen.findByRole('dialog', { name: 'Mary Major' })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe(''));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Mary Major' })).not.toBeInTheDocument());
  });

  it('should save an inline edit in the detail sheet and revert it with a message when refused', async () => {
    let name = 'John Doe';
    const { requests } = mockApi({
      'GET /workspaces/ws1/contacts': () => ({ items: contacts, nextCursor: null }),
      'GET /workspaces/ws1/contacts/c1': () => aContact({ name, notes: 'Gatekeeper is Susan' }),
      'GET /workspaces/ws1/contacts/c1/stats': () => ({ totalCalls: 0, lastCallAt: null, averageDurationSeconds: 0 }),
      'GET /workspaces/ws1/contacts/c1/calls': () => ({ items: [], nextCursor: null, total: 0, page: 1 }),
      'PATCH /workspaces/ws1/contacts/c1': (r) => {
        const body = r.body as { name?: string; email?: string };
        if (body.email) return { status: 400, body: { statusCode: 400, error: 'Bad Request', message: ['email must be a valid email address'], code: 'VALIDATION_FAILED' } };
        name = body.name ?? name;
        return aContact({ name });
      },
    });
    renderContacts();
    await userEvent.click(await screen.findByRole('button', { name: 'John Doe' }));
    const sheet = await screen.findByRole('dialog', { name: 'John Doe' });
    expect(await within(sheet).findByDisplayValue('Gatekeeper is Susan')).toBeInTheDocument();
    const nameInput = within(sheet).getByLabelText(/^Name/);
    await userEvent.clear(nameInput);
    await userEvent.type(nameInput, 'John Smith');
    await userEvent.tab();
    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH' && (r.body as { name?: string }).name === 'John Smith')).toBe(true));
    const email = within(sheet).getByLabelText(/^Email/);
    await userEvent.clear(email);
    await userEvent.type(email, 'bad@');
    await userEvent.tab();
    expect(await screen.findByText('Email was not saved')).toBeInTheDocument();
    await waitFor(() => expect(email).toHaveValue('john@example.com'));
  });
});

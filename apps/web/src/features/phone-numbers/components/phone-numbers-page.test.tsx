import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aCampaign, aPhoneNumber, aTwilioNumber } from '@/test/factories';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { PhoneNumbersPage } from './phone-numbers-page';

const campaigns = [aCampaign(), aCampaign({ id: 'c2', name: 'Radio ads', numberCount: 1 })];
const trackingNumbers = [
  aPhoneNumber(),
  aPhoneNumber({
    id: 'pn2',
    e164: '+14155550101',
    formatted: '(415) 555-0101',
    label: 'Front desk',
    campaign: { id: 'c2', name: 'Radio ads' },
  }),
];

function renderPage(canManage = true) {
  return renderRoute(<PhoneNumbersPage workspaceId="ws1" canManage={canManage} />, {
    path: '/w/:workspaceId/phone-numbers',
    url: '/w/ws1/phone-numbers',
  });
}

function twilioNumbers(count: number) {
  return Array.from({ length: count }, (_, i) =>
    aTwilioNumber({ sid: `PN${String(i).padStart(32, '0')}`, phoneNumber: `+1415555${String(1000 + i)}` }),
  );
}

describe('PhoneNumbersPage', () => {
  it('should render a row per tracking number and PATCH the campaign when one is assigned', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1/phone-numbers': () => ({ items: trackingNumbers }),
      'GET /workspaces/ws1/campaigns': () => ({ items: campaigns }),
      'PATCH /workspaces/ws1/phone-numbers/pn1': () => aPhoneNumber({ campaign: { id: 'c2', name: 'Radio ads' } }),
    });
    renderPage();

    const table = await screen.findByRole('table', { name: 'Tracking numbers' });
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(2);
    expect(within(table).getByText('(415) 555-0100')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Campaign for (415) 555-0101' })).toHaveTextContent('Radio ads');
    const select = screen.getByRole('combobox', { name: 'Campaign for (415) 555-0100' });
    expect(select).toHaveTextContent('No campaign');

    await userEvent.click(select);
    await userEvent.click(await screen.findByRole('option', { name: 'Radio ads' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')).toMatchObject({
      path: '/workspaces/ws1/phone-numbers/pn1',
      body: { campaignId: 'c2' },
    });
    expect(await screen.findByText('(415) 555-0100 assigned to Radio ads')).toBeInTheDocument();
  });

  it('should send campaignId null when "No campaign" is chosen', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1/phone-numbers': () => ({ items: trackingNumbers }),
      'GET /workspaces/ws1/campaigns': () => ({ items: campaigns }),
      'PATCH /workspaces/ws1/phone-numbers/pn2': () => ({ ...trackingNumbers[1], campaign: null }),
    });
    renderPage();

    await userEvent.click(await screen.findByRole('combobox', { name: 'Campaign for (415) 555-0101' }));
    await userEvent.click(await screen.findByRole('option', { name: 'No campaign' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'PATCH')).toBe(true));
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ campaignId: null });
  });

  it('should post the selected sids and leave imported numbers out when numbers are imported', async () => {
    const available = [
      aTwilioNumber({ sid: 'PNa', phoneNumber: '+14155550100', imported: true }),
      aTwilioNumber({ sid: 'PNb', phoneNumber: '+14155550102', friendlyName: 'Spring line' }),
      aTwilioNumber({ sid: 'PNc', phoneNumber: '+14155550103' }),
    ];
    const { requests } = mockApi({
      'GET /workspaces/ws1/phone-numbers': () => ({ items: [] }),
      'GET /workspaces/ws1/campaigns': () => ({ items: [] }),
      'GET /workspaces/ws1/twilio-numbers': () => ({ items: available }),
      'POST /workspaces/ws1/phone-numbers/import': () => ({
        items: [aPhoneNumber({ id: 'pn3', e164: '+14155550103', twilioSid: 'PNc' })],
        failed: [],
      }),
    });
    renderPage();

    expect(await screen.findByText('No tracking numbers yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Import numbers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import numbers' });
    const imported = await within(dialog).findByRole('checkbox', { name: '+14155550100' });
    expect(imported).toBeDisabled();
    expect(within(dialog).getByText('Imported')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: '+14155550103' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import selected' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requests.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/workspaces/ws1/phone-numbers/import', body: { twilioSids: ['PNc'] } }),
    ]);
    expect(await screen.findByText('Imported 1 number')).toBeInTheDocument();
  });

  it('should import in chunks of 20 and list failures when Select all is used on many numbers', async () => {
    const available = twilioNumbers(25);
    const { requests } = mockApi({
      'GET /workspaces/ws1/phone-numbers': () => ({ items: [] }),
      'GET /workspaces/ws1/campaigns': () => ({ items: [] }),
      'GET /workspaces/ws1/twilio-numbers': () => ({ items: available }),
      'POST /workspaces/ws1/phone-numbers/import': (request) => {
        const { twilioSids } = request.body as { twilioSids: string[] };
        const [first, ...rest] = twilioSids;
        return {
          items: rest.map((sid, i) => aPhoneNumber({ id: `${sid}-${i}`, twilioSid: sid })),
          failed: [{ sid: first, message: 'Twilio refused the webhook update' }],
        };
      },
    });
    renderPage();

    await userEvent.click(await screen.findByRole('button', { name: 'Import numbers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import numbers' });
    await userEvent.click(await within(dialog).findByRole('checkbox', { name: 'Select all' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import selected' }));

    expect(await screen.findByText('Imported 23 of 25 numbers')).toBeInTheDocument();
    const posts = requests.filter((r) => r.method === 'POST').map((r) => (r.body as { twilioSids: string[] }).twilioSids);
    expect(posts.map((sids) => sids.length)).toEqual([20, 5]);
    expect(posts.flat()).toEqual(available.map((n) => n.sid));
    expect(screen.getByText(`${available[20].phoneNumber}: Twilio refused the webhook update`)).toBeInTheDocument();
  });

  it("should show the API's message in the dialog when the Twilio numbers cannot be listed", async () => {
    mockApi({
      'GET /workspaces/ws1/phone-numbers': () => ({ items: [] }),
      'GET /workspaces/ws1/campaigns': () => ({ items: [] }),
      'GET /workspaces/ws1/twilio-numbers': () => ({
        status: 422,
        body: {
          statusCode: 422,
          error: 'Unprocessable Entity',
          message: 'Add your Twilio Account SID and Auth Token in the Basic tab',
          code: 'DIALER_NOT_READY',
        },
      }),
    });
    renderPage();

    await userEvent.click(await screen.findByRole('button', { name: 'Import numbers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import numbers' });
    expect(
      await within(dialog).findByText('Add your Twilio Account SID and Auth Token in the Basic tab'),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Import selected' })).toBeDisabled();
  });

  it('should show the conflict message when a campaign name is taken', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1/phone-numbers': () => ({ items: trackingNumbers }),
      'GET /workspaces/ws1/campaigns': () => ({ items: campaigns }),
      'POST /workspaces/ws1/campaigns': () => ({
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'A campaign named Radio ads already exists', code: 'CAMPAIGN_EXISTS' },
      }),
    });
    renderPage();

    const campaignTable = await screen.findByRole('table', { name: 'Campaigns' });
    expect(within(campaignTable).getByText('Spring mailer')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Campaign name'), 'Radio ads');
    await userEvent.click(screen.getByRole('button', { name: 'Add campaign' }));

    expect(await screen.findByText('A campaign named Radio ads already exists')).toBeInTheDocument();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ name: 'Radio ads' });
  });

  it('should delete a campaign after confirmation', async () => {
    const { requests } = mockApi({
      'GET /workspaces/ws1/phone-numbers': () => ({ items: trackingNumbers }),
      'GET /workspaces/ws1/campaigns': () => ({ items: campaigns }),
      'DELETE /workspaces/ws1/campaigns/c2': () => ({ status: 204 }),
    });
    renderPage();

    const campaignTable = await screen.findByRole('table', { name: 'Campaigns' });
    const row = within(campaignTable).getByText('Radio ads').closest('tr');
    if (!row) throw new Error('row not found');
    await userEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete Radio ads?' });
    expect(within(confirm).getByText(/1 tracking number becomes unassigned/)).toBeInTheDocument();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'DELETE' && r.path === '/workspaces/ws1/campaigns/c2')).toBe(true));
    expect(await screen.findByText('Campaign Radio ads deleted')).toBeInTheDocument();
  });

  it('should show the table read-only when the user cannot manage the workspace', async () => {
    mockApi({
      'GET /workspaces/ws1/phone-numbers': () => ({ items: trackingNumbers }),
      'GET /workspaces/ws1/campaigns': () => ({ items: campaigns }),
    });
    renderPage(false);

    const table = await screen.findByRole('table', { name: 'Tracking numbers' });
    expect(within(table).getByText('Radio ads')).toBeInTheDocument();
    expect(within(table).getByText('Front desk')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import numbers' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Campaign name')).not.toBeInTheDocument();
  });
});

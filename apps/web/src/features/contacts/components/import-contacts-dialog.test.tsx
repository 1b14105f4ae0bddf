import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { ImportContactsDialog } from './import-contacts-dialog';

const CSV = 'Full Name,Phone Number,E-mail,Status\r\n"Lee, Jordan",(212) 555-0142,jordan@example.com,qualified\r\nBad Row,12,,\r\n';

describe('ImportContactsDialog', () => {
  it('should map columns from the header, preview rejected rows, then import', async () => {
    const { requests } = mockApi({
      'POST /workspaces/ws1/contacts/import': (r) => {
        const dryRun = (r.body as { dryRun: boolean }).dryRun;
        return { dryRun, created: 1, rejected: [{ row: 3, reason: 'Phone "12" is too short to be a phone number' }] };
      },
    });
    renderRoute(<ImportContactsDialog workspaceId="ws1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import contacts' });
    await userEvent.upload(within(dialog).getByLabelText('CSV file'), new File([CSV], 'leads.csv', { type: 'text/csv' }));
    expect(await within(dialog).findByText(/2 rows in leads.csv/)).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Phone (required)' })).toHaveTextContent('Phone Number');
    expect(within(dialog).getByRole('combobox', { name: 'Name' })).toHaveTextContent('Full Name');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByText(/1 would be created, 1 rejected/)).toBeInTheDocument();
    expect(within(dialog).getByText('Row 3: Phone "12" is too short to be a phone number')).toBeInTheDocument();
    expect(requests[0]?.body).toEqual({
      dryRun: true,
      rows: [
        { row: 2, phone: '(212) 555-0142', name: 'Lee, Jordan', email: 'jordan@example.com', leadStatus: 'qualified' },
        { row: 3, phone: '12', name: 'Bad Row', email: '', leadStatus: '' },
      ],
    });

    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 1 contact' }));
    expect(await screen.findByText('1 contact imported')).toBeInTheDocument();
    expect(requests[1]?.body).toMatchObject({ dryRun: false });
  });
});

import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { ImportContactsDialog } from './import-contacts-dialog';

const CSV = 'Full Name,Phone Number,E-mail,Status\r\n"Lee, Jordan",(212) 555-0142,jordan@example.com,qualified\r\nBad Row,12,,\r\n';

describe('ImportContactsDialog', () => {
  it('should map columns from the header, preview rejected rows, then import', async () => {
    const { requests: all } = mockApi({
      'GET /workspaces/ws1': () => ({ id: 'ws1', defaultCountry: 'US' }),
      'POST /workspaces/ws1/contacts/import': (r) => {
        const dryRun = (r.body as { dryRun: boolean }).dryRun;
        return { dryRun, created: 1, rejected: [{ row: 3, reason: 'Phone "12" is too short to be a phone number' }] };
      },
    });
    const requests = { at: (i: number) => all.filter((r) => r.path.endsWith('/import'))[i] };
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
    expect(requests.at(0)?.body).toEqual({
      dryRun: true,
      rows: [
        { row: 2, phone: '(212) 555-0142', name: 'Lee, Jordan', email: 'jordan@example.com', leadStatus: 'qualified' },
        { row: 3, phone: '12', name: 'Bad Row', email: '', leadStatus: '' },
      ],
    });

    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 1 contact' }));
    expect(await screen.findByText('1 contact imported')).toBeInTheDocument();
    expect(requests.at(1)?.body).toMatchObject({ dryRun: false });
  });

  const { createObjectURL, revokeObjectURL } = URL;
  afterEach(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    vi.restoreAllMocks();
  });

  it('should reject a phone repeated in another chunk as "Same phone as row N" in the preview and the import, and offer the rejected rows as CSV', async () => {
    // 250 rows: chunks of 200, so row 2's number comes back (in another format) in the second chunk, at line 251.
    const lines = ['Name,Phone'];
    for (let i = 0; i < 249; i++) lines.push(`Lead ${i},(212) 555-${String(1000 + i)}`);
    lines.push('Again,+1 212-555-1000', 'Bad,12');
    const { requests } = mockApi({
      'GET /workspaces/ws1': () => ({ id: 'ws1', defaultCountry: 'US' }),
      'POST /workspaces/ws1/contacts/import': (r) => {
        const body = r.body as { dryRun: boolean; rows: Array<{ row: number; phone: string }> };
        const bad = body.rows.filter((x) => x.phone === '12');
        return { dryRun: body.dryRun, created: body.rows.length - bad.length, rejected: bad.map((x) => ({ row: x.row, reason: 'Phone "12" is too short to be a phone number' })) };
      },
    });
    const blobs: Blob[] = [];
    Object.assign(URL, { createObjectURL: vi.fn((b: Blob) => (blobs.push(b), 'blob:rejected')), revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const read = (blob: Blob) =>
      new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(blob);
      });
    renderRoute(<ImportContactsDialog workspaceId="ws1" />);
    await userEvent.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import contacts' });
    await userEvent.upload(within(dialog).getByLabelText('CSV file'), new File([lines.join('\r\n')], 'leads.csv', { type: 'text/csv' }));
    expect(await within(dialog).findByText(/251 rows in leads.csv/)).toBeInTheDocument();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Preview' }));
    expect(await within(dialog).findByText(/249 would be created, 2 rejected/)).toBeInTheDocument();
    expect(within(dialog).getByText('Row 251: Same phone as row 2')).toBeInTheDocument();
    const sent = requests.filter((r) => r.path.endsWith('/import')).flatMap((r) => (r.body as { rows: Array<{ row: number }> }).rows.map((x) => x.row));
    expect(sent).toHaveLength(250);
    expect(sent).not.toContain(251);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Download rejected rows (CSV)' }));
    expect(saved).toEqual(['leads-rejected.csv']);
    expect(await read(blobs[0]!)).toBe('Name,Phone,Rejected because\r\nAgain,+1 212-555-1000,Same phone as row 2\r\nBad,12,"Phone ""12"" is too short to be a phone number"\r\n');

    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 249 contacts' }));
    expect(await screen.findByText('249 contacts imported')).toBeInTheDocument();
    expect(within(dialog).getByText('Row 251: Same phone as row 2')).toBeInTheDocument();
  });
});

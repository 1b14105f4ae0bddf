import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aCallLogAi, aCallLogView } from '@/test/factories/crm';
import { mockApi } from '@/test/mock-api';
import { renderRoute } from '@/test/render';
import { ContactActivity } from './contact-activity';

describe('ContactActivity', () => {
  it('should show the AI summary of each analysed call in the timeline', async () => {
    const analysed = aCallLogView({ ai: aCallLogAi({ summary: 'Wants a quote for a new roof.' }) });
    const plain = aCallLogView({ id: 'call2', notes: 'Left a voicemail' });
    mockApi({
      'GET /workspaces/ws1/contacts/c1/stats': () => ({ totalCalls: 2, lastCallAt: null, averageDurationSeconds: 60 }),
      'GET /workspaces/ws1/contacts/c1/calls': () => ({ items: [analysed, plain], nextCursor: null, total: 2, page: 1 }),
    });
    renderRoute(<ContactActivity workspaceId="ws1" contactId="c1" />);

    const items = within(await screen.findByRole('list', { name: 'Call timeline' })).getAllByRole('listitem');
    expect(within(items[0]!).getByText('AI summary')).toBeInTheDocument();
    expect(within(items[0]!).getByText('Wants a quote for a new roof.')).toBeInTheDocument();
    expect(within(items[1]!).queryByText('AI summary')).not.toBeInTheDocument();
  });
});

import type { LeadStatus } from '@ringtonic/contracts';
import { Download, Search, Users } from 'lucide-react';
import { useEffect, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Select } from '@/components/ui/select';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { downloadContactsCsv } from '../api/export-contacts';
import { useContacts } from '../api/get-contacts';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { useContactsView } from '../stores/contacts-store';
import '../contacts.css';
import { AddContactDialog } from './add-contact-dialog';
import { BulkActionsBar } from './bulk-actions-bar';
import { ContactSheet } from './contact-sheet';
import { ContactsTable } from './contacts-table';
import { ImportContactsDialog } from './import-contacts-dialog';
import { LEAD_STATUS_OPTIONS } from './lead-status';

const PAGE_SIZE = 25;
const ALL = 'all';

export interface ContactsPageProps {
  workspaceId: string;
  /** contacts.edit: add, edit inline, bulk actions, import. */
  canEdit: boolean;
  /** callLogs.view: the detail sheet's call statistics and timeline. */
  canViewCalls: boolean;
}

export function ContactsPage({ workspaceId, canEdit, canViewCalls }: ContactsPageProps) {
  const view = useContactsView();
  const [searchText, setSearchText] = useState(view.search);
  const debounced = useDebouncedValue(searchText, 300);
  const { searchChanged, viewReset } = view;
  useEffect(() => viewReset, [workspaceId, viewReset]);
  useEffect(() => {
    if (debounced !== useContactsView.getState().search) searchChanged(debounced);
  }, [debounced, searchChanged]);

  const query = { search: view.search || undefined, leadStatus: view.leadStatus, sort: view.sort, order: view.order, limit: PAGE_SIZE, cursor: view.cursors.at(-1) };
  const contacts = useContacts(workspaceId, query);
  const filtered = Boolean(view.search || view.leadStatus);
  const exportCsv = () => downloadContactsCsv(workspaceId, query).catch((error: unknown) => toast.error(errorMessage(error)));

  return (
    <>
      <PageHeader
        title="Contacts"
        description="Everyone who called you or whom you called, with lead status and deal value."
        actions={
          <>
            <Button variant="secondary" onClick={() => void exportCsv()}>
              <Download size={16} aria-hidden="true" />
              Export CSV
            </Button>
            {canEdit && <ImportContactsDialog workspaceId={workspaceId} />}
            {canEdit && <AddContactDialog workspaceId={workspaceId} onOpenContact={view.contactOpened} />}
          </>
        }
      />
      <Card>
        <CardBody className="stack-sm">
          <div className="toolbar">
            <div className="search-box">
              <Search size={16} aria-hidden="true" />
              <input className="input" type="search" aria-label="Search contacts" placeholder="Search by name, phone or email" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
            </div>
            <Select<LeadStatus | typeof ALL>
              aria-label="Filter by lead status"
              value={view.leadStatus ?? ALL}
              options={[{ value: ALL, label: 'All lead statuses' }, ...LEAD_STATUS_OPTIONS]}
              onValueChange={(v) => view.leadStatusFilterChanged(v === ALL ? undefined : v)}
            />
          </div>
          {canEdit && view.selected.size > 0 && <BulkActionsBar workspaceId={workspaceId} />}
          {contacts.isPending && <LoadingState label="Loading contacts…" />}
          {contacts.isError && <ErrorState title="Could not load contacts">{errorMessage(contacts.error)}</ErrorState>}
          {contacts.data && contacts.data.items.length === 0 && (
            <EmptyState icon={<Users size={28} />} title={filtered ? 'No contacts match.' : 'No contacts yet.'}>
              {filtered ? 'Try another search or filter.' : 'Contacts are created automatically from calls, or add one yourself.'}
            </EmptyState>
          )}
          {contacts.data && contacts.data.items.length > 0 && <ContactsTable contacts={contacts.data.items} selectable={canEdit} />}
          {contacts.data && (view.cursors.length > 0 || contacts.data.nextCursor) && (
            <div className="row pager">
              <Button size="sm" variant="secondary" disabled={view.cursors.length === 0} onClick={view.previousPageRequested}>
                Previous page
              </Button>
              <span className="muted">Page {view.cursors.length + 1}</span>
              <Button size="sm" variant="secondary" disabled={!contacts.data.nextCursor} onClick={() => contacts.data.nextCursor && view.nextPageRequested(contacts.data.nextCursor)}>
                Next page
              </Button>
            </div>
          )}
        </CardBody>
      </Card>
      {view.openContactId && (
        <ContactSheet workspaceId={workspaceId} contactId={view.openContactId} canEdit={canEdit} canViewCalls={canViewCalls} onClose={view.sheetClosed} />
      )}
    </>
  );
}

import type { ContactView } from '@ringtonic/contracts';
import type { LeadStatus } from '@ringtonic/contracts';
import { Download, Search, Users } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
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
  /** calls.make: the row's phone action. */
  onCall?: (contact: ContactView) => void;
}

export function ContactsPage({ workspaceId, canEdit, canViewCalls, onCall }: ContactsPageProps) {
  const search = useContactsView((s) => s.search);
  const leadStatus = useContactsView((s) => s.leadStatus);
  const sort = useContactsView((s) => s.sort);
  const order = useContactsView((s) => s.order);
  const cursors = useContactsView((s) => s.cursors);
  const selectedCount = useContactsView((s) => s.selected.size);
  const openContactId = useContactsView((s) => s.openContactId);
  const { searchChanged, viewReset, leadStatusFilterChanged, nextPageRequested, previousPageRequested, contactOpened, sheetClosed } = useContactsView.getState();
  const [searchText, setSearchText] = useState(search);
  const debounced = useDebouncedValue(searchText, 300);
  useEffect(() => viewReset, [workspaceId, viewReset]);
  // A link to one contact (the dialer's "Open contact"): open its sheet, then drop the parameter.
  const [params, setParams] = useSearchParams();
  const linkedContact = params.get('contact');
  useEffect(() => {
    if (!linkedContact) return;
    contactOpened(linkedContact);
    setParams(
      (current) => {
        current.delete('contact');
        return current;
      },
      { replace: true },
    );
  }, [linkedContact, contactOpened, setParams]);
  useEffect(() => {
    if (debounced !== useContactsView.getState().search) searchChanged(debounced);
  }, [debounced, searchChanged]);

  const query = { search: search || undefined, leadStatus, sort, order, limit: PAGE_SIZE, cursor: cursors.at(-1) };
  const contacts = useContacts(workspaceId, query);
  const filtered = Boolean(search || leadStatus);
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
            {canEdit && <AddContactDialog workspaceId={workspaceId} onOpenContact={contactOpened} />}
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
              value={leadStatus ?? ALL}
              options={[{ value: ALL, label: 'All lead statuses' }, ...LEAD_STATUS_OPTIONS]}
              onValueChange={(v) => leadStatusFilterChanged(v === ALL ? undefined : v)}
            />
          </div>
          {canEdit && selectedCount > 0 && <BulkActionsBar workspaceId={workspaceId} />}
          {contacts.isPending && <LoadingState label="Loading contacts…" />}
          {contacts.isError && <ErrorState title="Could not load contacts">{errorMessage(contacts.error)}</ErrorState>}
          {contacts.data && contacts.data.items.length === 0 && (
            <EmptyState icon={<Users size={28} />} title={filtered ? 'No contacts match.' : 'No contacts yet.'}>
              {filtered ? 'Try another search or filter.' : 'Contacts are created automatically from calls, or add one yourself.'}
            </EmptyState>
          )}
          {contacts.data && contacts.data.items.length > 0 && <ContactsTable contacts={contacts.data.items} selectable={canEdit} onCall={onCall} />}
          {contacts.data && (cursors.length > 0 || contacts.data.nextCursor) && (
            <div className="row pager">
              <Button size="sm" variant="secondary" disabled={cursors.length === 0} onClick={previousPageRequested}>
                Previous page
              </Button>
              <span className="muted">Page {cursors.length + 1}</span>
              <Button size="sm" variant="secondary" disabled={!contacts.data.nextCursor} onClick={() => contacts.data.nextCursor && nextPageRequested(contacts.data.nextCursor)}>
                Next page
              </Button>
            </div>
          )}
        </CardBody>
      </Card>
      {openContactId && (
        <ContactSheet workspaceId={workspaceId} contactId={openContactId} canEdit={canEdit} canViewCalls={canViewCalls} onClose={sheetClosed} />
      )}
    </>
  );
}

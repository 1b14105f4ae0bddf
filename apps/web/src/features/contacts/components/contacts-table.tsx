import type { ContactSort, ContactView, SortOrder } from '@ringtonic/contracts';
import { ArrowDown, ArrowUp, Phone } from 'lucide-react';
import { Checkbox } from '@/components/ui/checkbox';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatCents } from '@/lib/crm-format';
import { formatDate } from '@/lib/format';
import { useContactsView } from '../stores/contacts-store';
import { LeadStatusBadge } from './lead-status';

const COLUMNS: Array<{ sort: ContactSort; label: string; numeric?: boolean }> = [
  { sort: 'name', label: 'Name' },
  { sort: 'phone', label: 'Phone' },
  { sort: 'company', label: 'Company' },
  { sort: 'leadStatus', label: 'Lead status' },
  { sort: 'dealValueCents', label: 'Deal value', numeric: true },
  { sort: 'callCount', label: 'Calls', numeric: true },
  { sort: 'lastContactAt', label: 'Last contact' },
];

export interface ContactsTableProps {
  contacts: ContactView[];
  selectable: boolean;
  /** The row's phone action (opens the dialer widget and calls); absent for roles that cannot call. */
  onCall?: (contact: ContactView) => void;
}

export function ContactsTable({ contacts, selectable, onCall }: ContactsTableProps) {
  const sort = useContactsView((s) => s.sort);
  const order = useContactsView((s) => s.order);
  const selected = useContactsView((s) => s.selected);
  const sortClicked = useContactsView((s) => s.sortClicked);
  const contactToggled = useContactsView((s) => s.contactToggled);
  const pageSelectionToggled = useContactsView((s) => s.pageSelectionToggled);
  const contactOpened = useContactsView((s) => s.contactOpened);
  const ids = contacts.map((c) => c.id);
  const selectedHere = ids.filter((id) => selected.has(id)).length;

  return (
    <Table aria-label="Contacts" className="contacts-table">
      <TableHead>
        <TableRow>
          {selectable && (
            <TableHeader className="cell-check">
              <Checkbox
                aria-label="Select all contacts on this page"
                checked={selectedHere === 0 ? false : selectedHere === ids.length ? true : 'indeterminate'}
                onCheckedChange={() => pageSelectionToggled(ids)}
              />
            </TableHeader>
          )}
          {COLUMNS.map((col) => (
            <TableHeader key={col.sort} aria-sort={sort === col.sort ? (order === 'asc' ? 'ascending' : 'descending') : undefined} className={col.numeric ? 'cell-num' : undefined}>
              <button type="button" className="sort-button" onClick={() => sortClicked(col.sort)}>
                {col.label}
                <SortIcon active={sort === col.sort} order={order} />
              </button>
            </TableHeader>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {contacts.map((c) => (
          <TableRow key={c.id} className="clickable-row" data-selected={selected.has(c.id) || undefined} onClick={() => contactOpened(c.id)}>
            {selectable && (
              <TableCell className="cell-check" onClick={(e) => e.stopPropagation()}>
                <Checkbox aria-label={`Select ${c.name ?? c.phoneFormatted}`} checked={selected.has(c.id)} onCheckedChange={() => contactToggled(c.id)} />
              </TableCell>
            )}
            <TableCell>
              <button type="button" className="link-button cell-strong" onClick={(e) => { e.stopPropagation(); contactOpened(c.id); }}>
                {c.name ?? <span className="muted">Unnamed</span>}
              </button>
              {c.email && <span className="cell-sub">{c.email}</span>}
              {c.tags.length > 0 && <span className="cell-sub">{c.tags.join(', ')}</span>}
            </TableCell>
            <TableCell>{c.phoneFormatted}</TableCell>
            <TableCell>{c.company ?? '—'}</TableCell>
            <TableCell>
              <LeadStatusBadge status={c.leadStatus} />
            </TableCell>
            <TableCell className="cell-num">{formatCents(c.dealValueCents)}</TableCell>
            <TableCell className="cell-num">{c.callCount}</TableCell>
            <TableCell>{c.lastContactAt ? formatDate(c.lastContactAt) : 'Never'}</TableCell>
            {onCall && (
              <TableCell className="cell-actions" onClick={(e) => e.stopPropagation()}>
                <button type="button" className="icon-button" aria-label={`Call ${c.name ?? c.phoneFormatted}`} onClick={() => onCall(c)}>
                  <Phone size={16} aria-hidden="true" />
                </button>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function SortIcon({ active, order }: { active: boolean; order: SortOrder }) {
  if (!active) return null;
  return order === 'asc' ? <ArrowUp size={12} aria-hidden="true" /> : <ArrowDown size={12} aria-hidden="true" />;
}

import type { CallerIdOption } from '@ringtonic/contracts';
import { Phone, Search } from 'lucide-react';
import { useDeferredValue, useState } from 'react';
import { LoadingState } from '@/components/ui/status';
import { useContactSearch } from '../api/contacts';
import { dialNumber } from '../lib/dial';

export function ContactsTab({ workspaceId, callerIds }: { workspaceId: string; callerIds: CallerIdOption[] }) {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const contacts = useContactSearch(workspaceId, deferred);
  return (
    <div className="dialer-list-tab">
      <div className="dialer-search">
        <Search size={14} aria-hidden="true" />
        <input
          className="input"
          type="search"
          aria-label="Search contacts"
          placeholder="Name or phone"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {contacts.isPending && <LoadingState label="Searching…" />}
      {contacts.isError && <p className="dialer-empty">Could not load contacts.</p>}
      {contacts.data?.items.length === 0 && <p className="dialer-empty">No contacts found.</p>}
      <ul className="dialer-list" aria-label="Contacts">
        {contacts.data?.items.map((c) => {
          const name = c.name ?? c.phoneFormatted;
          return (
            <li key={c.id} className="dialer-list-item">
              <div className="dialer-list-text">
                <span className="dialer-list-primary">{name}</span>
                <span className="dialer-list-secondary">{c.name ? c.phoneFormatted : c.company}</span>
              </div>
              <button
                type="button"
                className="icon-button icon-button-call"
                aria-label={`Call ${name}`}
                onClick={() => void dialNumber(workspaceId, callerIds, { number: c.phone, name: c.name, contactId: c.id })}
              >
                <Phone size={16} aria-hidden="true" />
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

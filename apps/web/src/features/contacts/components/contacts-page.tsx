import { Users } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

export function ContactsPage() {
  return (
    <>
      <PageHeader title="Contacts" description="Everyone who called you or whom you called, with lead status and deal value." />
      <EmptyState icon={<Users size={28} />} title="No contacts yet.">
        Contacts are created automatically from calls, so your list grows as your team makes and answers calls.
      </EmptyState>
    </>
  );
}

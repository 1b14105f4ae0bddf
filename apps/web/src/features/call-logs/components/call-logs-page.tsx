import { PhoneIncoming } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

export function CallLogsPage() {
  return (
    <>
      <PageHeader title="Call logs" description="Every inbound and outbound call, with notes, tags and outcome." />
      <EmptyState icon={<PhoneIncoming size={28} />} title="No calls yet.">
        Each call made or answered in this workspace is logged here automatically.
      </EmptyState>
    </>
  );
}

import { Hash } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';

export function PhoneNumbersPage() {
  return (
    <>
      <PageHeader
        title="Phone numbers"
        description="Tracking numbers imported from your Twilio account. They ring your agents and serve as caller IDs."
      />
      <EmptyState icon={<Hash size={28} />} title="No phone numbers yet.">
        Numbers you import from your Twilio account appear here and in the dialer&apos;s caller ID list.
      </EmptyState>
    </>
  );
}

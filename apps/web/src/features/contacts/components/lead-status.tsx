import { LEAD_STATUSES, type LeadStatus } from '@ringtonic/contracts';
import { Badge } from '@/components/ui/badge';
import { LEAD_STATUS_LABELS, LEAD_STATUS_TONES } from '@/lib/crm-format';

export const LEAD_STATUS_OPTIONS = LEAD_STATUSES.map((value) => ({ value, label: LEAD_STATUS_LABELS[value] }));

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return <Badge tone={LEAD_STATUS_TONES[status]}>{LEAD_STATUS_LABELS[status]}</Badge>;
}

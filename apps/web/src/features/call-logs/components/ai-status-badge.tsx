import type { AiStatus } from '@ringtonic/contracts';
import { Badge, type BadgeTone } from '@/components/ui/badge';

export const AI_STATUS_LABELS: Record<AiStatus, string> = {
  pending: 'Pending',
  transcribing: 'Transcribing',
  analysing: 'Analysing',
  done: 'Done',
  failed: 'Failed',
};

const TONES: Record<AiStatus, BadgeTone> = {
  pending: 'neutral',
  transcribing: 'info',
  analysing: 'info',
  done: 'success',
  failed: 'danger',
};

export const isAiInProgress = (status: AiStatus) => status === 'pending' || status === 'transcribing' || status === 'analysing';

/** Where the recording is in the pipeline (announced as it moves). */
export function AiStatusBadge({ status }: { status: AiStatus }) {
  return (
    <Badge tone={TONES[status]} role="status" aria-label={`Analysis ${AI_STATUS_LABELS[status]}`}>
      {AI_STATUS_LABELS[status]}
    </Badge>
  );
}

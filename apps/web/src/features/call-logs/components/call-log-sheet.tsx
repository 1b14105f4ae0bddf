import type { CallLogView } from '@ringtonic/contracts';
import { Sheet } from '@/components/ui/sheet';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useCallLog } from '../api/get-call-log';
import { AiAnalysisSection } from './ai-analysis-section';
import { CallFacts } from './call-facts';
import { CallQualification } from './call-qualification';
import { CallRecording } from './call-recording';

export interface CallLogSheetProps {
  workspaceId: string;
  callId: string;
  canAddNotes: boolean;
  canQualify: boolean;
  onClose: () => void;
}

export function CallLogSheet({ workspaceId, callId, canAddNotes, canQualify, onClose }: CallLogSheetProps) {
  const call = useCallLog(workspaceId, callId);
  return (
    <Sheet open onOpenChange={(open) => !open && onClose()} title="Call details">
      {call.isPending && <LoadingState label="Loading call…" />}
      {call.isError && <ErrorState title="Could not load the call">{errorMessage(call.error)}</ErrorState>}
      {call.data && <CallDetails workspaceId={workspaceId} call={call.data} canAddNotes={canAddNotes} canQualify={canQualify} />}
    </Sheet>
  );
}

function CallDetails({ workspaceId, call, canAddNotes, canQualify }: { workspaceId: string; call: CallLogView; canAddNotes: boolean; canQualify: boolean }) {
  return (
    <>
      <CallFacts call={call} />
      {call.recordingUrl && <CallRecording workspaceId={workspaceId} callId={call.id} recordingUrl={call.recordingUrl} />}
      <AiAnalysisSection workspaceId={workspaceId} call={call} canQualify={canQualify} />
      <CallQualification workspaceId={workspaceId} call={call} canAddNotes={canAddNotes} canQualify={canQualify} />
    </>
  );
}

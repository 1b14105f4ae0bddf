import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/api-error';
import { useObjectUrl, useRecording } from '../api/get-recording';

export interface CallRecordingProps {
  workspaceId: string;
  callId: string;
  recordingUrl: string;
}

/** The recording, played from a blob fetched with the access token when the call is opened. */
export function CallRecording({ workspaceId, callId, recordingUrl }: CallRecordingProps) {
  const recording = useRecording(workspaceId, callId, recordingUrl);
  const src = useObjectUrl(recording.data);
  return (
    <section className="call-section" aria-labelledby={`recording-${callId}`}>
      <h3 id={`recording-${callId}`} className="call-section-title">
        Recording
      </h3>
      {recording.isPending && <p className="muted">Loading the recording…</p>}
      {recording.isError && (
        <div className="field-error" role="alert">
          Could not load the recording: {errorMessage(recording.error)}{' '}
          <Button size="sm" variant="ghost" onClick={() => void recording.refetch()}>
            Try again
          </Button>
        </div>
      )}
      {src && <audio className="call-audio" controls preload="metadata" src={src} aria-label="Call recording" />}
    </section>
  );
}

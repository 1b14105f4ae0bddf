import type { CallLogAiView, CallLogView } from '@ringtonic/contracts';
import { toast } from 'sonner';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useWorkspace } from '@/features/workspace/api/get-workspace';
import { useRetryAiAnalysis } from '../api/retry-ai-analysis';
import '../call-logs.css';
import { AiStatusBadge, isAiInProgress } from './ai-status-badge';
import { AiSuggestion } from './ai-suggestion';

export interface AiAnalysisSectionProps {
  workspaceId: string;
  call: CallLogView;
  /** leads.qualify: accept the suggestion, retry a failed analysis. */
  canQualify: boolean;
}

const PROGRESS: Record<'pending' | 'transcribing' | 'analysing', string> = {
  pending: 'Waiting to transcribe the recording.',
  transcribing: 'Transcribing the recording…',
  analysing: 'Reading the transcript for a summary and suggestions…',
};

/** What the AI made of the recording: kept apart from what a person set until someone accepts it. */
export function AiAnalysisSection({ workspaceId, call, canQualify }: AiAnalysisSectionProps) {
  const ai = call.ai;
  if (!ai) return call.recordingUrl && canQualify ? <AnalyseNow workspaceId={workspaceId} callId={call.id} /> : null;
  const titleId = `ai-analysis-${call.id}`;
  return (
    <section className="call-section ai-analysis" aria-labelledby={titleId}>
      <div className="call-section-header">
        <h3 id={titleId} className="call-section-title">
          AI analysis
        </h3>
        <AiStatusBadge status={ai.status} />
        {ai.sandbox && (
          <Badge tone="warning" title="Produced by the Ring Tonic sandbox's deterministic analysis, not a real model">
            Sandbox output
          </Badge>
        )}
      </div>
      {ai.status !== 'done' && ai.status !== 'failed' && (
        <p className="muted">
          {PROGRESS[ai.status]} This updates by itself.
          {ai.error && ` The last attempt failed (${ai.error}); it is retried automatically.`}
        </p>
      )}
      {ai.status === 'failed' && <AiFailure workspaceId={workspaceId} callId={call.id} ai={ai} canRetry={canQualify} />}
      {ai.summary && (
        <div>
          <h4 className="call-subtitle">Summary</h4>
          <p className="ai-summary">{ai.summary}</p>
        </div>
      )}
      {ai.status === 'done' && <AiSuggestion workspaceId={workspaceId} call={call} ai={ai} canAccept={canQualify} />}
      {ai.transcript && <Transcript callId={call.id} text={ai.transcript} />}
      {!ai.transcript && !isAiInProgress(ai.status) && ai.status !== 'failed' && <p className="muted">No speech was found in the recording.</p>}
    </section>
  );
}

/** A recorded call with no analysis (recorded before AI was on): analyse it on request. */
function AnalyseNow({ workspaceId, callId }: { workspaceId: string; callId: string }) {
  const workspace = useWorkspace(workspaceId);
  const analyse = useRetryAiAnalysis(workspaceId, callId);
  if (!workspace.data?.ai.enabled || !workspace.data.ai.openaiApiKeySet) return null;
  const onAnalyse = () =>
    analyse.mutate(undefined, {
      onSuccess: () => toast.success('Analysis queued'),
      onError: (error) => toast.error('Could not start the analysis', { description: errorMessage(error) }),
    });
  return (
    <section className="call-section ai-analysis" aria-label="AI analysis">
      <p className="muted">This call was not analysed (it was recorded before AI analysis was on).</p>
      <div className="form-actions">
        <Button size="sm" variant="secondary" loading={analyse.isPending} onClick={onAnalyse}>
          Analyse with AI
        </Button>
      </div>
    </section>
  );
}

function AiFailure({ workspaceId, callId, ai, canRetry }: { workspaceId: string; callId: string; ai: CallLogAiView; canRetry: boolean }) {
  const retry = useRetryAiAnalysis(workspaceId, callId);
  const onRetry = () =>
    retry.mutate(undefined, {
      onSuccess: () => toast.success('Analysis queued again'),
      onError: (error) => toast.error('Could not retry the analysis', { description: errorMessage(error) }),
    });
  return (
    <Notice tone="warning" title="Analysis failed" role="alert">
      <p className="error-detail">{ai.error ?? 'The analysis stopped without a reason.'}</p>
      <p className="cell-sub">
        {ai.attempts} {ai.attempts === 1 ? 'attempt' : 'attempts'}
      </p>
      {canRetry && (
        <div className="form-actions">
          <Button size="sm" variant="secondary" loading={retry.isPending} onClick={onRetry}>
            Retry analysis
          </Button>
        </div>
      )}
    </Notice>
  );
}

function Transcript({ callId, text }: { callId: string; text: string }) {
  const titleId = `transcript-${callId}`;
  return (
    <section aria-labelledby={titleId}>
      <h4 id={titleId} className="call-subtitle">
        Transcript
      </h4>
      <p className="ai-transcript">{text}</p>
    </section>
  );
}

import type { AiConnectionTestResult } from '@ringtonic/contracts';
import { Notice } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';

export interface AiConnectionResultProps {
  result: AiConnectionTestResult | undefined;
  /** The test request itself failed (validation, permissions, network). */
  error: unknown;
}

/** "Connected", or the endpoint's own error word for word, so it can be looked up or reported. */
export function AiConnectionResult({ result, error }: AiConnectionResultProps) {
  if (error) {
    return (
      <Notice tone="warning" title="Connection test failed" role="alert">
        <p className="error-detail">{errorMessage(error)}</p>
      </Notice>
    );
  }
  if (!result) return null;
  if (!result.ok) {
    return (
      <Notice tone="warning" title="Connection failed" role="alert">
        <p className="error-detail">{result.error ?? 'The endpoint refused the request without saying why.'}</p>
        <p className="field-hint">
          {result.status === null ? `Could not reach ${result.baseUrl}.` : `HTTP ${result.status} from ${result.baseUrl}.`}
        </p>
      </Notice>
    );
  }
  return (
    <Notice tone={result.missingModels.length > 0 ? 'warning' : 'success'} title="Connected" role="status">
      <p>
        {result.baseUrl} accepted the key.
        {result.sandbox && ' This is the Ring Tonic sandbox: analyses are deterministic sample output, not a real model.'}
      </p>
      {result.missingModels.length > 0 && (
        <p>
          The endpoint does not list {result.missingModels.join(', ')}. Check the model names, or deploy them (Azure, Ollama).
        </p>
      )}
    </Notice>
  );
}

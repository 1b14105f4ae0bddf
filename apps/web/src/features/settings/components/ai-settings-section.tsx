import { SwitchController } from '@/components/ui/switch-controller';
import { DEFAULT_AI_BASE_URL, type WorkspaceView } from '@ringtonic/contracts';
import { useFormContext, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SecretField } from '@/components/ui/secret-field';
import { Notice } from '@/components/ui/status';
import { useTestAiConnection } from '../api/test-ai-connection';
import { AiConnectionResult } from './ai-connection-result';
import { aiTestRequest, type BasicSettingsValues, validateBaseUrl, validateKeyForBaseUrl } from './basic-settings-values';

const required = (what: string) => (value: string) => value.trim() !== '' || `${what} is required`;

/** The AI fields of the Basic settings form (inside its FormProvider), and trying them before saving. */
export function AiSettingsSection({ workspace, readOnly }: { workspace: WorkspaceView; readOnly: boolean }) {
  const {
    register,
    control,
    getValues,
    trigger,
    formState: { errors },
  } = useFormContext<BasicSettingsValues>();
  const [enabled, recordCalls] = useWatch({ control, name: ['aiEnabled', 'recordCalls'] });
  const test = useTestAiConnection(workspace.id);

  const onTest = async () => {
    if (!(await trigger(['aiBaseUrl', 'openaiApiKey', 'transcriptionModel', 'analysisModel']))) return;
    test.mutate(aiTestRequest(getValues()));
  };

  return (
    <>
      <h3 className="section-title">AI automation</h3>
      <p className="muted">
        Transcribes each recorded call, then suggests a summary, lead status, deal value and tags. Suggestions never
        replace what a person set until someone accepts them.
      </p>
      <SwitchController
        control={control}
        name="aiEnabled"
        id="ai-enabled"
        label="Enable AI analysis"
        description="Analyses calls recorded from now on."
        disabled={readOnly}
      />
      {enabled && !recordCalls && <Notice tone="warning">AI analysis works on recordings: turn on Record calls too.</Notice>}
      <SecretField
        label="OpenAI API key"
        error={errors.openaiApiKey?.message}
        isSet={workspace.ai.openaiApiKeySet}
        setHint="A key is saved. Leave empty to keep it, or type a new one to replace it."
        unsetHint="Stored encrypted; never shown again after saving."
        unsetPlaceholder="sk-…"
        {...register('openaiApiKey', { validate: validateKeyForBaseUrl(workspace) })}
      />
      <Field
        label="Base URL"
        error={errors.aiBaseUrl?.message}
        hint="Leave empty for OpenAI. Any OpenAI-compatible endpoint works: Azure OpenAI, Ollama, vLLM."
      >
        <Input autoComplete="off" spellCheck={false} placeholder={DEFAULT_AI_BASE_URL} {...register('aiBaseUrl', { validate: validateBaseUrl })} />
      </Field>
      <div className="form-row">
        <Field label="Transcription model" error={errors.transcriptionModel?.message} hint="Speech to text, e.g. whisper-1.">
          <Input autoComplete="off" spellCheck={false} {...register('transcriptionModel', { validate: required('Transcription model') })} />
        </Field>
        <Field label="Analysis model" error={errors.analysisModel?.message} hint="Chat model, e.g. gpt-4o-mini.">
          <Input autoComplete="off" spellCheck={false} {...register('analysisModel', { validate: required('Analysis model') })} />
        </Field>
      </div>
      {!readOnly && (
        <div className="form-actions">
          <Button variant="secondary" loading={test.isPending} onClick={() => void onTest()}>
            Test connection
          </Button>
        </div>
      )}
      <AiConnectionResult result={test.isPending ? undefined : test.data} error={test.isPending ? null : test.error} />
    </>
  );
}

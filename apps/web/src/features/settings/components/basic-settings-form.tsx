import { SwitchController } from '@/components/ui/switch-controller';
import type { WorkspaceView } from '@ringtonic/contracts';
import { Controller, FormProvider, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SecretField } from '@/components/ui/secret-field';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { useUpdateWorkspace } from '@/features/workspace';
import { AiSettingsSection } from './ai-settings-section';
import {
  ACCOUNT_SID_PATTERN,
  ANNOUNCEMENT_MAX_LENGTH,
  basicSettingsPatch,
  type BasicSettingsValues,
  SERVER_FIELDS,
  toValues,
} from './basic-settings-values';
import { countryOptions } from './countries';
import { splitFieldErrors } from './server-errors';

export function BasicSettingsForm({ workspace, readOnly }: { workspace: WorkspaceView; readOnly: boolean }) {
  const update = useUpdateWorkspace(workspace.id);
  const form = useForm<BasicSettingsValues>({ defaultValues: toValues(workspace) });
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = form;

  const onSubmit = handleSubmit((values) => {
    const patch = basicSettingsPatch(workspace, values);
    if (Object.keys(patch).length === 0) {
      toast.info('Nothing to update: no field was changed.');
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        toast.success('Workspace updated');
        reset(saved && 'twilio' in saved ? toValues(saved) : { ...values, authToken: '', openaiApiKey: '' });
      },
      onError: (error) => {
        const { fieldErrors, otherMessages } = splitFieldErrors(error, SERVER_FIELDS);
        for (const [field, message] of Object.entries(fieldErrors)) {
          setError(field as keyof BasicSettingsValues, { type: 'server', message });
        }
        toast.error(otherMessages.join('\n') || 'Some fields need attention.');
      },
    });
  });

  return (
    <FormProvider {...form}>
      <form className="form settings-form" onSubmit={onSubmit} noValidate aria-label="Basic settings">
        <fieldset disabled={readOnly} className="fieldset">
          <Field label="Workspace name" error={errors.name?.message}>
            <Input
              {...register('name', {
                required: 'Workspace name is required',
                validate: (value) => value.trim().length > 0 || 'Workspace name is required',
              })}
            />
          </Field>
          <div className="form-row">
            <Field
              label="Default country"
              error={errors.defaultCountry?.message}
              hint="Phone numbers typed without a country code are read as this country's."
            >
              <Controller
                control={control}
                name="defaultCountry"
                render={({ field }) => (
                  <Select
                    value={field.value}
                    onValueChange={field.onChange}
                    options={countryOptions(workspace.defaultCountry)}
                    disabled={readOnly}
                  />
                )}
              />
            </Field>
            <Field
              label="Ring timeout (seconds)"
              error={errors.ringTimeoutSeconds?.message}
              hint="How long incoming calls ring your agents: 5 to 120 seconds."
            >
              <Input
                type="number"
                inputMode="numeric"
                min={5}
                max={120}
                step={1}
                {...register('ringTimeoutSeconds', {
                  valueAsNumber: true,
                  validate: (value) =>
                    (Number.isInteger(value) && value >= 5 && value <= 120) ||
                    'Ring timeout must be a whole number from 5 to 120 seconds',
                })}
              />
            </Field>
          </div>
          <h3 className="section-title">Twilio</h3>
          <Field
            label="Twilio Account SID"
            error={errors.accountSid?.message}
            hint="Starts with AC. Find it on your Twilio Console dashboard."
          >
            <Input
              autoComplete="off"
              spellCheck={false}
              placeholder="AC…"
              {...register('accountSid', {
                validate: (value) =>
                  value.trim() === '' ||
                  ACCOUNT_SID_PATTERN.test(value.trim()) ||
                  'Account SID must start with AC followed by 32 hexadecimal characters',
              })}
            />
          </Field>
          <SecretField
            label="Twilio Auth Token"
            error={errors.authToken?.message}
            isSet={workspace.twilio.authTokenSet}
            setHint="A token is saved. Leave empty to keep it, or type a new one to replace it."
            unsetHint="Stored encrypted; never shown again after saving."
            unsetPlaceholder="Auth Token"
            {...register('authToken')}
          />

          <h3 className="section-title">Call recording</h3>
          <SwitchController
            control={control}
            name="recordCalls"
            id="record-calls"
            label="Record calls"
            description="Record every call for playback and AI analysis."
            disabled={readOnly}
          />
          <Field
            label="Consent announcement"
            error={errors.recordingAnnouncement?.message}
            hint="Said to callers before a recorded call connects, e.g. “This call may be recorded for quality and training.” Leave empty for none."
          >
            <Textarea
              maxLength={ANNOUNCEMENT_MAX_LENGTH}
              {...register('recordingAnnouncement', {
                maxLength: { value: ANNOUNCEMENT_MAX_LENGTH, message: `At most ${ANNOUNCEMENT_MAX_LENGTH} characters` },
              })}
            />
          </Field>

          <AiSettingsSection workspace={workspace} readOnly={readOnly} />
        </fieldset>
        {!readOnly && (
          <div className="form-actions">
            <Button type="submit" loading={update.isPending}>
              Update Workspace
            </Button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}

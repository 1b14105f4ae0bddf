import type { WorkspaceView } from '@ringtonic/contracts';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SecretField } from '@/components/ui/secret-field';
import { Select } from '@/components/ui/select';
import { Switch } from '@/components/ui/switch';
import { useUpdateWorkspace, type UpdateWorkspaceInput } from '@/features/workspace';
import { countryOptions } from './countries';
import { splitFieldErrors } from './server-errors';

export const ACCOUNT_SID_PATTERN = /^AC[0-9a-fA-F]{32}$/;

export interface BasicSettingsValues {
  name: string;
  defaultCountry: string;
  ringTimeoutSeconds: number;
  recordCalls: boolean;
  accountSid: string;
  authToken: string;
}

function toValues(workspace: WorkspaceView): BasicSettingsValues {
  return {
    name: workspace.name,
    defaultCountry: workspace.defaultCountry,
    ringTimeoutSeconds: workspace.ringTimeoutSeconds,
    recordCalls: workspace.recordCalls,
    accountSid: workspace.twilio.accountSid ?? '',
    authToken: '',
  };
}

/** Only what changed; an empty Account SID or Auth Token means "leave as is". */
export function basicSettingsPatch(workspace: WorkspaceView, values: BasicSettingsValues): UpdateWorkspaceInput {
  const patch: UpdateWorkspaceInput = {};
  const name = values.name.trim();
  if (name !== workspace.name) patch.name = name;
  if (values.defaultCountry !== workspace.defaultCountry) patch.defaultCountry = values.defaultCountry;
  if (values.ringTimeoutSeconds !== workspace.ringTimeoutSeconds) patch.ringTimeoutSeconds = values.ringTimeoutSeconds;
  if (values.recordCalls !== workspace.recordCalls) patch.recordCalls = values.recordCalls;
  const twilio: NonNullable<UpdateWorkspaceInput['twilio']> = {};
  const accountSid = values.accountSid.trim();
  if (accountSid && accountSid !== (workspace.twilio.accountSid ?? '')) twilio.accountSid = accountSid;
  if (values.authToken) twilio.authToken = values.authToken;
  if (Object.keys(twilio).length > 0) patch.twilio = twilio;
  return patch;
}

const SERVER_FIELDS: Record<string, keyof BasicSettingsValues> = {
  name: 'name',
  defaultCountry: 'defaultCountry',
  ringTimeoutSeconds: 'ringTimeoutSeconds',
  recordCalls: 'recordCalls',
  'twilio.accountSid': 'accountSid',
  'twilio.authToken': 'authToken',
};

export function BasicSettingsForm({ workspace, readOnly }: { workspace: WorkspaceView; readOnly: boolean }) {
  const update = useUpdateWorkspace(workspace.id);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<BasicSettingsValues>({ defaultValues: toValues(workspace) });

  const onSubmit = handleSubmit((values) => {
    const patch = basicSettingsPatch(workspace, values);
    if (Object.keys(patch).length === 0) {
      toast.info('Nothing to update: no field was changed.');
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        toast.success('Workspace updated');
        reset(saved && 'twilio' in saved ? toValues(saved) : { ...values, authToken: '' });
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
        <Field label="Record calls" hint="Record every call for playback and AI analysis.">
          <Controller
            control={control}
            name="recordCalls"
            render={({ field }) => (
              <Switch checked={field.value} onCheckedChange={field.onChange} disabled={readOnly} />
            )}
          />
        </Field>

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
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <Button type="submit" loading={update.isPending}>
            Update Workspace
          </Button>
        </div>
      )}
    </form>
  );
}

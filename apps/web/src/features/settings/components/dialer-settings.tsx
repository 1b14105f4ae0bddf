import { SwitchController } from '@/components/ui/switch-controller';
import type { WorkspaceView } from '@ringtonic/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { SecretField } from '@/components/ui/secret-field';
import { Notice } from '@/components/ui/status';
import { useUpdateWorkspace, type UpdateWorkspaceInput } from '@/features/workspace';
import { dialerHealthQueryKey } from '../api/get-dialer-health';
import { DialerSetupChecklist } from './dialer-setup-checklist';
import { DialerStatusBanner } from './dialer-status-banner';
import { splitFieldErrors } from './server-errors';

export const API_KEY_SID_PATTERN = /^SK[0-9a-fA-F]{32}$/;
export const API_KEY_SID_MESSAGE = 'API Key SID starts with "SK" followed by 32 hexadecimal characters';

export interface DialerSettingsValues {
  enabled: boolean;
  apiKeySid: string;
  apiKeySecret: string;
}

function toValues(workspace: WorkspaceView): DialerSettingsValues {
  return { enabled: workspace.dialer.enabled, apiKeySid: workspace.dialer.apiKeySid ?? '', apiKeySecret: '' };
}

/**
 * Only what changed; an empty SID or Secret means "leave as is". With nothing changed but the dialer
 * on, `enabled: true` is sent anyway: saving again is how provisioning is retried.
 */
export function dialerSettingsPatch(workspace: WorkspaceView, values: DialerSettingsValues): UpdateWorkspaceInput {
  const dialer: NonNullable<UpdateWorkspaceInput['dialer']> = {};
  if (values.enabled !== workspace.dialer.enabled) dialer.enabled = values.enabled;
  const apiKeySid = values.apiKeySid.trim();
  if (apiKeySid && apiKeySid !== (workspace.dialer.apiKeySid ?? '')) dialer.apiKeySid = apiKeySid;
  if (values.apiKeySecret) dialer.apiKeySecret = values.apiKeySecret;
  if (Object.keys(dialer).length === 0 && values.enabled) dialer.enabled = true;
  return Object.keys(dialer).length > 0 ? { dialer } : {};
}

const SERVER_FIELDS: Record<string, keyof DialerSettingsValues> = {
  'dialer.enabled': 'enabled',
  'dialer.apiKeySid': 'apiKeySid',
  'dialer.apiKeySecret': 'apiKeySecret',
};

export interface DialerSettingsProps {
  workspace: WorkspaceView;
  readOnly: boolean;
  /** Whether the Dialer tab is the one shown (the setup checklist is fetched only then). */
  active: boolean;
}

export function DialerSettings({ workspace, readOnly, active }: DialerSettingsProps) {
  const queryClient = useQueryClient();
  const update = useUpdateWorkspace(workspace.id);
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors },
  } = useForm<DialerSettingsValues>({ defaultValues: toValues(workspace) });

  const onSubmit = handleSubmit((values) => {
    const patch = dialerSettingsPatch(workspace, values);
    if (Object.keys(patch).length === 0) {
      toast.info('Nothing to update: no field was changed.');
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => {
        const isWorkspace = Boolean(saved) && typeof saved === 'object' && 'dialer' in saved;
        if (isWorkspace && saved.dialer.status === 'not_ready') {
          toast.warning('Workspace updated, but the dialer is not ready yet.');
        } else {
          toast.success('Workspace updated');
        }
        reset(isWorkspace ? toValues(saved) : { ...values, apiKeySecret: '' });
      },
      onError: (error) => {
        const { fieldErrors, otherMessages } = splitFieldErrors(error, SERVER_FIELDS);
        for (const [field, message] of Object.entries(fieldErrors)) {
          setError(field as keyof DialerSettingsValues, { type: 'server', message });
        }
        toast.error(otherMessages.join('\n') || 'Some fields need attention.');
      },
      // Provisioning may have changed what the checks see, whether or not the save succeeded.
      onSettled: () => queryClient.invalidateQueries({ queryKey: dialerHealthQueryKey(workspace.id) }),
    });
  });

  return (
    <div className="stack">
      <DialerStatusBanner dialer={workspace.dialer} />
      {workspace.plan !== 'agency' && (
        <Notice>The Browser Dialer is available on the Agency plan. The owner can switch plans in the Plan tab.</Notice>
      )}
      <form className="form settings-form" onSubmit={onSubmit} noValidate aria-label="Dialer settings">
        <fieldset disabled={readOnly} className="fieldset">
          <SwitchController
            control={control}
            name="enabled"
            id="dialer-enabled"
            label="Enable Dialer"
            description="Saving with the dialer enabled creates the TwiML Application in your Twilio account."
            disabled={readOnly}
          />
          <Field
            label="API Key SID"
            error={errors.apiKeySid?.message}
            hint='Starts with "SK". Create it in the Twilio Console under Account → API keys & tokens.'
          >
            <Input
              autoComplete="off"
              spellCheck={false}
              placeholder="SK…"
              {...register('apiKeySid', {
                validate: (value) => value.trim() === '' || API_KEY_SID_PATTERN.test(value.trim()) || API_KEY_SID_MESSAGE,
              })}
            />
          </Field>
          <SecretField
            label="API Key Secret"
            error={errors.apiKeySecret?.message}
            isSet={workspace.dialer.apiKeySecretSet}
            setHint="A secret is saved. Leave empty to keep it, or paste a new one to replace it."
            unsetHint="Twilio shows the secret only once: copy it when you create the key."
            unsetPlaceholder="API Key Secret"
            {...register('apiKeySecret')}
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
      <DialerSetupChecklist workspaceId={workspace.id} active={active} />
    </div>
  );
}

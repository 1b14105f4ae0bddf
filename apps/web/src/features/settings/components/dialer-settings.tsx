import type { DialerStatus, WorkspaceView } from '@ringtonic/contracts';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Notice } from '@/components/ui/status';
import { SwitchField } from '@/components/ui/switch';

const STATUS: Record<DialerStatus, { label: string; tone: BadgeTone }> = {
  ready: { label: 'Ready', tone: 'success' },
  not_ready: { label: 'Not ready', tone: 'warning' },
  disabled: { label: 'Disabled', tone: 'neutral' },
};

export function DialerSettings({ workspace }: { workspace: WorkspaceView }) {
  const { dialer } = workspace;
  const status = STATUS[dialer.status];
  return (
    <div className="form settings-form">
      <div className="row">
        <span className="label">Dialer status</span>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      {dialer.statusMessage && <Notice tone={dialer.status === 'not_ready' ? 'warning' : 'info'}>{dialer.statusMessage}</Notice>}
      {workspace.plan !== 'agency' && (
        <Notice>The Browser Dialer is available on the Agency plan. The owner can switch plans in the Plan tab.</Notice>
      )}
      <Notice>Dialer provisioning arrives with the Twilio integration. These settings are shown read-only for now.</Notice>
      <fieldset disabled className="fieldset">
        <SwitchField
          id="dialer-enabled"
          label="Enable Dialer"
          description="Saving with the dialer enabled creates the TwiML Application in your Twilio account."
          checked={dialer.enabled}
          onCheckedChange={() => undefined}
          disabled
        />
        <Field label="API Key SID" hint='Starts with "SK". Create it in the Twilio Console under API keys & tokens.'>
          <Input value={dialer.apiKeySid ?? ''} placeholder="SK…" readOnly disabled />
        </Field>
        <Field label="API Key Secret" hint="Twilio shows the secret only once: copy it when you create the key.">
          <Input
            type="password"
            value=""
            placeholder={dialer.apiKeySecretSet ? '•••••• (set)' : 'API Key Secret'}
            readOnly
            disabled
          />
        </Field>
      </fieldset>
    </div>
  );
}

import type { ApiKeyView, CreatedApiKey } from '@ringtonic/contracts';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ErrorState, LoadingState, Notice } from '@/components/ui/status';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { ApiRequestError, errorMessage } from '@/lib/api-error';
import { copyText } from '@/lib/clipboard';
import { formatDate, formatDateTime } from '@/lib/format';
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from '../api/api-keys';

const EXPIRY_OPTIONS = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
] as const;
type Expiry = (typeof EXPIRY_OPTIONS)[number]['value'];

const expiresAtFor = (expiry: Expiry): string | null =>
  expiry === 'never' ? null : new Date(Date.now() + Number(expiry) * 86400_000).toISOString();

function expiryLabel(key: ApiKeyView): string {
  if (!key.expiresAt) return 'Never';
  return new Date(key.expiresAt).getTime() <= Date.now() ? `Expired ${formatDate(key.expiresAt)}` : formatDate(key.expiresAt);
}

function NewApiKeyForm({ workspaceId, onCreated }: { workspaceId: string; onCreated: (key: CreatedApiKey) => void }) {
  const create = useCreateApiKey(workspaceId);
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState<Expiry>('never');
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Key name is required');
      return;
    }
    create.mutate(
      { name: trimmed, expiresAt: expiresAtFor(expiry) },
      {
        onSuccess: (key) => {
          onCreated(key);
          setName('');
          setExpiry('never');
          setError(undefined);
        },
        onError: (cause) => {
          if (cause instanceof ApiRequestError && cause.status === 400) setError(errorMessage(cause));
          else toast.error(errorMessage(cause));
        },
      },
    );
  };

  return (
    <form className="inline-form" onSubmit={onSubmit} noValidate aria-label="Create an API key">
      <Field label="Key name" error={error}>
        <Input
          autoComplete="off"
          maxLength={80}
          placeholder="e.g. Zapier integration"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setError(undefined);
          }}
        />
      </Field>
      <Field label="Expires">
        <Select value={expiry} onValueChange={setExpiry} options={EXPIRY_OPTIONS} />
      </Field>
      <Button type="submit" loading={create.isPending}>
        Create key
      </Button>
    </form>
  );
}

/** Workspace API keys for integrators: create (shown once), see expiry and last use, revoke. */
export function ApiKeysSettings({ workspaceId }: { workspaceId: string }) {
  const keys = useApiKeys(workspaceId);
  const revoke = useRevokeApiKey(workspaceId);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiKeyView | null>(null);
  const items = keys.data?.items ?? [];

  const copy = async (key: string) => {
    try {
      await copyText(key);
      toast.success('API key copied');
    } catch (error) {
      toast.error(errorMessage(error, 'Could not copy the key.'));
    }
  };

  const onConfirmRevoke = () => {
    if (!toRevoke) return;
    const { id, name } = toRevoke;
    revoke.mutate(id, {
      onSuccess: () => {
        toast.success(`API key ${name} revoked`);
        if (created?.id === id) setCreated(null);
      },
      onError: (error) => toast.error(errorMessage(error)),
      onSettled: () => setToRevoke(null),
    });
  };

  return (
    <div className="stack">
      <p className="muted">
        Integrations authenticate with <code>Authorization: Bearer rt_…</code> and act as an admin of this workspace. A key
        cannot manage API keys, members or invitations, or change the Twilio, dialer or AI credentials.
      </p>
      <NewApiKeyForm workspaceId={workspaceId} onCreated={setCreated} />
      {created && (
        <Notice tone="success" title={`API key ${created.name} created`} role="status">
          <p>Copy it now: it is shown only once.</p>
          <div className="inline-form">
            <Field label="Your new API key">
              <Input readOnly value={created.key} onFocus={(event) => event.currentTarget.select()} />
            </Field>
            <Button variant="secondary" onClick={() => void copy(created.key)}>
              Copy key
            </Button>
          </div>
        </Notice>
      )}
      {keys.isPending && <LoadingState label="Loading API keys…" />}
      {keys.isError && <ErrorState title="Could not load API keys">{errorMessage(keys.error)}</ErrorState>}
      {keys.isSuccess && items.length === 0 && <p className="muted">No API keys yet.</p>}
      {items.length > 0 && (
        <Table aria-label="API keys">
          <TableHead>
            <TableRow>
              <TableHeader>Name</TableHeader>
              <TableHeader>Key</TableHeader>
              <TableHeader>Created</TableHeader>
              <TableHeader>Last used</TableHeader>
              <TableHeader>Expires</TableHeader>
              <TableHeader>
                <span className="visually-hidden">Actions</span>
              </TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((key) => (
              <TableRow key={key.id}>
                <TableCell className="cell-strong">{key.name}</TableCell>
                <TableCell>
                  <code>{key.prefix}…</code>
                </TableCell>
                <TableCell>{formatDate(key.createdAt)}</TableCell>
                <TableCell>{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never used'}</TableCell>
                <TableCell>{expiryLabel(key)}</TableCell>
                <TableCell className="cell-actions">
                  <Button variant="ghost" aria-label={`Revoke ${key.name}`} onClick={() => setToRevoke(key)}>
                    Revoke
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ConfirmDialog
        open={toRevoke !== null}
        onOpenChange={(open) => {
          if (!open) setToRevoke(null);
        }}
        title={`Revoke ${toRevoke?.name ?? 'API key'}?`}
        description="Integrations using it stop working at once. This cannot be undone."
        confirmLabel="Revoke"
        pending={revoke.isPending}
        onConfirm={onConfirmRevoke}
      />
    </div>
  );
}

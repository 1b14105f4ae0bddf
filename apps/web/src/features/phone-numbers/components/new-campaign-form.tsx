import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ApiRequestError, errorMessage } from '@/lib/api-error';
import { useCreateCampaign } from '../api/create-campaign';

export function NewCampaignForm({ workspaceId }: { workspaceId: string }) {
  const create = useCreateCampaign(workspaceId);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Campaign name is required');
      return;
    }
    create.mutate(trimmed, {
      onSuccess: (campaign) => {
        toast.success(`Campaign ${campaign?.name ?? trimmed} added`);
        setName('');
        setError(undefined);
      },
      onError: (cause) => {
        // A duplicate name or a validation message belongs beside the field; anything else is a toast.
        if (cause instanceof ApiRequestError && (cause.code === 'CAMPAIGN_EXISTS' || cause.status === 400)) {
          setError(errorMessage(cause));
        } else {
          toast.error(errorMessage(cause));
        }
      },
    });
  };

  return (
    <form className="inline-form new-campaign-form" onSubmit={onSubmit} noValidate aria-label="New campaign">
      <Field label="Campaign name" error={error}>
        <Input
          autoComplete="off"
          maxLength={120}
          placeholder="e.g. Spring mailer"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            setError(undefined);
          }}
        />
      </Field>
      <Button type="submit" loading={create.isPending}>
        Add campaign
      </Button>
    </form>
  );
}

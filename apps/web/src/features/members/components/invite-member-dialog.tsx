import type { Role } from '@ringtonic/contracts';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { errorMessage } from '@/lib/api-error';
import { absoluteUrl, copyText } from '@/lib/clipboard';
import { useCreateInvitation } from '../api/create-invitation';
import { INVITE_ROLE_OPTIONS, ROLE_HINTS } from './roles';

interface InviteForm {
  email: string;
  role: Role;
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function InviteMemberDialog({ workspaceId }: { workspaceId: string }) {
  const [open, setOpen] = useState(false);
  const createInvitation = useCreateInvitation(workspaceId);
  const {
    register,
    control,
    handleSubmit,
    reset,
    watch,
    formState: { errors },
  } = useForm<InviteForm>({ defaultValues: { email: '', role: 'agent' } });

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) reset();
  };

  const onSubmit = handleSubmit((values) => {
    createInvitation.mutate(
      { email: values.email.trim(), role: values.role },
      {
        onSuccess: (invitation) => {
          const acceptUrl = invitation.acceptUrl;
          if (invitation.delivery === 'email') {
            toast.success(`Invitation sent to ${invitation.email}`);
          } else {
            toast.success(`Invitation created for ${invitation.email}`, {
              description: 'Email delivery is not configured: share the invitation link yourself.',
              action: acceptUrl
                ? { label: 'Copy link', onClick: () => void copyText(absoluteUrl(acceptUrl)) }
                : undefined,
            });
          }
          onOpenChange(false);
        },
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  });

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Invite Member"
      description="They receive a link to join this workspace with the role you choose."
      trigger={
        <Button>
          <UserPlus size={16} aria-hidden="true" />
          Invite Member
        </Button>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label="Email" error={errors.email?.message}>
          <Input
            type="email"
            autoComplete="off"
            autoFocus
            {...register('email', {
              required: 'Email is required',
              pattern: { value: EMAIL_PATTERN, message: 'Enter a valid email address' },
            })}
          />
        </Field>
        <Field label="Role" hint={ROLE_HINTS[watch('role')]}>
          <Controller
            control={control}
            name="role"
            render={({ field }) => (
              <Select value={field.value} onValueChange={field.onChange} options={INVITE_ROLE_OPTIONS} />
            )}
          />
        </Field>
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={createInvitation.isPending}>
            Send Invitation
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

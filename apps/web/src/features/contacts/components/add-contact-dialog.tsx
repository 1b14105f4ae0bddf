import type { LeadStatus } from '@ringtonic/contracts';
import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { ApiRequestError, errorMessage } from '@/lib/api-error';
import { parseMoneyToCents } from '@/lib/crm-format';
import { useCreateContact } from '../api/create-contact';
import { LEAD_STATUS_OPTIONS } from './lead-status';

interface AddContactForm {
  phone: string;
  name: string;
  email: string;
  company: string;
  notes: string;
  leadStatus: LeadStatus;
  dealValue: string;
}

const EMPTY: AddContactForm = { phone: '', name: '', email: '', company: '', notes: '', leadStatus: 'new', dealValue: '' };

export function AddContactDialog({ workspaceId, onOpenContact }: { workspaceId: string; onOpenContact: (id: string) => void }) {
  const [open, setOpen] = useState(false);
  const create = useCreateContact(workspaceId);
  const { register, control, handleSubmit, reset, setError, formState: { errors } } = useForm<AddContactForm>({ defaultValues: EMPTY });
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) reset(EMPTY);
  };

  const onSubmit = handleSubmit((v) => {
    const cents = parseMoneyToCents(v.dealValue);
    if (Number.isNaN(cents)) return setError('dealValue', { message: 'Enter an amount such as 1250 or 1250.50' });
    create.mutate(
      { phone: v.phone, name: v.name || undefined, email: v.email || undefined, company: v.company || undefined, notes: v.notes || undefined, leadStatus: v.leadStatus, dealValueCents: cents ?? undefined },
      {
        onSuccess: (contact) => {
          toast.success(`${contact.name ?? contact.phoneFormatted} was added`);
          onOpenChange(false);
        },
        onError: (error) => {
          if (error instanceof ApiRequestError && error.code === 'CONTACT_EXISTS') {
            const existing = (error.body as { existingContactId?: string } | null)?.existingContactId;
            setError('phone', { message: 'A contact with this phone number already exists.' });
            if (existing) toast.info('This phone number belongs to a contact', { action: { label: 'Open contact', onClick: () => { onOpenChange(false); onOpenContact(existing); } } });
          } else if (error instanceof ApiRequestError && error.code === 'INVALID_PHONE') {
            setError('phone', { message: errorMessage(error) });
          } else toast.error(errorMessage(error));
        },
      },
    );
  });

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Add Contact"
      description="Only the phone number is required; any common format works."
      trigger={
        <Button>
          <UserPlus size={16} aria-hidden="true" />
          Add Contact
        </Button>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label="Phone" error={errors.phone?.message}>
          <Input type="tel" autoFocus autoComplete="off" placeholder="(212) 555-1234" {...register('phone', { required: 'Phone is required' })} />
        </Field>
        <Field label="Name">
          <Input autoComplete="off" {...register('name')} />
        </Field>
        <Field label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="off" {...register('email', { pattern: { value: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: 'Enter a valid email address' } })} />
        </Field>
        <Field label="Company">
          <Input autoComplete="off" {...register('company')} />
        </Field>
        <Field label="Lead status">
          <Controller control={control} name="leadStatus" render={({ field }) => <Select value={field.value} onValueChange={field.onChange} options={LEAD_STATUS_OPTIONS} />} />
        </Field>
        <Field label="Deal value" error={errors.dealValue?.message} hint="In dollars, e.g. 5000">
          <Input inputMode="decimal" autoComplete="off" {...register('dealValue')} />
        </Field>
        <Field label="Notes">
          <textarea className="input" rows={3} {...register('notes')} />
        </Field>
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

import { Plus } from 'lucide-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogFooter } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { errorMessage } from '@/lib/api-error';
import { useCreateWorkspace, type CreateWorkspaceInput } from '../api/create-workspace';

export function NewWorkspaceDialog() {
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const createWorkspace = useCreateWorkspace();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<CreateWorkspaceInput>({ defaultValues: { name: '' } });

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) reset();
  };

  const onSubmit = handleSubmit((values) => {
    createWorkspace.mutate(
      { name: values.name.trim() },
      {
        onSuccess: (workspace) => {
          toast.success(`Workspace "${workspace.name}" created`);
          onOpenChange(false);
          void navigate(`/w/${workspace.id}/dashboard`);
        },
        onError: (error) => toast.error(errorMessage(error)),
      },
    );
  });

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="New workspace"
      description="A workspace has its own members, Twilio account, phone numbers and contacts. You will be its owner."
      trigger={
        <Button variant="secondary" size="sm">
          <Plus size={16} aria-hidden="true" />
          New workspace
        </Button>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <Field label="Workspace name" error={errors.name?.message}>
          <Input
            autoFocus
            {...register('name', {
              required: 'Workspace name is required',
              validate: (value) => value.trim().length > 0 || 'Workspace name is required',
            })}
          />
        </Field>
        <DialogFooter>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" loading={createWorkspace.isPending}>
            Create workspace
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

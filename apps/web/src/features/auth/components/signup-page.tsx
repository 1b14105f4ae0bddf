import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ErrorState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useSignup, type SignupInput } from '../api/signup';
import { AuthLayout } from './auth-layout';
import { emailRules, nameRules, passwordRules } from './validation';

export function SignupPage() {
  const navigate = useNavigate();
  const signup = useSignup();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SignupInput>({ defaultValues: { name: '', email: '', password: '', workspaceName: '' } });

  const onSubmit = handleSubmit((values) => {
    signup.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        workspaceName: values.workspaceName.trim(),
      },
      {
        onSuccess: (response) =>
          void navigate(`/w/${response.workspace.id}/dashboard`, { replace: true }),
      },
    );
  });

  return (
    <AuthLayout title="Create your account" subtitle="Start with a workspace for your team. You can invite people later.">
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Create account">
        {signup.isError && <ErrorState title="Could not create the account">{errorMessage(signup.error)}</ErrorState>}
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="name" autoFocus {...register('name', nameRules)} />
        </Field>
        <Field label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" {...register('email', emailRules)} />
        </Field>
        <Field label="Password" error={errors.password?.message} hint="At least 8 characters.">
          <Input type="password" autoComplete="new-password" {...register('password', passwordRules)} />
        </Field>
        <Field label="Workspace name" error={errors.workspaceName?.message}>
          <Input
            autoComplete="organization"
            {...register('workspaceName', {
              required: 'Workspace name is required',
              validate: (value) => value.trim().length > 0 || 'Workspace name is required',
            })}
          />
        </Field>
        <Button type="submit" loading={signup.isPending} className="btn-block">
          Create account
        </Button>
      </form>
      <p className="auth-footer">
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </AuthLayout>
  );
}

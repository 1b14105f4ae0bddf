import { useForm } from 'react-hook-form';
import { Link, useLocation, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ErrorState } from '@/components/ui/status';
import { errorMessage } from '@/lib/api-error';
import { useLogin, type LoginInput } from '../api/login';
import { AuthLayout } from './auth-layout';
import { emailRules, passwordRules } from './validation';

interface RedirectState {
  from?: string;
}

function redirectTarget(state: unknown): string {
  const from = (state as RedirectState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<LoginInput>({ defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit((values) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: () => void navigate(redirectTarget(location.state), { replace: true }) },
    );
  });

  return (
    <AuthLayout title="Log in" subtitle="Welcome back. Log in to your workspace.">
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Log in">
        {login.isError && <ErrorState title="Could not log in">{errorMessage(login.error)}</ErrorState>}
        <Field label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" autoFocus {...register('email', emailRules)} />
        </Field>
        <Field label="Password" error={errors.password?.message}>
          <Input type="password" autoComplete="current-password" {...register('password', passwordRules)} />
        </Field>
        <Button type="submit" loading={login.isPending} className="btn-block">
          Log in
        </Button>
      </form>
      <p className="auth-footer">
        New to Ring Tonic? <Link to="/signup">Create an account</Link>
      </p>
    </AuthLayout>
  );
}

import type { InvitationPreview } from '@ringtonic/contracts';
import { useForm } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { ErrorState, LoadingState } from '@/components/ui/status';
import { ApiRequestError, errorMessage } from '@/lib/api-error';
import { formatDateTime, ROLE_LABELS } from '@/lib/format';
import { useAcceptInvitation, useInvitationPreview } from '../api/invitations';
import { AuthLayout } from './auth-layout';
import { nameRules, passwordRules } from './validation';

const INVITATION_PROBLEMS: Partial<Record<string, { title: string; text: string }>> = {
  INVITATION_EXPIRED: {
    title: 'This invitation has expired',
    text: 'Ask a workspace admin to send you a new invitation.',
  },
  INVITATION_REVOKED: {
    title: 'This invitation was revoked',
    text: 'It can no longer be used. Ask a workspace admin if you still need access.',
  },
  INVITATION_USED: {
    title: 'This invitation has already been used',
    text: 'If you accepted it, log in to reach the workspace.',
  },
  NOT_FOUND: {
    title: 'This invitation link is not valid',
    text: 'Check that you copied the whole link, or ask for a new invitation.',
  },
};

function InvitationProblem({ error }: { error: unknown }) {
  const code = error instanceof ApiRequestError ? error.code : undefined;
  const known = code ? INVITATION_PROBLEMS[code] : undefined;
  return (
    <ErrorState title={known?.title ?? 'This invitation cannot be used'}>
      <p>{known?.text ?? errorMessage(error)}</p>
      <p>
        <Link to="/login">Go to log in</Link>
      </p>
    </ErrorState>
  );
}

interface AcceptForm {
  name: string;
  password: string;
}

function AcceptForm({ token, preview }: { token: string; preview: InvitationPreview }) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<AcceptForm>({ defaultValues: { name: '', password: '' } });

  const onSubmit = handleSubmit((values) => {
    const body = preview.userExists
      ? { token, password: values.password }
      : { token, name: values.name.trim(), password: values.password };
    accept.mutate(body, {
      onSuccess: (response) => void navigate(`/w/${response.workspaceId}/dashboard`, { replace: true }),
    });
  });

  const problem =
    accept.error instanceof ApiRequestError && INVITATION_PROBLEMS[accept.error.code] && accept.error.code !== 'NOT_FOUND';

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Accept invitation">
      {accept.isError &&
        (problem ? (
          <InvitationProblem error={accept.error} />
        ) : (
          <ErrorState title="Could not accept the invitation">{errorMessage(accept.error)}</ErrorState>
        ))}
      <Field label="Email">
        <Input type="email" value={preview.email} readOnly />
      </Field>
      {!preview.userExists && (
        <Field label="Name" error={errors.name?.message}>
          <Input autoComplete="name" autoFocus {...register('name', nameRules)} />
        </Field>
      )}
      <Field
        label="Password"
        error={errors.password?.message}
        hint={preview.userExists ? 'You already have an account: enter its password.' : 'At least 8 characters.'}
      >
        <Input
          type="password"
          autoComplete={preview.userExists ? 'current-password' : 'new-password'}
          autoFocus={preview.userExists}
          {...register('password', passwordRules)}
        />
      </Field>
      <Button type="submit" loading={accept.isPending} className="btn-block">
        Accept invitation
      </Button>
    </form>
  );
}

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);

  if (preview.isPending) {
    return (
      <AuthLayout title="Join workspace">
        <LoadingState label="Checking your invitation…" />
      </AuthLayout>
    );
  }
  if (preview.isError) {
    return (
      <AuthLayout title="Join workspace">
        <InvitationProblem error={preview.error} />
      </AuthLayout>
    );
  }
  const invitation = preview.data;
  return (
    <AuthLayout
      title={`Join ${invitation.workspaceName}`}
      subtitle={
        <>
          You were invited as <Badge tone="info">{ROLE_LABELS[invitation.role]}</Badge>. The invitation expires{' '}
          {formatDateTime(invitation.expiresAt)}.
        </>
      }
    >
      <AcceptForm token={token} preview={invitation} />
    </AuthLayout>
  );
}

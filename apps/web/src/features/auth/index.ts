// The auth feature's public surface, composed by src/app.
export { AcceptInvitationPage } from './components/accept-invitation-page';
export { LoginPage } from './components/login-page';
export { RequireAuth } from './components/require-auth';
export { SignupPage } from './components/signup-page';
export { UserMenu } from './components/user-menu';
export { useAuthStore } from './stores/auth-store';

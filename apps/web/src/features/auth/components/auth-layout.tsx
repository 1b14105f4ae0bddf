import { PhoneCall } from 'lucide-react';
import type { ReactNode } from 'react';

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <main className="auth-layout">
      <div className="auth-panel">
        <div className="brand auth-brand">
          <PhoneCall size={22} aria-hidden="true" />
          <span>Ring Tonic</span>
        </div>
        <h1 className="auth-title">{title}</h1>
        {subtitle && <p className="auth-subtitle">{subtitle}</p>}
        {children}
      </div>
    </main>
  );
}

import type { ReactNode } from 'react';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading-state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

export function ErrorState({ title = 'Something went wrong', children }: { title?: string; children?: ReactNode }) {
  return (
    <div className="error-state" role="alert">
      <p className="error-state-title">{title}</p>
      {children && <div>{children}</div>}
    </div>
  );
}

export function Notice({ tone = 'info', children }: { tone?: 'info' | 'warning'; children: ReactNode }) {
  return <div className={`notice notice-${tone}`}>{children}</div>;
}

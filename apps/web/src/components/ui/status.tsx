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

export type NoticeTone = 'info' | 'success' | 'warning';

export interface NoticeProps {
  tone?: NoticeTone;
  title?: string;
  /** 'status' when the notice changes in response to an action and should be announced. */
  role?: 'status' | 'alert';
  children: ReactNode;
}

export function Notice({ tone = 'info', title, role, children }: NoticeProps) {
  return (
    <div className={`notice notice-${tone}`} role={role}>
      {title && <p className="notice-title">{title}</p>}
      {children}
    </div>
  );
}

import clsx from 'clsx';
import type { ComponentProps } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', className, ...props }: ComponentProps<'span'> & { tone?: BadgeTone }) {
  return <span className={clsx('badge', `badge-${tone}`, className)} {...props} />;
}

import clsx from 'clsx';
import type { ComponentProps } from 'react';
import { useFieldControl } from './field';

export function Textarea({ className, id, rows = 3, ...props }: ComponentProps<'textarea'>) {
  const field = useFieldControl();
  return (
    <textarea
      id={id ?? field?.id}
      rows={rows}
      aria-invalid={field?.invalid || undefined}
      aria-describedby={field?.describedBy}
      className={clsx('input', 'textarea', className)}
      {...props}
    />
  );
}

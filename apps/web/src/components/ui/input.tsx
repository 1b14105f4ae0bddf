import clsx from 'clsx';
import type { ComponentProps } from 'react';
import { useFieldControl } from './field';

export function Input({ className, id, ...props }: ComponentProps<'input'>) {
  const field = useFieldControl();
  return (
    <input
      id={id ?? field?.id}
      aria-invalid={field?.invalid || undefined}
      aria-describedby={field?.describedBy}
      className={clsx('input', className)}
      {...props}
    />
  );
}

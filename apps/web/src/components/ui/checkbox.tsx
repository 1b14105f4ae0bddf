import clsx from 'clsx';
import { Check, Minus } from 'lucide-react';
import { Checkbox as CheckboxPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';

export function Checkbox({ className, ...props }: ComponentProps<typeof CheckboxPrimitive.Root>) {
  return (
    <CheckboxPrimitive.Root className={clsx('checkbox', className)} {...props}>
      <CheckboxPrimitive.Indicator className="checkbox-indicator">
        {props.checked === 'indeterminate' ? (
          <Minus size={14} aria-hidden="true" />
        ) : (
          <Check size={14} aria-hidden="true" />
        )}
      </CheckboxPrimitive.Indicator>
    </CheckboxPrimitive.Root>
  );
}

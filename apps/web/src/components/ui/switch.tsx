import clsx from 'clsx';
import { Switch as SwitchPrimitive } from 'radix-ui';
import type { ComponentProps } from 'react';
import { useFieldControl } from './field';

export function Switch({ className, id, ...props }: ComponentProps<typeof SwitchPrimitive.Root>) {
  const field = useFieldControl();
  return (
    <SwitchPrimitive.Root
      id={id ?? field?.id}
      aria-describedby={field?.describedBy}
      className={clsx('switch', className)}
      {...props}
    >
      <SwitchPrimitive.Thumb className="switch-thumb" />
    </SwitchPrimitive.Root>
  );
}

export interface SwitchFieldProps {
  id: string;
  label: string;
  description?: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** A switch with its label beside it, the common settings row. */
export function SwitchField({ id, label, description, checked, onCheckedChange, disabled }: SwitchFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  return (
    <div className="switch-field">
      <div>
        <label htmlFor={id} className="label">
          {label}
        </label>
        {description && (
          <p id={descriptionId} className="field-hint">
            {description}
          </p>
        )}
      </div>
      <Switch
        id={id}
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-describedby={descriptionId}
      />
    </div>
  );
}

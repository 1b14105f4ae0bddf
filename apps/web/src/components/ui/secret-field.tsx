import type { ComponentProps } from 'react';
import { Field } from './field';
import { Input } from './input';

export interface SecretFieldProps extends Omit<ComponentProps<'input'>, 'type' | 'placeholder'> {
  label: string;
  error?: string;
  /** Whether a value is already stored (the API never returns it). */
  isSet: boolean;
  setHint: string;
  unsetHint: string;
  unsetPlaceholder: string;
}

/** A write-only secret: empty keeps the stored value, typing replaces it. */
export function SecretField({ label, error, isSet, setHint, unsetHint, unsetPlaceholder, ...input }: SecretFieldProps) {
  return (
    <Field label={label} error={error} hint={isSet ? setHint : unsetHint}>
      <Input type="password" autoComplete="new-password" placeholder={isSet ? '•••••• (set)' : unsetPlaceholder} {...input} />
    </Field>
  );
}

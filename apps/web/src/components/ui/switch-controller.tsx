import { type Control, Controller, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { SwitchField } from './switch';

export interface SwitchControllerProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPathByValue<T, boolean>;
  id: string;
  label: string;
  description?: string;
  disabled?: boolean;
}

/** A SwitchField bound to a boolean field of a react-hook-form form. */
export function SwitchController<T extends FieldValues>({ control, name, ...field }: SwitchControllerProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: { value, onChange } }) => <SwitchField {...field} checked={Boolean(value)} onCheckedChange={onChange} />}
    />
  );
}

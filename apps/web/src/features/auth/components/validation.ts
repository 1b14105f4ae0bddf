import type { RegisterOptions } from 'react-hook-form';

// Loose on purpose: the API is the authority, this only catches typos early.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailRules = {
  required: 'Email is required',
  pattern: { value: EMAIL_PATTERN, message: 'Enter a valid email address' },
} satisfies RegisterOptions;

export const passwordRules = {
  required: 'Password is required',
  minLength: { value: 8, message: 'Password must be at least 8 characters' },
} satisfies RegisterOptions;

export const nameRules = {
  required: 'Name is required',
  validate: (value: string) => value.trim().length > 0 || 'Name is required',
} satisfies RegisterOptions;

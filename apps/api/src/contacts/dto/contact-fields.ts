import { Transform } from 'class-transformer';

/** Trims text and turns an empty string into null (a cleared field). */
export const TrimToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const t = value.trim();
    return t === '' ? null : t;
  });

/** Trims each tag, drops empties and duplicates. */
export const CleanTags = () =>
  Transform(({ value }) =>
    Array.isArray(value) ? [...new Set(value.map((t) => (typeof t === 'string' ? t.trim() : t)).filter((t) => t !== ''))] : value,
  );

export const MAX_DEAL_VALUE_CENTS = 1_000_000_000_000;

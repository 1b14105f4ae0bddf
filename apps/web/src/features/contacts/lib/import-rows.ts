import { csvLine, type ImportRejection, type ImportRow } from '@ringtonic/contracts';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * The phone as the API will store it (apps/api/src/common/phone.ts: the same library, read in the
 * workspace's country, valid numbers only), or null when the API will reject it anyway.
 */
export function importPhoneKey(raw: string | undefined, country: string): string | null {
  const text = raw?.trim();
  if (!text) return null;
  const parsed = parsePhoneNumberFromString(text, country as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * The SPA sends an import in chunks, and the API only sees one chunk: a phone repeated across
 * chunks is caught here, over the whole file, so the dry run and the import both report the later
 * rows as "Same phone as row N" (the first occurrence is the one imported).
 */
export function dedupeByPhone(rows: ImportRow[], country: string): { unique: ImportRow[]; duplicates: ImportRejection[] } {
  const first = new Map<string, number>();
  const unique: ImportRow[] = [];
  const duplicates: ImportRejection[] = [];
  for (const row of rows) {
    const key = importPhoneKey(row.phone, country);
    const earlier = key === null ? undefined : first.get(key);
    if (earlier !== undefined) {
      duplicates.push({ row: row.row, reason: `Same phone as row ${earlier}` });
      continue;
    }
    if (key !== null) first.set(key, row.row);
    unique.push(row);
  }
  return { unique, duplicates };
}

/**
 * The rejected rows as a CSV to fix and import again: the file's own columns, then why each row was
 * rejected. `rows[i]` is file line i + 2 (line 1 is the header), as in ImportRow.row.
 */
export function rejectedRowsCsv(headers: string[], rows: string[][], rejected: ImportRejection[]): string {
  const reasons = new Map<number, string[]>();
  for (const r of rejected) reasons.set(r.row, [...(reasons.get(r.row) ?? []), r.reason]);
  const lines = [csvLine([...headers, 'Rejected because'])];
  for (const [row, why] of [...reasons].sort(([a], [b]) => a - b)) {
    const fields = rows[row - 2] ?? [];
    lines.push(csvLine([...headers.map((_, i) => fields[i] ?? ''), why.join('; ')]));
  }
  return lines.join('\r\n') + '\r\n';
}

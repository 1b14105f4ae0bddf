/** RFC 4180 CSV, shared by the API's export and the SPA's import so both read the same dialect. */

/**
 * A cell that is wholly a number or a phone (+14155550100, +1 212-555-1000, (212) 555-0100, -12.5):
 * digits with spaces, dots, dashes and parentheses, one leading sign, no letters and no other operator,
 * so it can call no function.
 */
const PLAIN_NUMBER = /^[+-]?[\d\s().-]*\d[\d\s().-]*$/;

export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return values
    .map((v) => {
      const s = v === null || v === undefined ? '' : String(v);
      // A leading = + - @ tab or CR can run as a formula in spreadsheets (+1+HYPERLINK(…), -2+3+cmd|…):
      // prefix it with a quote, unless the whole cell is a plain number or phone.
      const safe = /^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
      return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}

/** Parses CSV text into rows of fields (quoted fields, doubled quotes, CRLF or LF, a BOM). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Column titles of the contacts export, also recognised by the import's automatic mapping. */
export const CONTACT_CSV_HEADERS = [
  'Phone',
  'Name',
  'Email',
  'Company',
  'Notes',
  'Lead status',
  'Deal value',
  'Tags',
  'Next follow-up',
  'Source',
  'Calls',
  'Last contact',
  'Created',
] as const;

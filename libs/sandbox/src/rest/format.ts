import { HttpError } from '../http/router.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

// RFC 2822 as Twilio writes it in API 2010-04-01: "Thu, 30 Jul 2015 23:19:04 +0000".
export function rfc2822(date: Date | null | undefined): string | null {
  if (!date) return null;
  return (
    `${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

// Twilio's REST error body: {code, message, more_info, status}.
export function twilioError(status: number, code: number, message: string): HttpError {
  return new HttpError(status, message, {
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
}

export const notFound = (path: string) =>
  twilioError(404, 20404, `The requested resource ${path} was not found`);

export function bool(value: string | null, fallback: boolean): boolean {
  if (value === null || value === '') return fallback;
  return value.toLowerCase() === 'true';
}

export interface PageRequest {
  pageSize: number;
  page: number;
  pageToken: string | null;
}

export function pageRequest(query: URLSearchParams): PageRequest {
  const size = Number(query.get('PageSize') ?? 50);
  const page = Number(query.get('Page') ?? 0);
  if (!Number.isInteger(size) || size < 1 || size > 1000) {
    throw twilioError(400, 20001, 'PageSize must be an integer between 1 and 1000');
  }
  return { pageSize: size, page: Number.isInteger(page) && page >= 0 ? page : 0, pageToken: query.get('PageToken') };
}

// A v2010 list page (§1.2): the records under `key` plus the paging metadata, with page URIs
// that keep the filters so the twilio library can follow next_page_uri.
export function listPage<T extends { sid: string }>(
  path: string,
  key: string,
  items: T[],
  query: URLSearchParams,
  render: (item: T) => unknown,
  filters: Record<string, string | null> = {},
): Record<string, unknown> {
  const { pageSize, page, pageToken } = pageRequest(query);
  let start = page * pageSize;
  if (pageToken?.startsWith('PA')) {
    const idx = items.findIndex((item) => item.sid === pageToken.slice(2));
    if (idx >= 0) start = idx + 1;
  } else if (pageToken?.startsWith('PB')) {
    const idx = items.findIndex((item) => item.sid === pageToken.slice(2));
    if (idx >= 0) start = Math.max(0, idx - pageSize);
  }
  const slice = items.slice(start, start + pageSize);
  const uri = (p: number, token?: string) => {
    const q = new URLSearchParams();
    for (const [name, value] of Object.entries(filters)) if (value !== null && value !== undefined) q.set(name, value);
    q.set('PageSize', String(pageSize));
    q.set('Page', String(p));
    if (token) q.set('PageToken', token);
    return `${path}?${q.toString()}`;
  };
  const hasNext = start + pageSize < items.length;
  return {
    first_page_uri: uri(0),
    next_page_uri: hasNext && slice.length ? uri(page + 1, `PA${slice[slice.length - 1]!.sid}`) : null,
    previous_page_uri: page > 0 && slice.length ? uri(page - 1, `PB${slice[0]!.sid}`) : null,
    page,
    page_size: pageSize,
    start,
    end: slice.length ? start + slice.length - 1 : start,
    uri: uri(page, pageToken ?? undefined),
    [key]: slice.map(render),
  };
}

import type { CallStatus, LeadStatus } from '@ringtonic/contracts';

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  disqualified: 'Disqualified',
  junk: 'Junk',
};

export const LEAD_STATUS_TONES: Record<LeadStatus, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  new: 'neutral',
  contacted: 'info',
  qualified: 'success',
  disqualified: 'warning',
  junk: 'danger',
};

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  ringing: 'Ringing',
  in_progress: 'In progress',
  completed: 'Completed',
  missed: 'Missed',
  voicemail: 'Voicemail',
  busy: 'Busy',
  no_answer: 'No answer',
  failed: 'Failed',
  canceled: 'Canceled',
};

const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 2 });

/** Integer cents → "$5,000.00"; null → "—". */
export function formatCents(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '—' : money.format(cents / 100);
}

/** "$1,250.50" or "1250.5" → 125050; '' → null; NaN when it is not an amount. */
export function parseMoneyToCents(text: string): number | null {
  const t = text.replace(/[\s,$]/g, '');
  if (t === '') return null;
  if (!/^\d+(\.\d{0,2})?$/.test(t)) return Number.NaN;
  return Math.round(Number(t) * 100);
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}:${String(s).padStart(2, '0')}`;
}

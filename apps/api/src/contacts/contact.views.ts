import type { ContactSource, ContactView } from '@ringtonic/contracts';
import type { ContactRow } from './contacts-query.js';
import { formatPhone } from '../common/phone.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toContactView(r: ContactRow, defaultCountry: string): ContactView {
  return {
    id: r.id,
    phone: r.phone_e164,
    phoneFormatted: formatPhone(r.phone_e164, defaultCountry),
    name: r.name,
    email: r.email,
    company: r.company,
    notes: r.notes,
    leadStatus: r.lead_status,
    dealValueCents: r.deal_value_cents === null ? null : Number(r.deal_value_cents),
    tags: r.tags,
    nextFollowUpAt: iso(r.next_follow_up_at),
    source: r.source as ContactSource,
    callCount: r.call_count,
    lastContactAt: iso(r.last_contact_at),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

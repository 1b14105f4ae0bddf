/** Contacts (the current truth about a person) and their bulk actions, import and export. */
import type { ContactSource, LeadStatus } from './enums.js';

export const CONTACT_SORTS = ['name', 'phone', 'company', 'leadStatus', 'dealValueCents', 'callCount', 'lastContactAt', 'createdAt'] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface ContactView {
  id: string;
  /** E.164, e.g. "+12125551234". */
  phone: string;
  /** For display: national format in the workspace's country, international otherwise. */
  phoneFormatted: string;
  name: string | null;
  email: string | null;
  company: string | null;
  notes: string | null;
  leadStatus: LeadStatus;
  dealValueCents: number | null;
  tags: string[];
  nextFollowUpAt: string | null;
  source: ContactSource;
  callCount: number;
  lastContactAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactInput {
  phone?: string;
  name?: string | null;
  email?: string | null;
  company?: string | null;
  notes?: string | null;
  leadStatus?: LeadStatus;
  dealValueCents?: number | null;
  tags?: string[];
  nextFollowUpAt?: string | null;
}

export interface ContactListQuery {
  search?: string;
  sort?: ContactSort;
  order?: SortOrder;
  leadStatus?: LeadStatus;
  tag?: string;
  limit?: number;
  cursor?: string;
}

export const BULK_CONTACT_ACTIONS = ['addTags', 'removeTags', 'setLeadStatus', 'delete'] as const;
export type BulkContactAction = (typeof BULK_CONTACT_ACTIONS)[number];

export interface BulkContactsRequest {
  ids: string[];
  action: BulkContactAction;
  tags?: string[];
  leadStatus?: LeadStatus;
}

export interface BulkContactsResponse {
  affected: number;
}

export interface ContactStats {
  totalCalls: number;
  lastCallAt: string | null;
  averageDurationSeconds: number;
}

/** The contact fields a CSV column can be mapped to. */
export const IMPORT_FIELDS = ['phone', 'name', 'email', 'company', 'notes', 'leadStatus', 'dealValue', 'tags', 'nextFollowUpAt'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One CSV row after column mapping, values still as text. `row` is the line number shown in reports. */
export type ImportRow = { row: number } & Partial<Record<ImportField, string>>;

export interface ImportContactsRequest {
  rows: ImportRow[];
  /** Validate and report without saving. */
  dryRun?: boolean;
}

export interface ImportRejection {
  row: number;
  reason: string;
}

export interface ImportContactsResponse {
  dryRun: boolean;
  /** Rows that were (or, in a dry run, would be) created. */
  created: number;
  rejected: ImportRejection[];
}

export interface TagSuggestions {
  items: string[];
}

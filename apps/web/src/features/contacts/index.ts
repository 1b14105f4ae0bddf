export { ContactsPage } from './components/contacts-page';
export { LeadStatusBadge, LEAD_STATUS_OPTIONS } from './components/lead-status';
// Editing widgets the call-log sheet shares (inline autosave, tags with autocomplete).
export { InlineField } from './components/inline-field';
export { TagEditor } from './components/tag-editor';

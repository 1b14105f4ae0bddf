import type { ContactSort, LeadStatus, SortOrder } from '@ringtonic/contracts';
import { create } from 'zustand';

/** The Contacts page's view: filter, sort, page cursors, the selection and the open contact. */
interface ContactsViewState {
  search: string;
  leadStatus: LeadStatus | undefined;
  sort: ContactSort;
  order: SortOrder;
  /** Cursors of the pages before the current one; the last is the current page's. */
  cursors: string[];
  selected: ReadonlySet<string>;
  openContactId: string | null;
  searchChanged: (search: string) => void;
  leadStatusFilterChanged: (leadStatus: LeadStatus | undefined) => void;
  sortClicked: (sort: ContactSort) => void;
  nextPageRequested: (cursor: string) => void;
  previousPageRequested: () => void;
  contactToggled: (id: string) => void;
  pageSelectionToggled: (ids: string[]) => void;
  selectionCleared: () => void;
  contactOpened: (id: string) => void;
  sheetClosed: () => void;
  viewReset: () => void;
}

const DESC_FIRST: ContactSort[] = ['dealValueCents', 'callCount', 'lastContactAt', 'createdAt'];

const initial = {
  search: '',
  leadStatus: undefined,
  sort: 'createdAt' as ContactSort,
  order: 'desc' as SortOrder,
  cursors: [],
  selected: new Set<string>(),
  openContactId: null,
};

export const useContactsView = create<ContactsViewState>()((set) => ({
  ...initial,
  searchChanged: (search) => set({ search, cursors: [] }),
  leadStatusFilterChanged: (leadStatus) => set({ leadStatus, cursors: [] }),
  sortClicked: (sort) =>
    set((s) => ({
      sort,
      order: s.sort === sort ? (s.order === 'asc' ? 'desc' : 'asc') : DESC_FIRST.includes(sort) ? 'desc' : 'asc',
      cursors: [],
    })),
  nextPageRequested: (cursor) => set((s) => ({ cursors: [...s.cursors, cursor] })),
  previousPageRequested: () => set((s) => ({ cursors: s.cursors.slice(0, -1) })),
  contactToggled: (id) =>
    set((s) => {
      const selected = new Set(s.selected);
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      return { selected };
    }),
  pageSelectionToggled: (ids) =>
    set((s) => {
      const all = ids.every((id) => s.selected.has(id));
      const selected = new Set(s.selected);
      for (const id of ids) {
        if (all) selected.delete(id);
        else selected.add(id);
      }
      return { selected };
    }),
  selectionCleared: () => set({ selected: new Set() }),
  contactOpened: (openContactId) => set({ openContactId }),
  sheetClosed: () => set({ openContactId: null }),
  viewReset: () => set({ ...initial, selected: new Set() }),
}));

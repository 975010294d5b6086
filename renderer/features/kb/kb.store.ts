import { create } from 'zustand';

export type KbSort = 'relevance' | 'updated' | 'title';

/** The search page's UI state, kept while the user opens an article and comes back. */
interface KbUiState {
  query: string;
  family: string | undefined;
  tags: string[];
  sort: KbSort;
  set: (patch: Partial<Omit<KbUiState, 'set'>>) => void;
}

export const useKbStore = create<KbUiState>((set) => ({
  query: '',
  family: undefined,
  tags: [],
  sort: 'relevance',
  set: (patch) => set(patch),
}));

import { create } from 'zustand';

type Banner = 'versionchange' | 'blocked' | null;

/** UI and session state only — never a copy of a table (docs/architecture.md). */
interface SessionState {
  isReadOnly: boolean;
  banner: Banner;
  isSiderCollapsed: boolean;
  setReadOnly: (v: boolean) => void;
  setBanner: (b: Banner) => void;
  toggleSider: () => void;
}

export const useSessionStore = create<SessionState>((set) => ({
  isReadOnly: false,
  banner: null,
  isSiderCollapsed: false,
  setReadOnly: (isReadOnly) => set({ isReadOnly }),
  setBanner: (banner) => set({ banner }),
  toggleSider: () => set((s) => ({ isSiderCollapsed: !s.isSiderCollapsed })),
}));

import { create } from 'zustand';
import type { Approval, DecisionKey } from './approval';

interface Pending {
  decision: DecisionKey;
  /** What is being decided, in the user's words (a fault number, an item title…). */
  subject?: string;
  resolve: (a: Approval | null) => void;
}

interface ApprovalState {
  pending: Pending | null;
  set: (p: Pending | null) => void;
}

export const useApprovalStore = create<ApprovalState>((set) => ({ pending: null, set: (pending) => set({ pending }) }));

/**
 * Asks for the project manager's PIN (the approval dialog, `ApprovalHost`) and resolves with the
 * approval, or null when the dialog is cancelled. One request at a time: a second one cancels the first.
 */
export function requireApproval(decision: DecisionKey, subject?: string): Promise<Approval | null> {
  const { pending, set } = useApprovalStore.getState();
  pending?.resolve(null);
  return new Promise((resolve) => set({ decision, subject, resolve }));
}

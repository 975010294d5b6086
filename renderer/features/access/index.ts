/**
 * Front door of the access feature: who is using the app (the lock), PINs, and the project
 * manager's approvals. `requireApproval(decision)` opens the PM-PIN dialog and resolves with an
 * approval (or null); the write that needs it calls `takeApproval(approval, decision)`.
 */
export { LockScreen } from './LockScreen';
export { ApprovalHost } from './ApprovalHost';
export { useLockTriggers } from './useLockTriggers';
export { useAccessStore, useUnlocked, isLocked, lockApp, type UnlockedPerson } from './access.store';
export { requireApproval } from './approval.store';
export {
  approveWithPin,
  takeApproval,
  approvalSummary,
  approvalRecord,
  decisionKeys,
  type Approval,
  type DecisionKey,
} from './approval';
export { AccessError, setFirstPin, checkPin, verifyPm, resetPin, unblockMember } from './credentials.repo';
export { hashPin, verifyPin, pinProblem } from './pin';
export { accessErrorText } from './messages';
export { useSecretCheck } from './secret-check';
export { SetupPinFields, setupCredentials } from './SetupPins';

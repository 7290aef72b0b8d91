import type { CollabStatus } from '../../lib/collabPolicy';

const errorHints = {
  4404: 'plan.status.errorHints.4404',
  4400: 'plan.status.errorHints.4400',
  4413: 'plan.status.errorHints.4413',
  4429: 'plan.status.errorHints.4429',
  1009: 'plan.status.errorHints.1009',
  1002: 'plan.status.errorHints.1002',
} as const;

type ErrorHintKey = (typeof errorHints)[keyof typeof errorHints] | 'plan.status.errorHints.other';

/** Catalogue keys of one status: its label and, where there is something to know or do, a hint. */
export interface StatusText {
  /** What the status line says. */
  label:
    | `plan.status.${Exclude<CollabStatus['kind'], 'read-only' | 'access-lost' | 'signed-out'>}`
    | 'plan.status.readOnly'
    | 'plan.status.accessLost'
    | 'plan.status.signedOut';
  /** What it means or what to do next. */
  hint:
    | 'plan.status.savedHint'
    | 'plan.status.savingHint'
    | 'plan.status.stalledHint'
    | 'plan.status.offlineHint'
    | 'plan.status.reconnectingHint'
    | 'plan.status.readOnlyHint'
    | 'plan.status.accessLostHint'
    | 'plan.status.signedOutHint'
    | ErrorHintKey
    | null;
}

function errorHint(code: number): ErrorHintKey {
  return code in errorHints
    ? errorHints[code as keyof typeof errorHints]
    : 'plan.status.errorHints.other';
}

/** The texts of a status. */
export function statusText(status: CollabStatus): StatusText {
  switch (status.kind) {
    case 'connecting':
      return { label: 'plan.status.connecting', hint: null };
    case 'saved':
      return { label: 'plan.status.saved', hint: 'plan.status.savedHint' };
    case 'saving':
      return { label: 'plan.status.saving', hint: 'plan.status.savingHint' };
    case 'stalled':
      return { label: 'plan.status.stalled', hint: 'plan.status.stalledHint' };
    case 'offline':
      return { label: 'plan.status.offline', hint: 'plan.status.offlineHint' };
    case 'reconnecting':
      return { label: 'plan.status.reconnecting', hint: 'plan.status.reconnectingHint' };
    case 'read-only':
      return { label: 'plan.status.readOnly', hint: 'plan.status.readOnlyHint' };
    case 'access-lost':
      return { label: 'plan.status.accessLost', hint: 'plan.status.accessLostHint' };
    case 'signed-out':
      return { label: 'plan.status.signedOut', hint: 'plan.status.signedOutHint' };
    case 'error':
      return { label: 'plan.status.error', hint: errorHint(status.code) };
  }
}

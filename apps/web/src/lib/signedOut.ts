/**
 * The window event fired on sign-out. The live connection closes and the plan editor's
 * offline copies are deleted when it fires, so nothing of one person stays for the next.
 */
export const SIGNED_OUT_EVENT = 'mesa:signed-out';

import { useSyncExternalStore } from 'react';
import { live, type LiveState } from '../../lib/socket';

const subscribe = (listener: () => void) => live.subscribeState(listener);
const getState = () => live.getState();

/** The live connection's state, re-rendering when it changes. */
export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribe, getState, getState);
}

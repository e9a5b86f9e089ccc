import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/client';
import type { ConsoleConfig } from '../config';
import type { Caller } from './roles';

/** What every page needs: the API client with the signed-in token, who signed in, and how to sign out. */
export interface ConsoleContextValue {
  config: ConsoleConfig;
  api: ApiClient;
  caller: Caller;
  signOut: () => void;
}

export const ConsoleContext = createContext<ConsoleContextValue | undefined>(undefined);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole outside a signed-in console');
  return value;
}

import { createContext } from 'react';
import type { Permission } from '@keyprojects/core';
import type { SessionUser } from '../api/types.ts';

/** The signed-in user (null when signed out; undefined while the session is being checked) and the auth actions. */
export interface SessionContextValue {
  user: SessionUser | null | undefined;
  /** The app's date from the server (YYYY-MM-DD); undefined while signed out or loading. */
  today: string | undefined;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

import { useContext } from 'react';
import { SessionContext, type SessionContextValue } from './SessionContext.ts';

/** The session context; throws outside a SessionProvider. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

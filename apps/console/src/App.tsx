import { Center, Loader } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { ApiClient } from './api/client';
import { ApiError } from './api/problem';
import { ConsoleContext, type ConsoleContextValue } from './auth/console-context';
import { LoginPage } from './auth/LoginPage';
import { nextExpiryCheck } from './auth/expiry-timer';
import { completeOidcSignIn } from './auth/oidc';
import type { Caller } from './auth/roles';
import { clearSession, readSession, writeSession, type StoredSession } from './auth/session-store';
import type { ConsoleConfig } from './config';
import { routesFor } from './routes';

type SignIn = { state: 'checking' } | { state: 'signed-out'; error?: string } | { state: 'signed-in'; session: StoredSession; caller: Caller };

/** Asks the connection service who the token belongs to; any valid token of any role may. */
async function callerOf(config: ConsoleConfig, token: string): Promise<Caller> {
  const probe = new ApiClient(config, () => token, () => undefined);
  try {
    return await probe.get<Caller>('connection', '/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) throw new Error('This token was not accepted: check that it is complete and not expired or revoked.');
    throw error;
  }
}

export function App({ config }: { config: ConsoleConfig }) {
  const [signIn, setSignIn] = useState<SignIn>({ state: 'checking' });
  const sessionRef = useRef<StoredSession | undefined>(undefined);

  const signOut = useCallback((error?: string) => {
    clearSession();
    sessionRef.current = undefined;
    setSignIn({ state: 'signed-out', error });
  }, []);

  const adopt = useCallback(
    async (session: StoredSession) => {
      const caller = await callerOf(config, session.token);
      writeSession(session);
      sessionRef.current = session;
      setSignIn({ state: 'signed-in', session, caller });
    },
    [config],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const returned = config.oidc ? await completeOidcSignIn(config.oidc) : undefined;
      const session = returned ?? readSession();
      if (!session) return setSignIn({ state: 'signed-out' });
      await adopt(session);
    })().catch((error: unknown) => {
      if (!cancelled) signOut(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
    };
  }, [adopt, config, signOut]);

  // An OIDC access token is refused once it expires: sign out then rather than fail every poll.
  useEffect(() => {
    if (signIn.state !== 'signed-in' || signIn.session.expiresAt === undefined) return;
    const check = nextExpiryCheck(signIn.session.expiresAt, Date.now());
    const timer = setTimeout(() => (check.expires ? signOut('Your sign-in expired: sign in again.') : setSignIn({ ...signIn })), check.delayMs);
    return () => clearTimeout(timer);
  }, [signIn, signOut]);

  if (signIn.state === 'checking')
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (signIn.state === 'signed-out') return <LoginPage config={config} error={signIn.error} onToken={(token) => adopt({ token, method: 'api-token' })} />;
  return <SignedIn config={config} caller={signIn.caller} token={() => sessionRef.current?.token} signOut={signOut} />;
}

function SignedIn({ config, caller, token, signOut }: { config: ConsoleConfig; caller: Caller; token: () => string | undefined; signOut: (error?: string) => void }) {
  const value = useMemo<ConsoleContextValue>(
    () => ({ config, caller, api: new ApiClient(config, token, () => signOut('Your sign-in is no longer accepted: sign in again.')), signOut: () => signOut() }),
    [config, caller, token, signOut],
  );
  const queryClient = useMemo(
    () =>
      new QueryClient({
        defaultOptions: {
          // A refused or missing resource will not change by asking again; outages may.
          queries: { retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500), refetchOnWindowFocus: true },
        },
      }),
    [],
  );
  const router = useMemo(() => createHashRouter(routesFor(caller)), [caller]);
  return (
    <ConsoleContext.Provider value={value}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConsoleContext.Provider>
  );
}

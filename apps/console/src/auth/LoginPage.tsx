import { Alert, Button, Card, Center, Divider, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ConsoleConfig } from '../config';
import { startOidcSignIn } from './oidc';

interface Props {
  config: ConsoleConfig;
  /** Resolves when the token was accepted by `GET /api/me`; rejects with a message for people otherwise. */
  onToken: (token: string) => Promise<void>;
  error?: string;
}

export function LoginPage({ config, onToken, error: initialError }: Props) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(initialError);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onToken(token.trim());
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  async function oidc() {
    if (!config.oidc) return;
    setBusy(true);
    try {
      await startOidcSignIn(config.oidc);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" p="md">
      <Card withBorder shadow="sm" padding="xl" w={440} maw="100%" component="main">
        <form onSubmit={submit} aria-label="Sign in">
          <Stack>
            <Title order={1} size="h2">
              CSMS console
            </Title>
            <Text size="sm" c="dimmed">
              Sign in with an API token (the embedded mode writes one to <code>.data/admin-token</code>) or with your organisation’s account.
            </Text>
            {error && (
              <Alert color="red" title="Sign-in failed" role="alert">
                {error}
              </Alert>
            )}
            <PasswordInput label="API token" autoComplete="off" required value={token} onChange={(event) => setToken(event.currentTarget.value)} />
            <Button type="submit" loading={busy} disabled={token.trim().length === 0}>
              Sign in
            </Button>
            {config.oidc && (
              <>
                <Divider label="or" labelPosition="center" />
                <Button variant="default" onClick={oidc} loading={busy}>
                  Sign in with single sign-on
                </Button>
              </>
            )}
          </Stack>
        </form>
      </Card>
    </Center>
  );
}

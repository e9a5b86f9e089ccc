import { Client } from 'pg';

export interface LeaseSessionSettings {
  connectionString: string;
  /** Shown in pg_stat_activity: names the holder to whoever finds the index taken, and this incarnation to itself. */
  applicationName: string;
  /** Bound on connecting and on every round trip (client and server side): a half-open socket fails instead of hanging. */
  timeoutMs: number;
}

/** The lease's one database session, as little of pg as the lease needs (tests give a fake). */
export interface LeaseSession {
  query<R>(text: string, values?: unknown[]): Promise<R[]>;
  /** Closes the session (and with it the lock); gives up waiting after the timeout, as a half-open socket never answers. */
  end(): Promise<void>;
}

export type OpenLeaseSession = (settings: LeaseSessionSettings, onError: (error: Error) => void) => Promise<LeaseSession>;

export const openPostgresLeaseSession: OpenLeaseSession = async (settings, onError) => {
  const client = new Client({
    connectionString: settings.connectionString,
    application_name: settings.applicationName,
    keepAlive: true,
    connectionTimeoutMillis: settings.timeoutMs,
    query_timeout: settings.timeoutMs,
    statement_timeout: settings.timeoutMs,
  });
  client.on('error', onError);
  const end = () => endWithin(client, settings.timeoutMs);
  try {
    await client.connect();
  } catch (error) {
    await end();
    throw error;
  }
  return { query: async <R>(text: string, values?: unknown[]) => (await client.query(text, values)).rows as R[], end };
};

async function endWithin(client: Client, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    timer.unref();
  });
  await Promise.race([client.end().catch(() => undefined), timeout]);
  clearTimeout(timer);
}

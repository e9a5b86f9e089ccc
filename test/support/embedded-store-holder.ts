// A process that opens the embedded PostgreSQL store in the folder given as its argument and holds
// it until killed: lets e2e tests see what happens to the server when its owner dies or competes.
import { acquireEmbeddedPostgres } from '@app/persistence';
import pino from 'pino';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: embedded-store-holder <data-dir>');
  const lease = await acquireEmbeddedPostgres(dataDir, pino({ level: 'warn' }));
  process.stdout.write(`held ${lease.connection.host}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stdout.write(`failed ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

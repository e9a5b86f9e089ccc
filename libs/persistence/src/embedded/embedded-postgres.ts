import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** postgres:// URL of a loopback socket in front of the embedded store. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL-compatible store in this process (PGlite), kept in `dataDir` so
 * that data survive a restart, and served on a loopback socket so that the
 * same pg driver and migrations run as against a real server. The socket
 * serves one connection at a time: callers must use a pool of one.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

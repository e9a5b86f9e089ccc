import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { registerSecretEnv } from './e2e-run';
import { repoRoot } from './repo-root';
import type { AppName, ServiceProcess } from './service-process';

const REPO_ROOT = repoRoot();

/**
 * What the image holds: dist/apps and dist/libs, and what `npm ci --omit=dev` would install, made in a second from the
 * installed node_modules: a folder outside the repo (so nothing falls back to the repo's
 * node_modules) holding a symlink for every package-lock.json entry that is not dev-only.
 * Processes run with --preserve-symlinks, so a package resolves its own dependencies inside
 * this folder too, never beside its real location.
 */
export interface ProductionInstall {
  dir: string;
  launcher: string;
  remove(): void;
}

interface LockEntry {
  dev?: boolean;
}

export function createProductionInstall(): ProductionInstall {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-production-'));
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || entry.dev === true) continue;
    // Nested installs come along inside their parent's folder.
    if (key.slice('node_modules/'.length).includes('/node_modules/')) continue;
    const installed = path.join(REPO_ROOT, key);
    // Optional packages of other platforms are in the lock but not installed.
    if (!existsSync(installed)) continue;
    mkdirSync(path.dirname(path.join(dir, key)), { recursive: true });
    symlinkSync(installed, path.join(dir, key), 'dir');
  }
  // What the image copies of dist/: the apps and libs, not the compiled test support or benchmarks.
  mkdirSync(path.join(dir, 'dist'));
  for (const part of ['apps', 'libs']) symlinkSync(path.join(REPO_ROOT, 'dist', part), path.join(dir, 'dist', part), 'dir');
  copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(dir, 'package.json'));
  return { dir, launcher: path.join(dir, 'dist/apps/launcher/src/main.js'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Node run inside the install as the image runs it; nothing of the test's own environment leaks in. */
export function spawnInInstall(install: ProductionInstall, args: string[], env: Record<string, string>): ChildProcess {
  registerSecretEnv(env);
  return spawn(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', '--enable-source-maps', ...args], {
    cwd: install.dir,
    env: { PATH: process.env.PATH ?? '', HOME: install.dir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export interface Finished {
  code: number | string;
  output: string;
}

/** Runs the launcher with `args` to its end (check, migrate, help). */
export function runLauncher(install: ProductionInstall, args: string[], env: Record<string, string> = {}): Promise<Finished> {
  const child = spawnInInstall(install, [install.launcher, ...args], env);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code: code ?? signal ?? -1, output })));
}

/** Serves `app` from the install, as `docker run <image> <app>` would. */
export function serveFromInstall(install: ProductionInstall, app: AppName, env: Record<string, string>, port: number): ServiceProcess {
  const child = spawnInInstall(install, [install.launcher, app], { HTTP_PORT: String(port), ...env });
  let output = '';
  let errorOutput = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-1_000_000)));
  child.stderr?.on('data', (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-1_000_000);
    errorOutput = (errorOutput + chunk.toString()).slice(-100_000);
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    name: app,
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    errorOutput: () => errorOutput,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, type LaunchOptions, type Page, chromium } from 'playwright-core';
import { e2eRunDir } from '../e2e-run';
import { ensureChromium } from './ensure-chromium';

/**
 * The flags known to work on this machine kind. Without the background-networking ones Chromium
 * calls home at start (Google's hosts, component updates, sync), and on this closed network those
 * connections are refused many at a time. --no-sandbox: CI runs as root, where the sandbox cannot start.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with its own empty profile; close() ends the browser and deletes the profile. */
export interface LaunchedChromium {
  context: BrowserContext;
  /** A new tab in the browser's one context. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchChromiumOptions {
  /** Playwright's own default is 1280x720. */
  viewport?: { width: number; height: number };
  /** Passed to Playwright as is (e.g. slowMo while debugging). */
  launch?: Omit<LaunchOptions, 'executablePath' | 'args' | 'headless'>;
}

/** Where profiles go: the e2e run's folder (dropped with old runs if a test dies before close()), else the OS's temp dir. */
function profilesDir(): string {
  const runDir = e2eRunDir();
  const dir = runDir === undefined ? tmpdir() : path.join(runDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}

let chromiumPath: string | undefined;

/**
 * Starts Debian's Chromium (CHROMIUM_PATH, else /usr/bin/chromium; installed by tools/browser/ensure-chromium.sh on
 * the first launch of a test process, so runs without browser tests never install it) through playwright-core. A
 * persistent context is how Playwright takes a profile folder of our choosing.
 */
export async function launchChromium(options: LaunchChromiumOptions = {}): Promise<LaunchedChromium> {
  // A quarter of a second when Chromium is there; apt-get on a fresh machine (two workers at once wait on dpkg's lock).
  chromiumPath ??= ensureChromium();
  const userDataDir = mkdtempSync(path.join(profilesDir(), 'chromium-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      ...options.launch,
      executablePath: chromiumPath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: options.viewport ?? { width: 1280, height: 720 },
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    newPage: () => context.newPage(),
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

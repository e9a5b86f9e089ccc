import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { e2eRunDir } from '../e2e-run';
import { expectAccessibleNames } from './accessible-names';

/** The running test file's name without `.e2e-spec.ts` (or `.spec.ts`), for its screenshot folder. */
function testFileName(): string {
  const testPath = expect.getState().testPath;
  return testPath ? path.basename(testPath).replace(/(\.e2e-spec|\.spec)?\.[jt]s$/, '') : 'unknown-test';
}

export interface ScreenshotOptions {
  /** The whole scrollable page (default), or only what the viewport shows (e.g. for a list rendered lazily as it is scrolled to). */
  fullPage?: boolean;
  /** Also fail if a control on the page has no accessible name (default true): every page a test shows is checked. */
  checkAccessibleNames?: boolean;
}

/**
 * Saves a PNG to `.cache/e2e-runs/<run>/screenshots/<test-file>/<name>.png` (outside an e2e
 * run: under the OS's temp dir) and returns its path, so a person can look at what the test saw;
 * then checks that every control the page shows has an accessible name (issue 15's accessibility check).
 */
export async function saveScreenshot(page: Page, name: string, options: ScreenshotOptions = {}): Promise<string> {
  const root = e2eRunDir() ?? path.join(tmpdir(), 'csms-screenshots');
  const dir = path.join(root, 'screenshots', testFileName());
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  if (options.checkAccessibleNames ?? true) await expectAccessibleNames(page, `the page of screenshot "${name}"`);
  return file;
}

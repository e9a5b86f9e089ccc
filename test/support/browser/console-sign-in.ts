import type { Page } from 'playwright-core';

/** How long a console page may take to show something on a busy 2-core machine; locators poll until then. */
export const CONSOLE_TIMEOUT_MS = 30_000;

// Where and how the console keeps the signed-in token (apps/console/src/auth/session-store.ts; the console is outside this tsconfig).
const SESSION_KEY = 'csms-console-session';

export interface ConsoleSignInOptions {
  /** The hash route to open, e.g. `/sites` or `/certificates/csms`; default: the console's start page. */
  route?: string;
  /**
   * `form` (default): through the sign-in form, as a person would: the token in "API token", then "Sign in".
   * `stored-session`: the session the form would store is in place before the console loads, so the first navigation
   * measured is the page's alone (no sign-in round trip).
   */
  via?: 'form' | 'stored-session';
  timeoutMs?: number;
}

/**
 * Opens the console of the service at `baseUrl` (its `/console/`) at `route`, signed in with `token`. Returns once
 * the token is handed over: the caller waits for what it expects (the page, or a refusal for a bad token).
 */
export async function signInToConsole(page: Page, baseUrl: string, token: string, options: ConsoleSignInOptions = {}): Promise<void> {
  const timeout = options.timeoutMs ?? CONSOLE_TIMEOUT_MS;
  const url = `${baseUrl.replace(/\/+$/, '')}/console/${options.route === undefined ? '' : `#${options.route}`}`;
  if (options.via === 'stored-session') {
    // An init script: it runs in the page before the console, which the console's CSP (no eval) does not stop.
    const session = JSON.stringify({ token, method: 'api-token' });
    await page.addInitScript({ content: `sessionStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(session)});` });
    await page.goto(url, { timeout });
    return;
  }
  await page.goto(url, { timeout });
  await page.getByLabel('API token').fill(token, { timeout });
  await page.getByRole('button', { name: 'Sign in' }).click({ timeout });
}

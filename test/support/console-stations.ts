import type { Page } from 'playwright-core';

/** How long a console page may take to show something on a busy 2-core machine; locators poll until then. */
export const CONSOLE_TIMEOUT_MS = 30_000;

/**
 * Requests the console cancels itself: leaving a page or changing a filter aborts the polls in flight (TanStack
 * Query's AbortSignal), which Chromium reports as failed requests. They are the console working as meant.
 */
export const ABORTED_BY_THE_CONSOLE = /^GET \S+\/api\/\S+: net::ERR_ABORTED$/;

/** Signs in through the console's own form, as a person would: the token in "API token", then "Sign in". */
export async function signInWithToken(page: Page, consoleUrl: string, token: string): Promise<void> {
  await page.goto(consoleUrl, { timeout: CONSOLE_TIMEOUT_MS });
  await page.getByLabel('API token').fill(token, { timeout: CONSOLE_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Sign in' }).click();
}

import type { Page } from 'playwright-core';

/** How long a console page may take to show something on a busy 2-core machine; locators poll until then. */
export const CONSOLE_TIMEOUT_MS = 30_000;

/** Signs in through the console's own form, as a person would: the token in "API token", then "Sign in". */
export async function signInWithToken(page: Page, consoleUrl: string, token: string): Promise<void> {
  await page.goto(consoleUrl, { timeout: CONSOLE_TIMEOUT_MS });
  await page.getByLabel('API token').fill(token, { timeout: CONSOLE_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Sign in' }).click();
}

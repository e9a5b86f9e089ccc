import type { Page } from 'playwright-core';

/** Roles a person operates: each needs a name a screen reader can say (WCAG 4.1.2). */
const CONTROL_ROLES = new Set(['button', 'link', 'textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'slider', 'spinbutton', 'option']);

interface AxValue {
  value?: unknown;
}
interface AxNode {
  ignored?: boolean;
  role?: AxValue;
  name?: AxValue;
  properties?: { name: string; value: AxValue }[];
}

/**
 * The controls on the page that have no accessible name, as Chromium's accessibility tree computes it (labels,
 * aria-label, aria-labelledby, text content): what a screen reader would announce as just "button".
 */
export async function controlsWithoutNames(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes
      .filter((node) => !node.ignored && CONTROL_ROLES.has(String(node.role?.value ?? '')))
      .filter((node) => !node.properties?.some((property) => property.name === 'hidden' && property.value.value === true))
      .filter((node) => String(node.name?.value ?? '').trim() === '')
      .map((node) => `${String(node.role?.value)} without a name`);
  } finally {
    await session.detach().catch(() => undefined);
  }
}

/** Fails listing every unnamed control of the page as it is now. */
export async function expectAccessibleNames(page: Page, where: string): Promise<void> {
  const unnamed = await controlsWithoutNames(page);
  if (unnamed.length > 0) throw new Error(`${where}: ${unnamed.length} control(s) without an accessible name:\n  ${unnamed.join('\n  ')}`);
}

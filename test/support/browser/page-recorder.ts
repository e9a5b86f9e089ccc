import type { ConsoleMessage, Page, Request, Response } from 'playwright-core';

/** What went wrong on a page, each as one line saying where. */
export interface PageProblems {
  /** console.error calls, and the errors Chromium itself logs (e.g. `Failed to load resource`, CSP refusals). */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled promise rejections in the page. */
  pageErrors: string[];
  /** Requests that got no answer (refused, aborted, blocked) or an HTTP status of 400 and above. */
  failedRequests: string[];
}

export interface ExpectNoProblemsOptions {
  /**
   * Lines that are expected (e.g. the 403 a page shows a viewer on purpose), matched against each
   * recorded line. Say in a comment next to each why it is fine.
   */
  allow?: RegExp[];
}

function where(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url ? ` (${url}:${lineNumber + 1})` : '';
}

/** Collects a page's console errors, uncaught exceptions and failed requests from the moment it is attached. */
export class PageRecorder {
  private readonly problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };

  constructor(readonly page: Page) {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') this.problems.consoleErrors.push(`${message.text()}${where(message)}`);
    });
    page.on('pageerror', (error: Error) => this.problems.pageErrors.push(error.stack ?? `${error.name}: ${error.message}`));
    page.on('requestfailed', (request: Request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // The page cancelled it itself (a poll abandoned when the person moved on): not a failure of the app or the API.
      if (reason === 'net::ERR_ABORTED') return;
      this.problems.failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
    });
    page.on('response', (response: Response) => {
      if (response.status() >= 400) this.problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    });
  }

  /** A copy of what was recorded so far. */
  recorded(): PageProblems {
    return { consoleErrors: [...this.problems.consoleErrors], pageErrors: [...this.problems.pageErrors], failedRequests: [...this.problems.failedRequests] };
  }

  /** Fails listing every console error, uncaught exception and failed request not allowed by `options.allow`. */
  expectNoConsoleErrors(options: ExpectNoProblemsOptions = {}): void {
    const allowed = (line: string) => (options.allow ?? []).some((pattern) => pattern.test(line));
    const sections = Object.entries(this.problems)
      .map(([kind, lines]: [string, string[]]) => [kind, lines.filter((line) => !allowed(line))] as const)
      .filter(([, lines]) => lines.length > 0)
      .map(([kind, lines]) => `${kind} (${lines.length}):\n${lines.map((line) => `  - ${line}`).join('\n')}`);
    if (sections.length > 0) throw new Error(`the page at ${this.page.url()} had problems:\n${sections.join('\n')}`);
  }
}

/** Starts recording `page`; attach it before the first navigation so nothing is missed. */
export function recordPage(page: Page): PageRecorder {
  return new PageRecorder(page);
}

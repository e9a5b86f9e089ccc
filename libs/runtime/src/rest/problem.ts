import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';

/** RFC 9457 problem details: the body of every error answer of the REST APIs (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path. */
  instance?: string;
  /** The stable, kebab-case name of the problem: the last segment of `type`. */
  code: string;
  [extension: string]: unknown;
}

export interface ProblemInit {
  status: number;
  /** Stable and kebab-case; clients branch on it (it is also the last segment of `type`). */
  code: string;
  detail: string;
  /** Defaults to the HTTP reason phrase of `status`. */
  title?: string;
  /** Further members of the body, e.g. `stationErrorCode`. */
  extensions?: Record<string, unknown>;
  /** Response headers, e.g. a `WWW-Authenticate` challenge. */
  headers?: Record<string, string>;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:csms:problem:${code}`;
}

/**
 * An error answer of a REST endpoint. Created at the edge only (controllers, pipes, guards, the
 * mapping of a capability's error codes) and rendered by ProblemJsonFilter.
 */
export class Problem extends HttpException {
  constructor(readonly init: ProblemInit) {
    super(init.detail, init.status);
    this.name = 'Problem';
  }

  get headers(): Record<string, string> {
    return this.init.headers ?? {};
  }

  details(instance?: string): ProblemDetails {
    const { status, code, detail, extensions } = this.init;
    const standard = { type: problemType(code), title: this.init.title ?? STATUS_CODES[status] ?? 'Error', status, detail, code };
    return { ...standard, ...(instance === undefined ? {} : { instance }), ...extensions, ...standard };
  }
}

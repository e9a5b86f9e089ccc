/** An API answer that was not a success, with what to tell the person in front of the screen. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly plain: string,
    readonly errors: readonly string[] = [],
  ) {
    super(plain);
    this.name = 'ApiError';
  }
}

const plainByStatus: Readonly<Record<number, string>> = {
  400: 'The request was not accepted',
  401: 'You are not signed in, or your sign-in has expired',
  403: 'Your role does not allow this',
  404: 'Not found',
  409: 'This conflicts with the current state',
  413: 'The request is too large',
  415: 'The request was not sent as JSON',
  422: 'The request was not accepted',
  429: 'Too many requests: wait a moment and try again',
  503: 'The service is busy or starting: try again in a moment',
  504: 'The station or service did not answer in time',
};

function stringsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (item && typeof item === 'object') {
      const { path, message, field, detail } = item as Record<string, unknown>;
      const where = typeof path === 'string' ? path : Array.isArray(path) ? path.join('.') : typeof field === 'string' ? field : '';
      const what = typeof message === 'string' ? message : typeof detail === 'string' ? detail : '';
      if (what) return [where ? `${where}: ${what}` : what];
    }
    return [];
  });
}

/** Turns an `application/problem+json` body (or whatever came instead) into an ApiError worded for people. */
export function apiErrorOf(status: number, body: unknown, statusText = ''): ApiError {
  const problem = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const title = typeof problem.title === 'string' ? problem.title : statusText || `HTTP ${status}`;
  const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
  const errors = [...stringsOf(problem.errors), ...stringsOf(problem.issues), ...stringsOf(problem['invalid-params'])];
  const known = plainByStatus[status];
  const lead = known ?? `${status >= 500 ? 'The service failed to answer' : 'The request failed'} (HTTP ${status})`;
  // A title alone is the HTTP reason phrase ("Conflict"): it adds nothing to the lead, the detail does.
  const plain = detail ? `${lead}: ${lowerFirst(detail)}` : lead;
  return new ApiError(status, title, detail, /[.!?]$/.test(plain) ? plain : `${plain}.`, errors);
}

/** Network failures never reach the API: say so rather than show a TypeError. */
export function unreachableError(service: string): ApiError {
  return new ApiError(0, 'unreachable', undefined, `The ${service} service could not be reached: check your network or try again.`);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

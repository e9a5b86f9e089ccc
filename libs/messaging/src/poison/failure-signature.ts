/** What a failure looks like to the poison policy and in a parked record. */
export interface FailureSignature {
  /** The error's class name, e.g. `QueryFailedError`. */
  errorClass: string;
  /** Its message, with anything that looks like a credential removed, at most 1000 characters. */
  message: string;
}

const MAX_MESSAGE = 1000;

/** Credentials that error messages sometimes echo: URL user-info, `password=...`, bearer tokens, PEM private keys. */
const SECRETS: [RegExp, string][] = [
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@'],
  [/\b(password|passwd|pwd|secret|token|passphrase|pin)\b(\s*[=:]\s*)("[^"]*"|'[^']*'|\S+)/gi, '$1$2***'],
  [/\bBearer\s+[A-Za-z0-9._~+/-]+=*/g, 'Bearer ***'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[private key]'],
];

/** Removes what looks like a secret from a text bound for a log line or a parked record's headers. */
export function redactSecrets(text: string): string {
  return SECRETS.reduce((redacted, [pattern, replacement]) => redacted.replace(pattern, replacement), text);
}

export function failureSignature(error: unknown): FailureSignature {
  if (error instanceof Error) {
    const errorClass = error.constructor?.name && error.constructor.name !== 'Error' ? error.constructor.name : error.name;
    return { errorClass, message: redactSecrets(error.message).slice(0, MAX_MESSAGE) };
  }
  return { errorClass: typeof error, message: redactSecrets(String(error)).slice(0, MAX_MESSAGE) };
}

export function sameFailure(a: FailureSignature, b: FailureSignature): boolean {
  return a.errorClass === b.errorClass && a.message === b.message;
}

/**
 * An error as a log line may show it: class, redacted message and stack, and nothing else (a
 * typeorm QueryFailedError also carries the statement's parameters, which may be personal data).
 */
export function loggableError(error: unknown): { type: string; message: string; stack?: string } {
  const { errorClass, message } = failureSignature(error);
  const stack = error instanceof Error && error.stack ? redactSecrets(error.stack) : undefined;
  return stack === undefined ? { type: errorClass, message } : { type: errorClass, message, stack };
}

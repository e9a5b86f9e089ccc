// PostgreSQL refuses the NUL character in text and jsonb ("invalid byte sequence", "unsupported
// Unicode escape sequence"), yet JSON from a station may carry one. Records written in batches
// pass through these, so one such value cannot fail the batch it travels in.

const NUL = /\u0000/g;

/** The text without NUL characters; null stays null. */
export function pgText(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : value.replace(NUL, '');
}

/** JSON text for a jsonb column, NUL characters removed from keys and strings; null stays null. */
export function pgJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return JSON.stringify(value, (_key, member: unknown) => (typeof member === 'string' ? member.replace(NUL, '') : withoutNulKeys(member)));
}

function withoutNulKeys(member: unknown): unknown {
  if (typeof member !== 'object' || member === null || Array.isArray(member)) return member;
  if (!Object.keys(member).some((key) => key.includes('\u0000'))) return member;
  return Object.fromEntries(Object.entries(member).map(([key, inner]) => [key.replace(NUL, ''), inner]));
}

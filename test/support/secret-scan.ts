/** A registered secret found in a log, in one of its encodings. */
export interface Leak {
  /** The secret, redacted: its first characters and length. */
  readonly secret: string;
  readonly form: string;
  readonly source: string;
  readonly line: number;
}

/** Shorter values are not scanned: their encodings would match by chance. */
export const MIN_SECRET_LENGTH = 6;

function base64Cores(bytes: Buffer): string[] {
  // A secret inside a longer base64 text (a Basic auth header, a JSON blob) is encoded at one of
  // three alignments; only the characters that depend on the secret alone are searched.
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    return encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
  });
}

/** The forms in which a secret may reach a log: as is, escaped, URL-encoded, hex, base64 and base64url. */
export function encodingsOf(secret: string): { form: string; text: string }[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [
    { form: 'plain', text: secret },
    { form: 'JSON-escaped', text: JSON.stringify(secret).slice(1, -1) },
    { form: 'URL-encoded', text: encodeURIComponent(secret) },
    { form: 'hex', text: bytes.toString('hex') },
    { form: 'HEX', text: bytes.toString('hex').toUpperCase() },
    ...base64Cores(bytes).flatMap((core) => [
      { form: 'base64', text: core },
      { form: 'base64url', text: core.replace(/\+/g, '-').replace(/\//g, '_') },
    ]),
  ];
  const seen = new Set<string>();
  return forms.filter(({ text }) => text.length >= MIN_SECRET_LENGTH && !seen.has(text) && seen.add(text));
}

export function redact(secret: string): string {
  return `${secret.slice(0, 3)}… (${secret.length} characters)`;
}

/** Every place in `text` (from `source`) where one of `secrets` appears in any of its encodings. */
export function findLeaks(secrets: readonly string[], text: string, source: string): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of new Set(secrets)) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const { form, text: encoded } of encodingsOf(secret)) {
      const at = text.indexOf(encoded);
      if (at < 0) continue;
      leaks.push({ secret: redact(secret), form, source, line: text.slice(0, at).split('\n').length });
      break;
    }
  }
  return leaks;
}

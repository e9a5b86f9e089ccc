// A Dockerfile read into instructions and stages, enough for the static rules in
// dockerfile-rules.ts: line continuations, comments, parser directives and `--flag=value` options.

export interface Instruction {
  keyword: string;
  /** The arguments after the keyword and its flags, continuation lines joined. */
  args: string;
  flags: Record<string, string>;
  line: number;
  /** Written in JSON (exec) form: `["executable", "arg"]`. */
  execForm: boolean;
}

export interface Stage {
  /** The image reference after FROM, or an earlier stage's name. */
  base: string;
  name: string | undefined;
  instructions: Instruction[];
  line: number;
}

export interface ParsedDockerfile {
  /** Instructions before the first FROM (global ARGs). */
  preamble: Instruction[];
  stages: Stage[];
}

function logicalLines(text: string): { content: string; line: number }[] {
  const result: { content: string; line: number }[] = [];
  let current: { content: string; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (current === undefined && (trimmed === '' || trimmed.startsWith('#'))) return;
    // A comment inside a continued instruction is dropped, as Docker does.
    if (current !== undefined && trimmed.startsWith('#')) return;
    const continued = /\\\s*$/.test(raw);
    const part = continued ? raw.replace(/\\\s*$/, '') : raw;
    current = current === undefined ? { content: part.trim(), line: index + 1 } : { ...current, content: `${current.content} ${part.trim()}` };
    if (!continued) {
      result.push(current);
      current = undefined;
    }
  });
  if (current !== undefined) result.push(current);
  return result;
}

function parseInstruction(content: string, line: number): Instruction {
  const [, keyword = '', rest = ''] = /^(\S+)\s*([\s\S]*)$/.exec(content) ?? [];
  const flags: Record<string, string> = {};
  let args = rest;
  for (;;) {
    const flag = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(args);
    if (!flag?.[1]) break;
    flags[flag[1]] = flag[2] ?? 'true';
    args = args.slice(flag[0].length);
  }
  return { keyword: keyword.toUpperCase(), args: args.trim(), flags, line, execForm: isExecForm(args) };
}

function isExecForm(args: string): boolean {
  const trimmed = args.trim();
  if (!trimmed.startsWith('[')) return false;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string');
  } catch {
    return false;
  }
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const parsed: ParsedDockerfile = { preamble: [], stages: [] };
  for (const { content, line } of logicalLines(text)) {
    const instruction = parseInstruction(content, line);
    if (instruction.keyword === 'FROM') {
      const [base = '', as, name] = instruction.args.split(/\s+/);
      parsed.stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [], line });
    } else {
      const stage = parsed.stages.at(-1);
      (stage ? stage.instructions : parsed.preamble).push(instruction);
    }
  }
  return parsed;
}

/** An image reference's parts: `registry/repo:tag@sha256:digest`. */
export function imageReference(reference: string): { repository: string; tag: string | undefined; digest: string | undefined } {
  const [withoutDigest = '', digest] = reference.split('@');
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  return colon === -1
    ? { repository: withoutDigest, tag: undefined, digest }
    : { repository: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
}

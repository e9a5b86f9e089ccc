import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiTokenSet } from './api-token';
import { parseApiTokenFile } from './api-token-file';

const README = path.resolve(__dirname, '../../../../README.md');
const FILE_LINE = '# api-tokens.json: ';

/** The README's recipe for a token: the shell lines that make it and its hash, and the line showing the file. */
function recipe(): { shell: string; fileExample: string } {
  const block = /```sh\n(TOKEN=[^`]*?sha256sum[^`]*?)```/.exec(readFileSync(README, 'utf8'))?.[1];
  if (block === undefined) throw new Error('README.md has no token recipe');
  const lines = block.split('\n');
  const fileLine = lines.find((line) => line.startsWith(FILE_LINE));
  if (fileLine === undefined) throw new Error('the token recipe shows no api-tokens.json');
  return { shell: lines.filter((line) => !line.startsWith('#')).join('\n'), fileExample: fileLine.slice(FILE_LINE.length) };
}

describe('the README’s API token recipe', () => {
  it('prints exactly the hex digest of the token, which the token file loads and authenticates with', () => {
    const { shell, fileExample } = recipe();
    // The recipe as an operator runs it, then the token it generated (normally handed to the operator).
    const [printed = '', token = ''] = execFileSync('bash', ['-c', `set -euo pipefail\n${shell}\nprintf '%s\\n' "$TOKEN"`], { encoding: 'utf8' }).split('\n');
    expect(printed).toMatch(/^[0-9a-f]{64}$/);
    expect(printed).toBe(createHash('sha256').update(token).digest('hex'));

    const tokens = new ApiTokenSet(parseApiTokenFile(fileExample.replace('<hex>', printed), { variable: 'API_TOKENS_FILE' }));
    expect(tokens.authenticate(token)).toEqual({ name: 'noc', roles: ['viewer'] });
    expect(tokens.authenticate(`${token}x`)).toBeUndefined();
  });

  it('would not load what sha256sum prints without the cut (`<hex>  -`)', () => {
    const { fileExample } = recipe();
    const untrimmed = `${'a'.repeat(64)}  -`;
    expect(() => parseApiTokenFile(fileExample.replace('<hex>', untrimmed), { variable: 'API_TOKENS_FILE' })).toThrow(/entry 0 sha256: must be the SHA-256/);
  });
});

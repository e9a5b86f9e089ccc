import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDockerfile, checkDockerignore, isIgnored } from './dockerfile-rules';

const repoRoot = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const TODAY = new Date('2026-12-06T00:00:00Z');

describe('the Dockerfile (checked statically: no Docker engine runs in CI)', () => {
  it('breaks none of the rules today', () => {
    expect(checkDockerfile(read('Dockerfile'), new Date())).toEqual([]);
  });

  it('ships one image whose launcher takes the app as its argument, printing its usage without one', () => {
    const text = read('Dockerfile');
    expect(text).toMatch(/^ENTRYPOINT \["\/usr\/local\/bin\/node", "--enable-source-maps", "\/app\/dist\/apps\/launcher\/src\/main\.js"\]$/m);
    expect(text).toMatch(/^CMD \["help"\]$/m);
  });
});

describe('the rules, on a deliberately broken Dockerfile', () => {
  const findings = checkDockerfile(read('tools/docker/fixtures/broken.Dockerfile'), TODAY);
  const linesOf = (rule: string) => findings.filter((finding) => finding.rule === rule).map((finding) => finding.line);

  it.each([
    ['DL3006', [3]],
    ['DL3007', [4]],
    ['pinned-digest', [3, 4, 8]],
    ['node-lts', [5, 6]],
    ['node-exact-version', [3, 4, 7]],
    ['no-secret-variable', [2, 10]],
    ['DL3000', [9]],
    ['DL3015', [11]],
    ['DL3008', [11, 12]],
    ['npm-ci', [13]],
    ['no-remote-add', [14]],
    ['DL3020', [15]],
    ['copy-chown', [17]],
    ['no-shell-run', [18]],
    ['DL3002', [20]],
    ['healthcheck', [21]],
    ['DL3025', [22, 23]],
    ['oci-labels', [16]],
    ['expose', [16]],
  ])('%s fires on lines %j', (rule, lines) => {
    expect(linesOf(rule)).toEqual(lines);
  });

  it('says why, naming the variable or the image', () => {
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'no-secret-variable', message: expect.stringContaining('DATABASE_PASSWORD') }));
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'node-lts', message: 'Node.js 20 reached its end of life on 2026-04-30' }));
  });

  it('asks for a numeric user when the last USER is a name', () => {
    const named = 'FROM scratch@sha256:' + 'a'.repeat(64) + '\nUSER nonroot\n';
    expect(checkDockerfile(named.replace('scratch@', 'scratch:1@'), TODAY).map((finding) => finding.rule)).toContain('numeric-user');
  });

  it('turns the shipped Node line away once it reaches its end of life', () => {
    const rules = checkDockerfile(read('Dockerfile'), new Date('2028-05-01T00:00:00Z')).map((finding) => finding.rule);
    expect(rules).toContain('node-lts');
  });

  it('follows continuation lines and drops comments inside them', () => {
    const text = `FROM a:1@sha256:${'b'.repeat(64)}\nRUN echo one \\\n# a comment\n && npm i left-pad\n`;
    expect(checkDockerfile(text, TODAY)).toContainEqual(expect.objectContaining({ rule: 'npm-ci', line: 2 }));
  });
});

describe('.dockerignore', () => {
  it('keeps installed, built and local files and secrets out of the build context', () => {
    expect(checkDockerignore(read('.dockerignore'))).toEqual([]);
  });

  it('finds what a deliberately incomplete one lets in', () => {
    const missing = checkDockerignore(read('tools/docker/fixtures/broken.dockerignore')).map((finding) => finding.message.split(' ')[0]);
    expect(missing).toEqual(['apps/connection/node_modules', '.cache', '.data', 'dist', 'coverage', 'certs/server.pem', 'keys/ca.key', '.env', 'secrets/pin']);
  });

  it('matches as Docker does: from the root, ** across folders, the last match wins', () => {
    expect(isIgnored(['**/node_modules'], 'a/b/node_modules/x')).toBe(true);
    expect(isIgnored(['node_modules'], 'a/node_modules')).toBe(false);
    expect(isIgnored(['*.pem', '!ca.pem'], 'ca.pem')).toBe(false);
    expect(isIgnored(['docs'], 'docs/adr/046.md')).toBe(true);
  });
});

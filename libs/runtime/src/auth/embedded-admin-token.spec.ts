import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError } from '@app/config';
import { ApiTokenSet, sha256 } from './api-token';
import { loadApiTokens } from './api-token.loader';
import { ensureEmbeddedAdminToken } from './embedded-admin-token';

describe('the embedded admin token', () => {
  let dir: string;

  beforeEach(() => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'csms-auth-')), 'data');
  });

  afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

  it('is generated on first start: the token in admin-token (0600), only its hash in api-tokens.json', () => {
    const files = ensureEmbeddedAdminToken(dir);
    const token = readFileSync(files.adminTokenFile, 'utf8').trim();
    expect(token).toMatch(/^csms_[A-Za-z0-9_-]{43}$/);
    expect(statSync(files.adminTokenFile).mode & 0o777).toBe(0o600);
    const stored = readFileSync(files.tokensFile, 'utf8');
    expect(stored).not.toContain(token);
    expect(JSON.parse(stored)).toEqual([{ name: 'embedded-admin', sha256: sha256(token).toString('hex'), roles: ['admin'] }]);
  });

  it('is kept on later starts', () => {
    const first = readFileSync(ensureEmbeddedAdminToken(dir).adminTokenFile, 'utf8');
    const second = readFileSync(ensureEmbeddedAdminToken(dir).adminTokenFile, 'utf8');
    expect(second).toBe(first);
  });

  it('rebuilds a deleted api-tokens.json from the admin token', () => {
    const files = ensureEmbeddedAdminToken(dir);
    const token = readFileSync(files.adminTokenFile, 'utf8').trim();
    unlinkSync(files.tokensFile);
    const loaded = loadApiTokens({ file: undefined, embeddedDir: dir });
    expect(loaded.tokens.authenticate(token)).toEqual({ name: 'embedded-admin', roles: ['admin'] });
  });

  it('lets the admin token through once loaded, and says where it is', () => {
    const loaded = loadApiTokens({ file: undefined, embeddedDir: dir });
    expect(loaded.origin).toBe('embedded');
    expect(loaded.adminTokenFile).toBe(path.join(dir, 'admin-token'));
    const token = readFileSync(path.join(dir, 'admin-token'), 'utf8').trim();
    expect(loaded.tokens.authenticate(token)?.roles).toEqual(['admin']);
  });

  it('names EMBEDDED_DATA_DIR when the kept api-tokens.json is broken', () => {
    ensureEmbeddedAdminToken(dir);
    writeFileSync(path.join(dir, 'api-tokens.json'), '{');
    expect(() => loadApiTokens({ file: undefined, embeddedDir: dir })).toThrow(new ConfigError('EMBEDDED_DATA_DIR', 'api-tokens.json: is not valid JSON (expected a list of { "name", "sha256", "roles" })'));
  });
});

describe('loadApiTokens', () => {
  it('prefers API_TOKENS_FILE, even in embedded mode', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csms-auth-'));
    const file = path.join(dir, 'tokens.json');
    writeFileSync(file, JSON.stringify([{ name: 'noc', sha256: sha256('t0ken-0123456789').toString('hex'), roles: ['viewer'] }]));
    const loaded = loadApiTokens({ file, embeddedDir: path.join(dir, 'data') });
    expect(loaded.origin).toBe('file');
    expect(loaded.tokens.authenticate('t0ken-0123456789')?.name).toBe('noc');
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops start-up when API_TOKENS_FILE cannot be read', () => {
    expect(() => loadApiTokens({ file: '/nonexistent/tokens.json', embeddedDir: undefined })).toThrow(new ConfigError('API_TOKENS_FILE', 'names a file that cannot be read (ENOENT)'));
  });

  it('accepts no token at all in distributed mode without a file', () => {
    const loaded = loadApiTokens({ file: undefined, embeddedDir: undefined });
    expect(loaded.origin).toBe('none');
    expect(loaded.tokens).toEqual(new ApiTokenSet([]));
  });
});

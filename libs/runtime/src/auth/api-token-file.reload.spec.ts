import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiTokenSet, sha256 } from './api-token';
import { parseApiTokenFile } from './api-token-file';
import { ApiTokenFileReload } from './api-token-file.reload';

const source = { variable: 'API_TOKENS_FILE' };
const entry = (name: string, token: string, extra: Record<string, unknown> = {}) => ({ name, sha256: sha256(token).toString('hex'), roles: ['viewer'], ...extra });

describe('ApiTokenFileReload', () => {
  let dir: string;
  let file: string;
  const logger = { info: jest.fn(), warn: jest.fn() };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'csms-token-reload-'));
    file = path.join(dir, 'api-tokens.json');
    logger.info.mockClear();
    logger.warn.mockClear();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function started(entries: unknown[]): ApiTokenFileReload {
    const text = JSON.stringify(entries);
    writeFileSync(file, text);
    return new ApiTokenFileReload(file, source, { tokens: new ApiTokenSet(parseApiTokenFile(text, source)), text }, logger);
  }

  it('does nothing while the file is unchanged', () => {
    const reload = started([entry('noc', 'token-a')]);
    expect(reload.reload()).toBe('unchanged');
    expect(reload.current().authenticate('token-a')?.name).toBe('noc');
    expect(logger.info).not.toHaveBeenCalled();
  });

  it('revokes a token removed from the file and admits one added to it', () => {
    const reload = started([entry('noc', 'token-a')]);
    writeFileSync(file, JSON.stringify([entry('ops', 'token-b')]));
    expect(reload.reload()).toBe('replaced');
    expect(reload.current().authenticate('token-a')).toBeUndefined();
    expect(reload.current().authenticate('token-b')?.name).toBe('ops');
    expect(logger.info).toHaveBeenCalledTimes(1);
  });

  it('sees a file replaced by an atomic rename', () => {
    const reload = started([entry('noc', 'token-a')]);
    writeFileSync(`${file}.new`, JSON.stringify([entry('noc', 'token-a', { expiresAt: '2000-01-01T00:00:00Z' })]));
    renameSync(`${file}.new`, file);
    expect(reload.reload()).toBe('replaced');
    expect(reload.current().check('token-a')).toEqual({ outcome: 'expired', name: 'noc' });
  });

  it('keeps the last good tokens when the file breaks or disappears, logging each problem once and never a hash', () => {
    const reload = started([entry('noc', 'token-a')]);
    writeFileSync(file, '[{');
    expect([reload.reload(), reload.reload()]).toEqual(['kept', 'kept']);
    expect(reload.current().authenticate('token-a')?.name).toBe('noc');
    rmSync(file);
    expect([reload.reload(), reload.reload()]).toEqual(['kept', 'kept']);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn.mock.calls.map(([fields]) => (fields as { failure: string }).failure)).toEqual([
      expect.stringContaining('is not valid JSON'),
      expect.stringContaining('cannot be read (ENOENT)'),
    ]);
    writeFileSync(file, JSON.stringify([entry('ops', 'token-b', { sha256: 'f'.repeat(63) })]));
    expect(reload.reload()).toBe('kept');
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('f'.repeat(63));
    writeFileSync(file, JSON.stringify([entry('ops', 'token-b')]));
    expect(reload.reload()).toBe('replaced');
    expect(reload.current().authenticate('token-b')?.name).toBe('ops');
  });
});

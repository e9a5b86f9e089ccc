import { StartupError } from '@app/config';
import { existsSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { locatePostgresBinaries, restoreSymlinks } from './postgres-binaries';

describe('restoreSymlinks', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'pg-binaries-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('recreates the library links the package lists, relative to their folder, and keeps existing ones', () => {
    mkdirSync(path.join(root, 'lib'));
    writeFileSync(path.join(root, 'lib', 'libpq.so.5.18'), '');
    const list = [
      { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so.5' },
      { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so' },
    ];
    writeFileSync(path.join(root, 'pg-symlinks.json'), JSON.stringify(list));
    restoreSymlinks(root);
    restoreSymlinks(root);
    expect(readlinkSync(path.join(root, 'lib', 'libpq.so.5'))).toBe('libpq.so.5.18');
    expect(existsSync(path.join(root, 'lib', 'libpq.so'))).toBe(true);
  });
});

describe('locatePostgresBinaries', () => {
  it('names the platform and the way out when no binaries exist for it', () => {
    const failure = (() => {
      try {
        locatePostgresBinaries('aix-ppc64');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as StartupError).failure).toContain('aix-ppc64');
    expect((failure as StartupError).remedy).toContain('DATABASE_URL');
  });

  it('finds this platform’s server and initdb', () => {
    const binaries = locatePostgresBinaries();
    expect(existsSync(binaries.postgres)).toBe(true);
    expect(existsSync(binaries.initdb)).toBe(true);
    expect(binaries.version).toMatch(/^\d+\.\d+/);
  });
});

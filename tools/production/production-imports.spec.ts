import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageNameOf, productionViolations, runtimeSpecifiers, scanImports } from './production-imports';

const repoRoot = path.resolve(__dirname, '../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));

describe('runtimeSpecifiers', () => {
  it('finds static, multi-line, re-exported, side-effect, dynamic and required imports', () => {
    const source = [
      "import 'reflect-metadata';",
      "import {\n  a,\n  b,\n} from './multi';",
      "export * from './barrel';",
      "export { c } from '@app/config';",
      "const lazy = () => import('@app/pki');",
      "const addon = require('pkcs11js');",
    ].join('\n');
    expect(runtimeSpecifiers(source).sort()).toEqual(['./barrel', './multi', '@app/config', '@app/pki', 'pkcs11js', 'reflect-metadata']);
  });

  it('leaves out imports the compiler erases', () => {
    const source = ["import type { Logger } from 'pino';", "import { type A, type B } from 'typescript';", "export type { C } from './types';"].join('\n');
    expect(runtimeSpecifiers(source)).toEqual([]);
  });

  it('keeps an import that mixes types and values', () => {
    expect(runtimeSpecifiers("import { type A, b } from 'zod';")).toEqual(['zod']);
  });

  it('names scoped and deep package imports by their package', () => {
    expect(packageNameOf('@nestjs/common/decorators')).toBe('@nestjs/common');
    expect(packageNameOf('ajv/dist/2020')).toBe('ajv');
  });
});

describe('productionViolations on a deliberately broken tree', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'production-imports-'));
    const write = (file: string, content: string) => {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    };
    write('apps/main/src/main.ts', "import { run } from './run';\nimport type { Config } from 'typescript';\nvoid run(() => import('@lib/late'));\n");
    write('apps/main/src/run.ts', "import { z } from 'zod';\nexport const run = (load: unknown) => z.parse(load);\n");
    write('libs/late/src/index.ts', "import { expect } from 'dev-only-helper';\nimport 'transitive-only';\nexport const late = expect;\n");
    write('libs/unreached/src/index.ts', "import 'never-loaded';\n");
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('flags a devDependency behind an alias and a dynamic import, and a package only installed transitively', () => {
    const scan = scanImports({ root, paths: { '@lib/late': ['libs/late/src'] }, entries: ['apps/main/src/main.ts'] });
    expect([...scan.packages.keys()].sort()).toEqual(['dev-only-helper', 'transitive-only', 'zod']);
    const violations = productionViolations(
      scan.packages,
      { dependencies: { zod: '^4' }, devDependencies: { 'dev-only-helper': '^1', typescript: '5.9' } },
      { packages: { 'node_modules/zod': {}, 'node_modules/dev-only-helper': { dev: true }, 'node_modules/transitive-only': {} } },
    );
    expect(violations).toEqual([
      expect.stringMatching(/^dev-only-helper \(loaded by libs\/late\/src\/index\.ts\) is a devDependency/),
      expect.stringMatching(/^transitive-only .* is not in dependencies/),
    ]);
  });

  it('flags a declared dependency that the lock still marks dev-only', () => {
    const violations = productionViolations(new Map([['zod', 'a.ts']]), { dependencies: { zod: '^4' } }, { packages: { 'node_modules/zod': { dev: true } } });
    expect(violations).toEqual([expect.stringContaining('marked dev-only in package-lock.json')]);
  });

  it('fails loudly on an import that resolves nowhere, rather than skipping it', () => {
    writeFileSync(path.join(root, 'apps/main/src/broken.ts'), "import './missing';\n");
    expect(() => scanImports({ root, paths: {}, entries: ['apps/main/src/broken.ts'] })).toThrow('cannot resolve ./missing');
  });
});

describe('the production launcher', () => {
  const scan = scanImports({ root: repoRoot, paths: readJson('tsconfig.json').compilerOptions.paths, entries: ['apps/launcher/src/main.ts'] });

  it('reaches every app it can start (so the check below covers them)', () => {
    for (const file of ['apps/connection/src/connection.module.ts', 'apps/smart-charging/src/smart-charging.module.ts', 'apps/pki/src/pki.module.ts', 'apps/embedded/src/embedded.process.ts']) {
      expect(scan.files).toContain(file);
    }
  });

  it('loads nothing from test/ or bench/, which the image does not ship', () => {
    expect([...scan.files].filter((file) => file.startsWith('test/') || file.startsWith('bench/'))).toEqual([]);
  });

  it('loads no package that npm ci --omit=dev leaves out', () => {
    expect(productionViolations(scan.packages, readJson('package.json'), readJson('package-lock.json'))).toEqual([]);
  });
});

import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

// The production image installs `npm ci --omit=dev`: every package the launcher's code can load
// must survive that. This follows the TypeScript import graph from an entry file (static imports,
// re-exports, `import()` and `require()`, through the tsconfig path aliases) and checks each
// package it reaches against package.json and package-lock.json.

export interface ImportScanOptions {
  /** Folder the tsconfig `paths` are relative to (the repo root). */
  root: string;
  /** tsconfig compilerOptions.paths. */
  paths: Record<string, string[]>;
  /** Files to start from, relative to root. */
  entries: string[];
}

export interface ImportScan {
  /** Every source file reached, relative to root. */
  files: Set<string>;
  /** Each external package reached, with the first file (relative to root) that loads it. */
  packages: Map<string, string>;
}

const builtins = new Set(builtinModules);
const IMPORT_FROM = /(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?([^;'"`]*?)\s*from\s*['"]([^'"]+)['"]/g;
const SIDE_EFFECT_IMPORT = /(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g;
const CALL_IMPORT = /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `{ type A, type B }` without a default import is erased by the compiler: nothing is loaded. */
function onlyTypes(clause: string): boolean {
  const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!braces?.[1]) return false;
  const names = braces[1].split(',').map((name) => name.trim()).filter(Boolean);
  return names.length > 0 && names.every((name) => name.startsWith('type '));
}

/** The specifiers a file loads at run time (type-only imports left out). */
export function runtimeSpecifiers(source: string): string[] {
  const found: string[] = [];
  for (const [, typeKeyword, clause = '', specifier = ''] of source.matchAll(IMPORT_FROM)) {
    if (typeKeyword === undefined && !onlyTypes(clause)) found.push(specifier);
  }
  for (const [, specifier = ''] of source.matchAll(SIDE_EFFECT_IMPORT)) found.push(specifier);
  for (const [, specifier = ''] of source.matchAll(CALL_IMPORT)) found.push(specifier);
  return found;
}

export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function sourceFileAt(base: string): string | undefined {
  const candidates = [base, `${base}.ts`, path.join(base, 'index.ts'), `${base}.js`, `${base}.json`];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

function aliasTargets(specifier: string, paths: Record<string, string[]>): string[] | undefined {
  for (const [pattern, targets] of Object.entries(paths)) {
    if (pattern === specifier) return targets;
    if (pattern.endsWith('/*') && specifier.startsWith(pattern.slice(0, -1))) {
      const rest = specifier.slice(pattern.length - 1);
      return targets.map((target) => target.replace('*', rest));
    }
  }
  return undefined;
}

export function scanImports(options: ImportScanOptions): ImportScan {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const pending = options.entries.map((entry) => path.resolve(options.root, entry));
  while (pending.length > 0) {
    const file = pending.pop() as string;
    const relative = path.relative(options.root, file);
    if (files.has(relative)) continue;
    files.add(relative);
    if (!file.endsWith('.ts') && !file.endsWith('.js')) continue;
    for (const specifier of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      const local = resolveLocal(specifier, file, options);
      if (local !== undefined) {
        pending.push(local);
        continue;
      }
      const name = packageNameOf(specifier.replace(/^node:/, ''));
      if (specifier.startsWith('node:') || builtins.has(name)) continue;
      if (!packages.has(name)) packages.set(name, relative);
    }
  }
  return { files, packages };
}

/** A relative or aliased specifier's file; undefined for a package. Throws for one that resolves nowhere. */
function resolveLocal(specifier: string, importer: string, options: ImportScanOptions): string | undefined {
  if (specifier.startsWith('.')) {
    const file = sourceFileAt(path.resolve(path.dirname(importer), specifier));
    if (file === undefined) throw new Error(`${path.relative(options.root, importer)}: cannot resolve ${specifier}`);
    return file;
  }
  const targets = aliasTargets(specifier, options.paths);
  if (targets === undefined) return undefined;
  const file = targets.map((target) => sourceFileAt(path.resolve(options.root, target))).find((found) => found !== undefined);
  if (file === undefined) throw new Error(`${path.relative(options.root, importer)}: alias ${specifier} resolves to no file`);
  return file;
}

interface LockEntry {
  dev?: boolean;
}

export interface PackageManifest {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Why a reached package would be missing from (or only by chance in) an `npm ci --omit=dev` install. */
export function productionViolations(packages: Map<string, string>, manifest: PackageManifest, lock: { packages: Record<string, LockEntry> }): string[] {
  const violations: string[] = [];
  for (const [name, importer] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
    const declared = manifest.dependencies?.[name] ?? manifest.optionalDependencies?.[name];
    const entry = lock.packages[`node_modules/${name}`];
    if (manifest.devDependencies?.[name] !== undefined && declared === undefined) {
      violations.push(`${name} (loaded by ${importer}) is a devDependency: npm ci --omit=dev leaves it out`);
    } else if (declared === undefined) {
      violations.push(`${name} (loaded by ${importer}) is not in dependencies: it is only there as another package's dependency`);
    } else if (entry === undefined || entry.dev === true) {
      violations.push(`${name} (loaded by ${importer}) is marked dev-only in package-lock.json: run npm install to refresh the lock`);
    }
  }
  return violations;
}

#!/usr/bin/env node
// Compiles apps/, libs/, test/support and bench/ to dist/ with SWC (type checking is `npm run typecheck`), and bundles
// the operator console (apps/console, a browser app) with Vite into dist/apps/console.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');
const { swcOptions, repoRoot } = require('./swc-options');

const sourceRoots = ['apps', 'libs', 'test/support', 'bench'];
const outDir = path.join(repoRoot, 'dist');
const consoleRoot = path.join(repoRoot, 'apps', 'console');

function* typescriptFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (full !== consoleRoot) yield* typescriptFiles(full);
    }
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) yield full;
  }
}

async function compile(file) {
  const relative = path.relative(repoRoot, file);
  const target = path.join(outDir, relative.replace(/\.ts$/, '.js'));
  const { code, map } = await swc.transformFile(file, { ...swcOptions(), filename: file, outputPath: target });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, map ? `${code}\n//# sourceMappingURL=${path.basename(target)}.map` : code);
  if (map) fs.writeFileSync(`${target}.map`, map);
}

async function main() {
  const started = Date.now();
  fs.rmSync(outDir, { recursive: true, force: true });
  const files = sourceRoots.flatMap((root) => [...typescriptFiles(path.join(repoRoot, root))]);
  await Promise.all(files.map(compile));
  process.stdout.write(`built ${files.length} files into dist/ in ${Date.now() - started} ms\n`);
  const bundled = Date.now();
  // Vite is an ES module only: imported, not required.
  const { build } = await import('vite');
  await build({ configFile: path.join(consoleRoot, 'vite.config.mts') });
  process.stdout.write(`built the console into dist/apps/console in ${Date.now() - bundled} ms\n`);
}

main().catch((error) => {
  process.stderr.write(`build failed: ${error.stack ?? error}\n`);
  process.exit(1);
});

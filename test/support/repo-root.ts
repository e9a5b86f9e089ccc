import { existsSync } from 'node:fs';
import path from 'node:path';

/** The checkout's root, found from this file whether it runs from source (jest) or from dist/ (benchmarks). */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'tools/kafka'))) return dir;
  }
  throw new Error(`no repository root above ${__dirname}`);
}

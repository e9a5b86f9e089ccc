import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type OcppVersion, actionsOf } from '@app/ocpp';

// docs/ocpp-coverage.md promises one row per action of each version: a new schema action, or a
// row lost in an edit, fails here.

const doc = readFileSync(path.join(__dirname, '../../../docs/ocpp-coverage.md'), 'utf8');

function rowsOf(version: OcppVersion): string[][] {
  const section = doc.split(/^## /m).find((part) => part.startsWith(`OCPP ${version}\n`)) ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Action') && !line.startsWith('| ---'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

describe('docs/ocpp-coverage.md', () => {
  it.each(['1.6', '2.0.1'] as const)('has one row for every OCPP %s action', (version) => {
    const actions = rowsOf(version).map(([action]) => action);
    expect([...actions].sort()).toEqual([...actionsOf(version)].sort());
  });

  it.each(['1.6', '2.0.1'] as const)('says for every OCPP %s action what the CSMS does and where an operator sees it', (version) => {
    for (const [action, direction, does, , rest] of rowsOf(version)) {
      expect({ action, direction: ['Station → CSMS', 'CSMS → station', 'Both'].includes(direction ?? '') }).toEqual({ action, direction: true });
      expect({ action, does: (does ?? '').length > 5, rest: (rest ?? '').length > 0 }).toEqual({ action, does: true, rest: true });
    }
  });
});

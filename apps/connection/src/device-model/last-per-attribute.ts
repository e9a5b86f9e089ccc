import type { AttributeType, VariableAddress } from './device-model.types';
import { variableKeyOf } from './variable-key';

/**
 * One row per stored attribute (variable key and attribute type), the last one named winning: a
 * report may name the same attribute twice, and one upsert cannot write a row twice (SQLSTATE
 * 21000), which withheld the answer for ever (found by the gateway fuzz). The order of the rest stays.
 */
export function lastPerAttribute<T extends VariableAddress & { type: AttributeType }>(rows: readonly T[]): T[] {
  const last = new Map<string, number>();
  rows.forEach((row, index) => last.set(`${variableKeyOf(row)}\u0000${row.type}`, index));
  return rows.filter((row, index) => last.get(`${variableKeyOf(row)}\u0000${row.type}`) === index);
}

import { assembleParts } from '@app/ocpp';
import type { ReportedVariable } from './device-model.types';
import { variableKeyOf } from './variable-key';

/** What is known of the parts received for one request id. */
export interface ReceivedPart {
  seqNo: number;
  tbc: boolean;
}

export interface Assembly {
  complete: boolean;
  /** Sequence numbers still missing before the last part (known once the part with tbc false came). */
  missing: number[];
}

/**
 * A report is complete when its last part (tbc false) and every part before it (seqNo from 0)
 * have arrived, in any order; a part received twice counts once.
 */
export function assemblyOf(parts: readonly ReceivedPart[]): Assembly {
  const { complete, last, missing } = assembleParts(parts);
  return { complete, missing: last === undefined ? [] : missing };
}

/** The variables of all parts in sequence order; a variable reported twice keeps its latest description. */
export function assembledVariables(parts: readonly { seqNo: number; variables: readonly ReportedVariable[] }[]): ReportedVariable[] {
  const byKey = new Map<string, ReportedVariable>();
  for (const part of [...parts].sort((a, b) => a.seqNo - b.seqNo)) {
    for (const variable of part.variables) byKey.set(variableKeyOf(variable), variable);
  }
  return [...byKey.values()];
}

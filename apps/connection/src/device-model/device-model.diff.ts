import type { AttributeType, ReportedVariable } from './device-model.types';
import { variableKeyOf } from './variable-key';

/** The identity of one stored row. */
export interface AttributeKey {
  variableKey: string;
  attributeType: AttributeType;
}

const keyText = (key: AttributeKey) => `${key.attributeType} ${key.variableKey}`;

/** The attribute rows a set of reported variables makes up. */
export function attributeKeysOf(variables: readonly ReportedVariable[]): AttributeKey[] {
  return variables.flatMap((variable) => variable.attributes.map((attribute) => ({ variableKey: variableKeyOf(variable), attributeType: attribute.type })));
}

/**
 * A complete inventory replaces what was stored: the rows it no longer reports go (a variable
 * the station dropped, an attribute it stopped having); the ones it reports are written over.
 */
export function rowsToRemove(stored: readonly AttributeKey[], reported: readonly ReportedVariable[]): AttributeKey[] {
  const kept = new Set(attributeKeysOf(reported).map(keyText));
  return stored.filter((key) => !kept.has(keyText(key)));
}

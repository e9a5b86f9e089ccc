import type { ActionOf } from '../messages';
import type { OcppVersion, Side } from '../ocpp-version';
import type { Initiator } from './initiator';
import { ocpp16Catalogue } from './ocpp16.catalogue';
import { ocpp201Catalogue } from './ocpp201.catalogue';

const catalogues: { readonly [V in OcppVersion]: Readonly<Record<ActionOf<V>, Initiator>> } = {
  '1.6': ocpp16Catalogue,
  '2.0.1': ocpp201Catalogue,
};

function entries(version: OcppVersion): Readonly<Record<string, Initiator>> {
  return catalogues[version];
}

export function isKnownAction<V extends OcppVersion>(version: V, action: string): action is ActionOf<V> {
  return Object.prototype.hasOwnProperty.call(entries(version), action);
}

/** Who sends the CALL of `action` in `version`; undefined for an action the version does not define. */
export function initiatorOf(version: OcppVersion, action: string): Initiator | undefined {
  return isKnownAction(version, action) ? entries(version)[action] : undefined;
}

/** Every action of `version`, sorted. */
export function actionsOf<V extends OcppVersion>(version: V): readonly ActionOf<V>[] {
  return (Object.keys(catalogues[version]) as ActionOf<V>[]).sort();
}

/** True when `side` may send the CALL of `action` (false for unknown actions too). */
export function maySend(version: OcppVersion, side: Side, action: string): boolean {
  const initiator = initiatorOf(version, action);
  return initiator === 'both' || initiator === side;
}

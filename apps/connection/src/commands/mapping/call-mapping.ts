import type { ActionOf, OcppVersion, RequestOf } from '@app/ocpp';

/** A command that cannot be expressed in the station's version; nothing is sent. */
export interface Refusal {
  readonly ok: false;
  readonly reason: string;
}

/** The CALL that carries a command to a station. */
export interface OcppCall {
  readonly ok: true;
  readonly action: string;
  readonly payload: object;
}

export type CallMapping = OcppCall | Refusal;

/** A part of a mapping (a profile, a variable name, ...) that may be refused. */
export type Mapped<T> = { readonly ok: true; readonly value: T } | Refusal;

export function refuse(reason: string): Refusal {
  return { ok: false, reason };
}

export function mapped<T>(value: T): Mapped<T> {
  return { ok: true, value };
}

/** A CALL whose payload the compiler checks against the generated type of `action` in `version`. */
export function call<V extends OcppVersion, A extends ActionOf<V>>(_version: V, action: A, payload: RequestOf<V, A> & object): OcppCall {
  return { ok: true, action, payload };
}

/** A CALL of an action the compiler cannot check (a raw call, a type the generator gets wrong). */
export function uncheckedCall(action: string, payload: object): OcppCall {
  return { ok: true, action, payload };
}

/** Picks the mapping for `version`; a record over every version, so a new version must be handled. */
export function byVersion<T>(version: OcppVersion, mappings: Readonly<Record<OcppVersion, () => T>>): T {
  return mappings[version]();
}

/** Maps every item, or the first refusal. */
export function mapAll<T, U>(items: readonly T[], map: (item: T) => Mapped<U>): Mapped<U[]> {
  const values: U[] = [];
  for (const item of items) {
    const result = map(item);
    if (!result.ok) return result;
    values.push(result.value);
  }
  return mapped(values);
}

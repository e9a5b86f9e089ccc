import { timestampDate } from '@app/contracts';
import type { NeutralTimestamp } from './neutral-command.types';

const INT32_MAX = 2 ** 31 - 1;

type UndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];
/** `T` with its possibly-undefined properties made optional instead. */
export type Compacted<T> = Omit<T, UndefinedKeys<T>> & { [K in UndefinedKeys<T>]?: Exclude<T[K], undefined> };

/**
 * The object without its undefined properties. Payloads are built with every optional field
 * spelled out (`evseId: positive(evseId)`) and compacted, so an absent field is absent on the wire
 * (a present `undefined` would fail the schema).
 */
export function compact<const T extends object>(value: T): Compacted<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Compacted<T>;
}

/** Proto3 has no presence for scalars: 0 means "not given". */
export function positive(value: number): number | undefined {
  return value > 0 ? value : undefined;
}

/** Proto3 has no presence for strings: "" means "not given". */
export function nonEmpty(value: string): string | undefined {
  return value === '' ? undefined : value;
}

/**
 * ISO 8601 in UTC. A timestamp outside the years 0000-9999 cannot be written as an OCPP date-time;
 * it is written as text the schema refuses, so the refusal names the offending field.
 */
export function isoTime(timestamp: NeutralTimestamp): string;
export function isoTime(timestamp: NeutralTimestamp | undefined): string | undefined;
export function isoTime(timestamp: NeutralTimestamp | undefined): string | undefined {
  if (timestamp === undefined) return undefined;
  const date = timestampDate(timestamp);
  return Number.isNaN(date.getTime()) ? 'invalid timestamp' : date.toISOString();
}

/** The 32-bit integer a decimal string spells (OCPP integers are 32-bit), else undefined. */
export function int32Of(text: string): number | undefined {
  if (!/^-?\d{1,10}$/.test(text)) return undefined;
  const value = Number(text);
  return Math.abs(value) <= INT32_MAX ? value : undefined;
}

/** An int64 contract field as an OCPP integer, else undefined when it does not fit. */
export function int32OfBigint(value: bigint): number | undefined {
  return value >= -INT32_MAX && value <= INT32_MAX ? Number(value) : undefined;
}

/** Looks a name up in a table without reaching inherited properties such as "toString". */
export function lookup<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** The list as a non-empty tuple (what `minItems: 1` generates), else undefined. */
export function nonEmptyList<T>(items: readonly T[]): [T, ...T[]] | undefined {
  const [first, ...rest] = items;
  return first === undefined ? undefined : [first, ...rest];
}

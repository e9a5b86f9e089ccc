import type { LimitSlot, LimitValue, ScheduleView, Triple } from './site-types';

/** A number input's value: Mantine gives '' for an empty field. */
export type Amount = number | string;

export interface LimitFields {
  l1: Amount;
  l2: Amount;
  l3: Amount;
  totalW: Amount;
}

export interface SlotFields extends LimitFields {
  /** `datetime-local` text (the browser's time zone). */
  start: string;
  durationMin: Amount;
}

export interface LimitForm {
  default: LimitFields;
  slots: SlotFields[];
}

/** Field errors by form path: `default.perPhaseA.0`, `slots.1.start`, `slots.1` (the slot as a whole). */
export type FieldErrors = Record<string, string>;

const emptyLimit: LimitFields = { l1: '', l2: '', l3: '', totalW: '' };

function limitFields(limit: LimitValue | null | undefined): LimitFields {
  if (!limit) return { ...emptyLimit };
  return { l1: limit.perPhaseA?.[0] ?? '', l2: limit.perPhaseA?.[1] ?? '', l3: limit.perPhaseA?.[2] ?? '', totalW: limit.totalW ?? '' };
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * An instant as a `datetime-local` value in the browser's time zone, with its seconds (and milliseconds) when it has
 * any: re-saving a schedule must not move a slot that starts at 17:00:30 to 17:00 (the input takes them with step 1).
 */
export function localInputOf(iso: string): string {
  const date = new Date(iso);
  const minutes = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const ms = date.getMilliseconds();
  if (date.getSeconds() === 0 && ms === 0) return minutes;
  return `${minutes}:${pad(date.getSeconds())}${ms === 0 ? '' : `.${String(ms).padStart(3, '0')}`}`;
}

export function emptySlot(now: number = Date.now()): SlotFields {
  return { ...emptyLimit, start: localInputOf(new Date(now + 3_600_000).toISOString()), durationMin: 60 };
}

/** The editor's fields for a schedule (or an empty form when the source has none yet). */
export function formOf(schedule: Pick<ScheduleView, 'default' | 'slots'> | null): LimitForm {
  if (!schedule) return { default: { ...emptyLimit }, slots: [] };
  return {
    default: limitFields(schedule.default),
    slots: schedule.slots.map((slot) => ({ ...limitFields(slot), start: localInputOf(slot.start), durationMin: Math.round((slot.durationS / 60) * 100) / 100 })),
  };
}

const given = (value: Amount) => value !== '' && value !== null && value !== undefined;

function limitOf(fields: LimitFields, path: string, errors: FieldErrors): LimitValue | null {
  const phases = [fields.l1, fields.l2, fields.l3];
  const limit: LimitValue = {};
  const phaseCount = phases.filter(given).length;
  if (phaseCount === 3) limit.perPhaseA = phases.map(Number) as Triple;
  else if (phaseCount > 0) phases.forEach((value, index) => !given(value) && (errors[`${path}.perPhaseA.${index}`] = 'give all three phases, or none'));
  if (given(fields.totalW)) limit.totalW = Number(fields.totalW);
  return limit.perPhaseA === undefined && limit.totalW === undefined ? null : limit;
}

/**
 * The PUT body for a form, with the errors the API would give anyway in words that point at the inputs (a start
 * that is not a time, a phase left out); the API checks the rest (ranges, overlaps) and its errors map back with
 * `fieldErrorsOfApi`.
 */
export function bodyOf(form: LimitForm, version: number | undefined): { body: { default: LimitValue | null; slots: LimitSlot[]; version?: number }; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const slots = form.slots.map((fields, index) => {
    const path = `slots.${index}`;
    const at = new Date(fields.start);
    if (!fields.start || Number.isNaN(at.getTime())) errors[`${path}.start`] = 'must be a date and time';
    const limit = limitOf(fields, path, errors);
    if (!limit && !errors[`${path}.perPhaseA.0`]) errors[path] = 'give a limit per phase or in total';
    const slot: LimitSlot = { start: Number.isNaN(at.getTime()) ? fields.start : at.toISOString(), durationS: Math.round(Number(fields.durationMin) * 60), ...(limit ?? {}) };
    if (!given(fields.durationMin) || slot.durationS < 1) errors[`${path}.durationS`] = 'give a duration of at least a second';
    return slot;
  });
  // Without a version (a source with no schedule yet) the API replaces whatever is there: it has no create-only
  // write (version is at least 1, no If-None-Match), so two first saves racing end with the later one, not a 409.
  const body = { default: limitOf(form.default, 'default', errors), slots, ...(version === undefined ? {} : { version }) };
  return { body, errors };
}

/** The API names fields `body.slots[0].perPhaseA[1]`; the form names them `slots.0.perPhaseA.1`. */
export function fieldErrorsOfApi(errors: readonly string[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const entry of errors) {
    const split = entry.indexOf(': ');
    const field = split > 0 ? entry.slice(0, split) : '';
    if (!field.startsWith('body.')) {
      other.push(entry);
      continue;
    }
    const path = field.slice('body.'.length).replace(/\[(\d+)\]/g, '.$1');
    fields[path] = fields[path] ? `${fields[path]}; ${entry.slice(split + 2)}` : entry.slice(split + 2);
  }
  return { fields, other };
}

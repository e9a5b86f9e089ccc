import type { Protocol } from './station-types';
import { type TransactionOption, transactionIdOf } from './transaction-choice';

/**
 * The common commands the station page offers, as small forms: their fields, which OCPP versions take each field,
 * and the body `POST /stations/{id}/commands/{name}` expects (apps/connection/src/api/commands/remote-control.commands.ts).
 */
export type CommandName = 'reset' | 'unlock-connector' | 'remote-start' | 'remote-stop' | 'trigger-message' | 'change-availability';

export interface CommandField {
  name: string;
  label: string;
  /** `transaction`: one of the station's active transactions, or another id typed (transaction-choice.ts). */
  kind: 'select' | 'number' | 'text' | 'transaction';
  /** Select options; a function of the station's version where they differ. */
  options?: (protocol: Protocol) => readonly string[];
  required?: boolean;
  /** Only these versions take the field (e.g. a 2.0.1 EVSE reset); absent: all. */
  only?: readonly Protocol[];
  initial?: string;
  description?: string;
}

export interface CommandForm {
  name: CommandName;
  title: string;
  fields: readonly CommandField[];
  /** Disruptive commands are confirmed first; this says what will happen. */
  confirm?: (values: Readonly<Record<string, string>>) => string | undefined;
}

const v2: readonly Protocol[] = ['ocpp2.0.1', 'ocpp2.1'];

/** TriggerMessage's messages per version (1.6 certificate ones go as ExtendedTriggerMessage, which the API picks). */
export function triggerableMessages(protocol: Protocol): readonly string[] {
  return protocol === 'ocpp1.6'
    ? ['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'FirmwareStatusNotification', 'DiagnosticsStatusNotification', 'LogStatusNotification', 'SignChargePointCertificate']
    : ['BootNotification', 'Heartbeat', 'StatusNotification', 'MeterValues', 'TransactionEvent', 'FirmwareStatusNotification', 'LogStatusNotification', 'SignChargingStationCertificate', 'SignV2GCertificate', 'SignCombinedCertificate', 'PublishFirmwareStatusNotification'];
}

const idTokenTypes = ['ISO14443', 'ISO15693', 'eMAID', 'Central', 'KeyCode', 'Local', 'MacAddress', 'NoAuthorization'] as const;

export const commandForms: readonly CommandForm[] = [
  {
    name: 'reset',
    title: 'Reset',
    fields: [
      { name: 'type', label: 'Reset type', kind: 'select', options: () => ['soft', 'hard'], required: true, initial: 'soft', description: 'soft waits until idle; hard restarts now' },
      { name: 'evseId', label: 'EVSE (empty: whole station)', kind: 'number', only: v2 },
    ],
    confirm: (values) => `Reset ${values.evseId ? `EVSE ${values.evseId}` : 'the station'} (${values.type ?? 'soft'})? Charging in progress may stop.`,
  },
  {
    name: 'unlock-connector',
    title: 'Unlock connector',
    fields: [
      { name: 'evseId', label: 'EVSE', kind: 'number', required: true, initial: '1' },
      { name: 'connectorId', label: 'Connector', kind: 'number', only: v2 },
    ],
    confirm: (values) => `Unlock EVSE ${values.evseId ?? '?'}? A cable in use is released.`,
  },
  {
    name: 'remote-start',
    title: 'Remote start',
    fields: [
      { name: 'idToken', label: 'Id token', kind: 'text', required: true },
      { name: 'idTokenType', label: 'Id token type', kind: 'select', options: () => idTokenTypes, only: v2, initial: 'Central' },
      { name: 'evseId', label: 'EVSE (empty: the station chooses)', kind: 'number' },
    ],
  },
  {
    name: 'remote-stop',
    title: 'Remote stop',
    fields: [{ name: 'transactionId', label: 'Transaction id', kind: 'transaction', required: true }],
    confirm: (values) => `Stop transaction ${values.transactionId ?? ''}?`,
  },
  {
    name: 'trigger-message',
    title: 'Trigger message',
    fields: [
      { name: 'message', label: 'Message', kind: 'select', options: triggerableMessages, required: true, initial: 'StatusNotification' },
      { name: 'evseId', label: 'EVSE (optional)', kind: 'number' },
    ],
  },
  {
    name: 'change-availability',
    title: 'Change availability',
    fields: [
      { name: 'availability', label: 'Availability', kind: 'select', options: () => ['operative', 'inoperative'], required: true, initial: 'inoperative' },
      { name: 'evseId', label: 'EVSE (empty: whole station)', kind: 'number' },
      { name: 'connectorId', label: 'Connector', kind: 'number', only: v2 },
    ],
    confirm: (values) => (values.availability === 'inoperative' ? `Make ${values.evseId ? `EVSE ${values.evseId}` : 'the whole station'} inoperative? It stops taking new sessions.` : undefined),
  },
];

/** The fields a station of this version takes (a station not connected: assume 2.0.1's superset, the API says no if not). */
export function fieldsFor(form: CommandForm, protocol: Protocol | null): CommandField[] {
  return form.fields.filter((field) => !field.only || field.only.includes(protocol ?? 'ocpp2.0.1'));
}

export function initialValues(form: CommandForm): Record<string, string> {
  return Object.fromEntries(form.fields.filter((field) => field.initial !== undefined).map((field) => [field.name, field.initial ?? '']));
}

/** The form's values as sent: each transaction field holds the id selected, or the one typed under "another id". */
export function resolvedValues(form: CommandForm, values: Readonly<Record<string, string>>, transactions: readonly TransactionOption[]): Record<string, string> {
  const resolved = { ...values };
  for (const field of form.fields) if (field.kind === 'transaction') resolved[field.name] = transactionIdOf(field.name, values, transactions);
  return resolved;
}

/** The request body from the form's text values: numbers as numbers, blanks left out; or the first field missing. */
export function commandBodyOf(form: CommandForm, protocol: Protocol | null, values: Readonly<Record<string, string>>): { body: Record<string, unknown> } | { missing: string } {
  const body: Record<string, unknown> = {};
  for (const field of fieldsFor(form, protocol)) {
    const raw = (values[field.name] ?? '').trim();
    if (raw === '') {
      if (field.required) return { missing: field.label };
      continue;
    }
    if (field.kind === 'number') {
      const number = Number(raw);
      if (!Number.isInteger(number)) return { missing: `${field.label} (a whole number)` };
      body[field.name] = number;
    } else body[field.name] = raw;
  }
  return { body };
}

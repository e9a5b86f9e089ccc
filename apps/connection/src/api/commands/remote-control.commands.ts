import { z } from 'zod';
import { chargingProfileSchema, neutralChargingProfile } from './charging-profile.json';
import { command, connectorIdField, evseIdField, idTokenTypeField } from './command-spec';

// Starting and stopping transactions, resets, connectors and availability, triggered messages.

const TRIGGERABLE = [
  'BootNotification',
  'Heartbeat',
  'StatusNotification',
  'MeterValues',
  'FirmwareStatusNotification',
  'LogStatusNotification',
  'DiagnosticsStatusNotification',
  'SecurityLogStatusNotification',
  'SignChargingStationCertificate',
  'SignChargePointCertificate',
  'SignV2GCertificate',
  'SignCombinedCertificate',
  'TransactionEvent',
  'PublishFirmwareStatusNotification',
] as const;

export const remoteControlCommands = {
  'remote-start': command({
    summary: 'Start a transaction remotely',
    description: '1.6 RemoteStartTransaction / 2.0.1 RequestStartTransaction. 2.0.1 answers the remoteStartId (and the transaction id if it already started).',
    fields: {
      idToken: z.string().min(1).max(36).meta({ description: 'The token to start with (1.6 idTag: at most 20 characters).' }),
      idTokenType: idTokenTypeField,
      evseId: evseIdField('EVSE to start on (1.6: connector); omitted: the station chooses.').optional(),
      remoteStartId: z.number().int().min(1).max(2147483647).optional().meta({ description: '2.0.1 remoteStartId; derived from the command id when omitted.' }),
      chargingProfile: chargingProfileSchema.optional().meta({ description: 'A tx profile for the new transaction.' }),
    },
    refine: (input, context) => {
      if (input.chargingProfile && input.chargingProfile.purpose !== 'tx') context.addIssue({ code: 'custom', path: ['chargingProfile', 'purpose'], message: 'must be tx for a remote start' });
      if (input.chargingProfile?.transactionId !== undefined) context.addIssue({ code: 'custom', path: ['chargingProfile', 'transactionId'], message: 'the transaction does not exist yet' });
    },
    toBody: (input) => ({
      case: 'remoteStart',
      value: {
        evseId: input.evseId ?? 0,
        idToken: { value: input.idToken, type: input.idTokenType ?? '' },
        chargingProfile: input.chargingProfile && neutralChargingProfile(input.chargingProfile),
        remoteStartId: input.remoteStartId ?? 0,
      },
    }),
  }),
  'remote-stop': command({
    summary: 'Stop a transaction remotely',
    description: '1.6 RemoteStopTransaction / 2.0.1 RequestStopTransaction.',
    fields: { transactionId: z.string().min(1).max(36).meta({ description: 'The transaction id (1.6: an integer).' }) },
    toBody: (input) => ({ case: 'remoteStop', value: { transactionId: input.transactionId } }),
  }),
  reset: command({
    summary: 'Reset the station',
    description: 'hard: 1.6 Hard / 2.0.1 Immediate; soft: 1.6 Soft / 2.0.1 OnIdle. Resetting one EVSE is 2.0.1 only.',
    fields: {
      type: z.enum(['hard', 'soft']).default('soft'),
      evseId: evseIdField('2.0.1 only: reset this EVSE instead of the station.').optional(),
    },
    toBody: (input) => ({ case: 'reset', value: { hard: input.type === 'hard', evseId: input.evseId ?? 0 } }),
  }),
  'unlock-connector': command({
    summary: 'Unlock a connector',
    description: '1.6 and 2.0.1 UnlockConnector.',
    fields: { evseId: evseIdField(), connectorId: connectorIdField.optional() },
    toBody: (input) => ({ case: 'unlockConnector', value: { evseId: input.evseId, connectorId: input.connectorId ?? 0 } }),
  }),
  'change-availability': command({
    summary: 'Change availability',
    description: 'Makes the station, an EVSE or a connector operative or inoperative (ChangeAvailability).',
    fields: {
      availability: z.enum(['operative', 'inoperative']),
      evseId: z.number().int().min(0).max(2147483647).default(0).meta({ description: '0 (default): the whole station.' }),
      connectorId: connectorIdField.optional(),
    },
    toBody: (input) => ({
      case: 'changeAvailability',
      value: { evseId: input.evseId, connectorId: input.connectorId ?? 0, operative: input.availability === 'operative' },
    }),
  }),
  'trigger-message': command({
    summary: 'Trigger a message',
    description: 'Asks the station to send a message now (TriggerMessage; 1.6 certificate messages: ExtendedTriggerMessage). Either version’s names are accepted.',
    fields: {
      message: z.enum(TRIGGERABLE),
      evseId: evseIdField('For the messages of one EVSE (1.6: connector).').optional(),
      connectorId: connectorIdField.optional(),
    },
    toBody: (input) => ({ case: 'triggerMessage', value: { message: input.message, evseId: input.evseId ?? 0, connectorId: input.connectorId ?? 0 } }),
  }),
};

import type { RuntimeConfig } from '@app/config';
import { OcppErrorKind, WithholdResponse } from '@app/ocpp';
import { MetricsRegistry } from '@app/observability';
import pino from 'pino';
import type { AuthorizationService } from '../authorization/authorization.service';
import type { AuthorizationDecision } from '../authorization/id-token';
import type { CallContext } from '../gateway/call-handler.registry';
import { ReservationEnforcer } from '../reservations/reservation.enforcer';
import type { ReservationRepository } from '../reservations/reservation.repository';
import { DurableAcknowledgement } from '../station-events/durable-acknowledgement';
import { derivedEventId } from '../station-events/event-id';
import type { EventIdentity, StationEventEmitter } from '../station-events/station-event.emitter';
import type { StationEventBody } from '../station-events/event-body';
import { transactionReportOf201 } from './ocpp201-transaction.adapter';
import { TransactionMessageHandler } from './transaction-message.handler';
import type { RecordedTransaction, TransactionRecorder } from './transaction.recorder';
import { reduceTransaction } from './transaction-state.reducer';

const context: CallContext = { stationId: 'CP-1', protocol: 'ocpp2.0.1', securityProfile: 1, logger: pino({ level: 'silent' }) };

const started = transactionReportOf201({
  eventType: 'Started',
  timestamp: '2025-06-01T12:00:00Z',
  triggerReason: 'Authorized',
  seqNo: 0,
  transactionInfo: { transactionId: 'tx-1' },
  evse: { id: 1, connectorId: 1 },
  idToken: { idToken: 'TAG', type: 'ISO14443' },
  meterValue: [{ timestamp: '2025-06-01T12:00:00Z', sampledValue: [{ value: 1.5, context: 'Transaction.Begin', unitOfMeasure: { unit: 'kWh' } }] }],
});

/** A station without reservations: the enforcer passes every decision through. */
const noReservations = new ReservationEnforcer({ activeAt: async () => [], evseIdsOf: async () => [] } as unknown as ReservationRepository);

interface Published {
  body: StationEventBody;
  identity: EventIdentity;
}

function setup(options: { decision?: AuthorizationDecision['status']; storedStatus?: string; publishFails?: boolean; recordFails?: boolean } = {}) {
  const published: Published[] = [];
  const emitter = {
    publish: async (_stationId: string, body: StationEventBody, identity: EventIdentity) => {
      if (options.publishFails) throw new Error('broker unavailable');
      published.push({ body, identity });
      return identity.eventId ?? '';
    },
  };
  const authorization = {
    decide: async (): Promise<AuthorizationDecision> => ({ status: options.decision ?? 'Accepted', expiresAt: undefined, groupIdToken: undefined }),
  };
  const recorder = {
    record: jest.fn(async (): Promise<RecordedTransaction> => {
      if (options.recordFails) throw new Error('database unavailable');
      return {
        transactionId: 'tx-1',
        state: reduceTransaction([]),
        idTokenStatus: options.storedStatus ?? options.decision ?? 'Accepted',
        duplicate: options.storedStatus !== undefined,
      };
    }),
  };
  const config = { stationCore: { durableAckTimeoutMs: 1000 } } as RuntimeConfig;
  const durability = new DurableAcknowledgement(config, emitter as unknown as StationEventEmitter, new MetricsRegistry());
  const handler = new TransactionMessageHandler(authorization as unknown as AuthorizationService, recorder as unknown as TransactionRecorder, durability, noReservations);
  return { handler, published, recorder };
}

describe('TransactionMessageHandler', () => {
  it('publishes transaction and meter values under ids derived from the message, then answers', async () => {
    const { handler, published, recorder } = setup();
    const outcome = await handler.handle(context, started);
    expect(outcome).toEqual({ transactionId: 'tx-1', authorization: { status: 'Accepted', expiresAt: undefined, groupIdToken: undefined } });
    expect(recorder.record).toHaveBeenCalledWith(
      'CP-1',
      started,
      [expect.objectContaining({ value: 1500, unit: 'Wh' })],
      'Accepted',
      derivedEventId('CP-1', 'TransactionEvent', ['tx-1', 0]),
    );
    expect(published.map((event) => [event.body.case, event.identity.eventId])).toEqual([
      ['transaction', derivedEventId('CP-1', 'TransactionEvent', ['tx-1', 0])],
      ['meterValues', derivedEventId('CP-1', 'TransactionEvent.meterValues', ['tx-1', 0])],
    ]);
  });

  it('publishes the same event ids for a retry', async () => {
    const first = setup();
    const retry = setup({ storedStatus: 'Accepted' });
    await first.handler.handle(context, started);
    await retry.handler.handle(context, started);
    expect(retry.published.map((event) => event.identity)).toEqual(first.published.map((event) => event.identity));
  });

  it('answers a retry with the authorization of its first attempt', async () => {
    const { handler } = setup({ decision: 'Blocked', storedStatus: 'Accepted' });
    expect((await handler.handle(context, started)).authorization?.status).toBe('Accepted');
  });

  it('withholds the answer when the message cannot be stored, and publishes nothing', async () => {
    const { handler, published } = setup({ recordFails: true });
    await expect(handler.handle(context, started)).rejects.toBeInstanceOf(WithholdResponse);
    expect(published).toEqual([]);
  });

  it('withholds the answer when the events cannot be made durable', async () => {
    const { handler } = setup({ publishFails: true });
    await expect(handler.handle(context, started)).rejects.toBeInstanceOf(WithholdResponse);
  });

  it.each([
    ['a negative connectorId (1.6 StartTransaction connectorId -1)', { connectorId: -1 }, 'connectorId -1'],
    ['a negative evseId', { evseId: -3 }, 'evseId -3'],
    ['a negative seqNo', { seqNo: -1 }, 'seqNo -1'],
    // Stored, then unpublishable (uint32): every later event of that transaction was withheld for ever.
    ['a negative remoteStartId', { remoteStartId: -28 }, 'remoteStartId -28'],
  ])('refuses %s with PropertyConstraintViolation before storing or publishing anything', async (_case, change, named) => {
    const { handler, published, recorder } = setup();
    const failed = handler.handle(context, { ...started, ...change });
    await expect(failed).rejects.toEqual(expect.objectContaining({ kind: OcppErrorKind.PropertyConstraintViolation, description: expect.stringContaining(named) }));
    expect(recorder.record).not.toHaveBeenCalled();
    expect(published).toEqual([]);
  });
});

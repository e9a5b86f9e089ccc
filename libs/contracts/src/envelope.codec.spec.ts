import { ContractError, ContractErrorCode } from './contract.error';
import { contentTypeOf, createEnvelope, decodeEnvelope, encodeEnvelope } from './envelope.codec';
import { create, toBinary } from '@bufbuild/protobuf';
import { OcppVersion } from './generated/csms/v1/common_pb';
import { StationEventSchema } from './generated/csms/v1/station_event_pb';

const connected = () =>
  createEnvelope('stationEvent', {
    eventId: 'e-1',
    stationId: 'CP-1',
    correlationId: 'c-1',
    body: { case: 'connected', value: { protocol: OcppVersion.OCPP_VERSION_2_0_1, securityProfile: 2, replicaId: 'r-0' } },
  });

function codeOf(run: () => unknown): ContractErrorCode {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractError) return error.code;
    throw error;
  }
  throw new Error('expected a ContractError');
}

describe('envelope codec', () => {
  it('round-trips a station event', () => {
    const decoded = decodeEnvelope('stationEvent', encodeEnvelope('stationEvent', connected()), contentTypeOf('stationEvent'));
    expect(decoded.eventId).toBe('e-1');
    expect(decoded.body.case).toBe('connected');
    expect(decoded.body.value).toMatchObject({ protocol: OcppVersion.OCPP_VERSION_2_0_1, securityProfile: 2 });
  });

  it('rejects bytes that are not protobuf', () => {
    expect(codeOf(() => decodeEnvelope('stationEvent', Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff])))).toBe(ContractErrorCode.corruptPayload);
  });

  it('rejects a payload declared as another message type', () => {
    const bytes = encodeEnvelope('stationEvent', connected());
    expect(codeOf(() => decodeEnvelope('stationEvent', bytes, contentTypeOf('commandResult')))).toBe(ContractErrorCode.wrongMessageType);
  });

  it('rejects an envelope without a body it knows', () => {
    const withoutBody = toBinary(StationEventSchema, create(StationEventSchema, { eventId: 'e-2', stationId: 'CP-1' }));
    // Field 99, length-delimited and empty: a body added by a newer producer.
    const newerBody = Buffer.concat([withoutBody, Buffer.from([0x9a, 0x06, 0x00])]);
    expect(codeOf(() => decodeEnvelope('stationEvent', newerBody))).toBe(ContractErrorCode.unknownBody);
  });

  it('rejects an envelope without its ids, and refuses to encode one', () => {
    expect(codeOf(() => encodeEnvelope('stationEvent', createEnvelope('stationEvent', { stationId: 'CP-1' })))).toBe(ContractErrorCode.missingField);
    expect(codeOf(() => decodeEnvelope('stationEvent', new Uint8Array()))).toBe(ContractErrorCode.missingField);
  });

  it('reads the command id as the identity of a command', () => {
    const command = createEnvelope('stationCommand', {
      commandId: 'cmd-1',
      stationId: 'CP-1',
      body: { case: 'rawCall', value: { action: 'Reset', payloadJson: '{"type":"Hard"}' } },
    });
    expect(decodeEnvelope('stationCommand', encodeEnvelope('stationCommand', command)).commandId).toBe('cmd-1');
  });
});

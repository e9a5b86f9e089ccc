import { type OcppVersion, actionsOf, initiatorOf } from '@app/ocpp';
import { loadSchema } from '@app/ocpp/testing';
import fc from 'fast-check';
import { type JsonObject, type JsonValue, anyText, payloadArbitrary } from './schema-arbitrary';
import { type Violation, frameText, mutationOf } from './schema-mutations';

/**
 * What a frame deserves, in the OCPP-J specifications' terms (the spec file maps each to the
 * errorCode of a version): the generator knows what it broke, so it knows the answer.
 */
export type Fault = Violation | 'rpcFramework' | 'messageType' | 'pduStructure' | 'format' | 'notImplemented' | 'notSupported';

export type Expected =
  /** One CALLERROR with this messageId and the code of `fault`; `pointer` starts its description. */
  | { readonly answer: 'error'; readonly messageId: string; readonly fault: Fault; readonly pointer?: string }
  /** A schema-valid CALL: a CALLRESULT, or a CALLERROR the handler chose (never InternalError). */
  | { readonly answer: 'handled'; readonly messageId: string }
  /** A CALLRESULT/CALLERROR that answers nothing we asked: silence. */
  | { readonly answer: 'none' }
  /** The CSMS closes the WebSocket with this code. */
  | { readonly answer: 'close'; readonly code: number };

export interface FuzzCase {
  readonly label: string;
  readonly frame: string | Buffer;
  /** Send as a binary frame (a Buffer without it is sent as a text frame, raw bytes). */
  readonly binary?: boolean;
  readonly expected: Expected;
}

const UNREADABLE = '-1';

function fromStation(version: OcppVersion): string[] {
  return actionsOf(version).filter((action) => initiatorOf(version, action) !== 'csms');
}

function fromCsms(version: OcppVersion): string[] {
  return actionsOf(version).filter((action) => initiatorOf(version, action) === 'csms');
}

/** Readable messageIds (1 to 36 code points): ASCII, UUIDs, astral characters, and a small pool so ids repeat. */
const messageIds: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.constantFrom('dup-1', 'dup-2', '1', 'x'.repeat(36), '😀'.repeat(36)),
  anyText(1, 36).filter((id) => id.length > 0),
);

/** Values at position 1 that are not a readable messageId. */
const unreadableIds: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.integer(),
  fc.constantFrom(null, true, '', [], {}),
  anyText(37, 60).map((id) => ([...id].length > 36 ? id : id.padEnd(37, 'x'))),
);

const nonObjects: fc.Arbitrary<JsonValue> = fc.oneof(fc.constantFrom(null, true, 0, 'x', []), fc.array(fc.integer(), { minLength: 1, maxLength: 3 }));

function text(frame: JsonValue[]): string {
  return frameText(frame);
}

function validCalls(version: OcppVersion): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...fromStation(version)).chain((action) =>
    fc.tuple(messageIds, payloadArbitrary(loadSchema(version, action, 'request'))).map(([messageId, payload]) => ({
      label: `valid ${action}`,
      frame: text([2, messageId, action, payload]),
      expected: { answer: 'handled', messageId } as const,
    })),
  );
}

function mutatedCalls(version: OcppVersion): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...fromStation(version)).chain((action) => {
    const schema = loadSchema(version, action, 'request');
    return payloadArbitrary(schema).chain((payload: JsonObject): fc.Arbitrary<FuzzCase | undefined> => {
      const mutation = mutationOf(schema, payload);
      if (mutation === undefined) return fc.constant(undefined);
      return fc.tuple(messageIds, mutation).map(([messageId, broken]) => ({
        label: `${action}: ${broken.what} at ${broken.pointer}`,
        frame: text([2, messageId, action, broken.payload]),
        expected: { answer: 'error', messageId, fault: broken.violation, pointer: broken.pointer },
      }));
    });
  }).filter((found): found is FuzzCase => found !== undefined);
}

function unknownActions(version: OcppVersion): fc.Arbitrary<FuzzCase> {
  const other: OcppVersion = version === '1.6' ? '2.0.1' : '1.6';
  const known = new Set(actionsOf(version) as readonly string[]);
  const names = fc.oneof(
    anyText(1, 30),
    fc.constantFrom(...actionsOf(other)),
    fc.constantFrom(...actionsOf(version)).map((action) => action.toLowerCase()),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
  );
  return fc
    .tuple(messageIds, names.filter((name) => name.length > 0 && !known.has(name)), fc.jsonValue({ maxDepth: 2 }).filter((value) => typeof value === 'object' && value !== null && !Array.isArray(value)))
    .map(([messageId, action, payload]) => ({ label: `unknown action ${action}`, frame: text([2, messageId, action, payload as JsonValue]), expected: { answer: 'error', messageId, fault: 'notImplemented' } as const }));
}

function csmsOnlyActions(version: OcppVersion): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(messageIds, fc.constantFrom(...fromCsms(version)))
    .map(([messageId, action]) => ({ label: `CSMS-only action ${action}`, frame: text([2, messageId, action, {}]), expected: { answer: 'error', messageId, fault: 'notSupported' } as const }));
}

function brokenFrames(): fc.Arbitrary<FuzzCase> {
  const call = (messageId: JsonValue, rest: JsonValue[] = ['Heartbeat', {}]) => [2, messageId, ...rest];
  return fc.oneof(
    fc.tuple(fc.oneof(fc.integer({ min: -5, max: 99 }).filter((n) => n < 2 || n > 4), fc.constantFrom(2.5, 1e21, -0.5)), fc.oneof(messageIds, unreadableIds)).map(([type, id]) => ({
      label: `message type ${type}`,
      frame: text([type, id, 'Heartbeat', {}]),
      expected: { answer: 'error', messageId: typeof id === 'string' && id.length > 0 && [...id].length <= 36 ? id : UNREADABLE, fault: 'messageType' } as const,
    })),
    fc.tuple(fc.constantFrom<JsonValue>('2', null, [], {}, true), messageIds).map(([type, id]) => ({
      label: `message type ${JSON.stringify(type)}`,
      frame: text([type, id, 'Heartbeat', {}]),
      expected: { answer: 'error', messageId: id, fault: 'rpcFramework' } as const,
    })),
    unreadableIds.map((id) => ({ label: `CALL with messageId ${JSON.stringify(id).slice(0, 40)}`, frame: text(call(id)), expected: { answer: 'error', messageId: UNREADABLE, fault: 'rpcFramework' } as const })),
    fc.tuple(messageIds, fc.constantFrom<JsonValue[]>(['Heartbeat'], ['Heartbeat', {}, {}], ['Heartbeat', {}, 'x', 1]), fc.boolean()).map(([id, rest, shortened]) => ({
      label: `CALL with ${rest.length + 2} elements`,
      frame: text(shortened ? [2, id] : call(id, rest)),
      expected: { answer: 'error', messageId: id, fault: 'pduStructure' } as const,
    })),
    fc.tuple(messageIds, fc.constantFrom<JsonValue>(5, null, '', [], {})).map(([id, action]) => ({
      label: `CALL with action ${JSON.stringify(action)}`,
      frame: text(call(id, [action, {}])),
      expected: { answer: 'error', messageId: id, fault: 'rpcFramework' } as const,
    })),
    fc.tuple(messageIds, nonObjects).map(([id, payload]) => ({ label: `CALL with payload ${JSON.stringify(payload)}`, frame: text(call(id, ['Heartbeat', payload])), expected: { answer: 'error', messageId: id, fault: 'format' } as const })),
  );
}

function unreadableMessages(): fc.Arbitrary<FuzzCase> {
  const notJson = fc.oneof(
    anyText(0, 60),
    fc.constantFrom('[2, "j1", "Heartbeat", {', '\ufeff[2,"b1","Heartbeat",{}]', "[2,'q','Heartbeat',{}]", '[2,"n1","Heartbeat",{}]]', 'NaN', '[2,"x","Heartbeat",{"a":NaN}]'),
    fc.jsonValue().map((value) => JSON.stringify(value)),
  );
  const isUnreadable = (candidate: string) => {
    try {
      const parsed: unknown = JSON.parse(candidate);
      return !Array.isArray(parsed) || parsed.length === 0;
    } catch {
      return true;
    }
  };
  return notJson.filter(isUnreadable).map((frame) => ({ label: `unreadable ${JSON.stringify(frame).slice(0, 60)}`, frame, expected: { answer: 'error', messageId: UNREADABLE, fault: 'rpcFramework' } as const }));
}

/** CALLRESULTs and CALLERRORs, well-formed or not, that answer no CALL of the CSMS: never answered. */
function strayAnswers(): fc.Arbitrary<FuzzCase> {
  const anyId = fc.oneof(messageIds, unreadableIds);
  const frames = fc.oneof(
    fc.tuple(anyId, fc.jsonValue({ maxDepth: 2 })).map(([id, payload]) => [3, id, payload as JsonValue]),
    fc.tuple(anyId, fc.string({ maxLength: 30 }), anyText(0, 300), nonObjects).map(([id, code, description, details]) => [4, id, code, description, details]),
    fc.tuple(anyId, fc.constantFrom('GenericError', 'NotImplemented'), fc.string({ maxLength: 20 })).map(([id, code, description]) => [4, id, code, description, {}]),
    anyId.map((id) => [3, id]),
    anyId.map((id) => [4, id, 'GenericError']),
  );
  return frames.map((frame) => ({ label: `stray ${JSON.stringify(frame).slice(0, 60)}`, frame: text(frame), expected: { answer: 'none' } as const }));
}

/** Frames that end the connection: binary (OCPP-J is text) and text that is not UTF-8. */
function closingFrames(): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({ label: 'binary frame', frame: Buffer.from(bytes), binary: true, expected: { answer: 'close', code: 1003 } as const })),
    fc.constantFrom(Buffer.from([0x5b, 0xc3, 0x28, 0x5d]), Buffer.from([0x5b, 0x32, 0x2c, 0xff, 0xfe, 0x5d]), Buffer.from([0xed, 0xa0, 0x80])).map((bytes) => ({
      label: 'text frame that is not UTF-8',
      frame: bytes,
      expected: { answer: 'close', code: 1007 } as const,
    })),
  );
}

/** Every kind of frame a station (or an attacker) may send, weighted towards the schema-driven ones. */
export function fuzzCases(version: OcppVersion): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    { weight: 6, arbitrary: mutatedCalls(version) },
    { weight: 4, arbitrary: validCalls(version) },
    { weight: 1, arbitrary: unknownActions(version) },
    { weight: 1, arbitrary: csmsOnlyActions(version) },
    { weight: 2, arbitrary: brokenFrames() },
    { weight: 1, arbitrary: unreadableMessages() },
    { weight: 1, arbitrary: strayAnswers() },
    { weight: 1, arbitrary: closingFrames() },
  );
}

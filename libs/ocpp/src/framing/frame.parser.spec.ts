import { OcppErrorKind } from '../errors/ocpp-error-kind';
import { parseFrame } from './frame.parser';
import { MessageType } from './rpc-frame';

const id37 = 'x'.repeat(37);
const id36 = 'y'.repeat(36);

describe('parseFrame', () => {
  it('reads a CALL, a CALLRESULT and a CALLERROR', () => {
    expect(parseFrame('2.0.1', '[2,"m-1","Heartbeat",{}]')).toEqual({
      ok: true,
      frame: { type: MessageType.Call, messageId: 'm-1', action: 'Heartbeat', payload: {} },
    });
    expect(parseFrame('1.6', `[3,"${id36}",{"currentTime":"2025-01-01T00:00:00Z"}]`)).toEqual({
      ok: true,
      frame: { type: MessageType.CallResult, messageId: id36, payload: { currentTime: '2025-01-01T00:00:00Z' } },
    });
    expect(parseFrame('1.6', '[4,"m-3","NotSupported","no",{"a":1}]')).toEqual({
      ok: true,
      frame: { type: MessageType.CallError, messageId: 'm-3', errorCode: 'NotSupported', errorDescription: 'no', errorDetails: { a: 1 } },
    });
  });

  // [case, text, 1.6 code, 2.0.1 code, messageId carried, message type read, description]
  it.each([
    ['invalid JSON', '[2,"m-1","Heartbeat",{]', 'FormationViolation', 'RpcFrameworkError', '-1', undefined, /^message is not valid JSON: /],
    ['not an array', '{"action":"Heartbeat"}', 'FormationViolation', 'RpcFrameworkError', '-1', undefined, 'message must be a non-empty JSON array, got object'],
    ['a bare string', '"hello"', 'FormationViolation', 'RpcFrameworkError', '-1', undefined, 'message must be a non-empty JSON array, got string'],
    ['empty array', '[]', 'FormationViolation', 'RpcFrameworkError', '-1', undefined, 'message must be a non-empty JSON array, got an empty array'],
    ['message type not a number', '["2","m-1","Heartbeat",{}]', 'FormationViolation', 'RpcFrameworkError', 'm-1', undefined, 'message type must be a number, got string'],
    ['unknown message type', '[7,"m-1","Heartbeat",{}]', 'FormationViolation', 'MessageTypeNotSupported', 'm-1', 7, 'message type 7 is not supported (2 = CALL, 3 = CALLRESULT, 4 = CALLERROR)'],
    ['unknown message type, unreadable id', '[5]', 'FormationViolation', 'MessageTypeNotSupported', '-1', 5, /^message type 5 is not supported/],
    ['messageId not a string', '[2,42,"Heartbeat",{}]', 'FormationViolation', 'RpcFrameworkError', '-1', 2, 'messageId must be a string, got number'],
    ['messageId missing', '[2]', 'FormationViolation', 'RpcFrameworkError', '-1', 2, 'messageId must be a string, got undefined'],
    ['messageId empty', '[2,"","Heartbeat",{}]', 'FormationViolation', 'RpcFrameworkError', '-1', 2, 'messageId must not be empty'],
    ['messageId over 36 characters', `[2,"${id37}","Heartbeat",{}]`, 'FormationViolation', 'RpcFrameworkError', '-1', 2, 'messageId must NOT have more than 36 characters, got 37'],
    ['CALL action not a string', '[2,"m-1",17,{}]', 'FormationViolation', 'RpcFrameworkError', 'm-1', 2, 'CALL action must be a non-empty string, got number'],
    ['CALL without payload', '[2,"m-1","Heartbeat"]', 'FormationViolation', 'ProtocolError', 'm-1', 2, 'CALL must have 4 elements [2, messageId, action, payload], got 3'],
    ['CALL with an extra element', '[2,"m-1","Heartbeat",{},{}]', 'FormationViolation', 'ProtocolError', 'm-1', 2, 'CALL must have 4 elements [2, messageId, action, payload], got 5'],
    ['CALL payload an array', '[2,"m-1","Heartbeat",[]]', 'FormationViolation', 'FormatViolation', 'm-1', 2, 'CALL payload must be a JSON object, got array'],
    ['CALL payload null', '[2,"m-1","Heartbeat",null]', 'FormationViolation', 'FormatViolation', 'm-1', 2, 'CALL payload must be a JSON object, got null'],
    ['CALL payload a string', '[2,"m-1","Heartbeat","{}"]', 'FormationViolation', 'FormatViolation', 'm-1', 2, 'CALL payload must be a JSON object, got string'],
    ['CALLRESULT payload not an object', '[3,"m-1",true]', 'FormationViolation', 'FormatViolation', 'm-1', 3, 'CALLRESULT payload must be a JSON object, got boolean'],
    ['CALLRESULT with 4 elements', '[3,"m-1",{},{}]', 'FormationViolation', 'ProtocolError', 'm-1', 3, 'CALLRESULT must have 3 elements [3, messageId, payload], got 4'],
    ['CALLERROR without details', '[4,"m-1","GenericError","x"]', 'FormationViolation', 'ProtocolError', 'm-1', 4, /^CALLERROR must have 5 elements .* got 4$/],
    ['CALLERROR code not a string', '[4,"m-1",500,"x",{}]', 'FormationViolation', 'FormatViolation', 'm-1', 4, 'CALLERROR errorCode must be a non-empty string, got number'],
    ['CALLERROR description not a string', '[4,"m-1","GenericError",null,{}]', 'FormationViolation', 'FormatViolation', 'm-1', 4, 'CALLERROR errorDescription must be a string, got null'],
    ['CALLERROR description over 255 characters', `[4,"m-1","GenericError","${'d'.repeat(256)}",{}]`, 'PropertyConstraintViolation', 'PropertyConstraintViolation', 'm-1', 4, 'CALLERROR errorDescription must NOT have more than 255 characters, got 256'],
    ['CALLERROR details not an object', '[4,"m-1","GenericError","x",[]]', 'FormationViolation', 'FormatViolation', 'm-1', 4, 'CALLERROR errorDetails must be a JSON object, got array'],
  ])('%s: 1.6 %s, 2.0.1 %s', (_case, text, code16, code201, messageId, messageType, description) => {
    for (const [version, code] of [['1.6', code16], ['2.0.1', code201]] as const) {
      const result = parseFrame(version, text);
      if (result.ok) throw new Error(`${version}: expected a framing failure`);
      expect(result.failure).toMatchObject({ code, messageId, messageType });
      expect(result.failure.error.description).toEqual(typeof description === 'string' ? description : expect.stringMatching(description));
    }
  });

  it('accepts a CALLERROR description of exactly 255 characters', () => {
    expect(parseFrame('2.0.1', `[4,"m-1","GenericError","${'d'.repeat(255)}",{}]`).ok).toBe(true);
  });

  it('leaves the action and payload schema to validation', () => {
    expect(parseFrame('1.6', '[2,"m-1","NoSuchAction",{"anything":1}]').ok).toBe(true);
  });

  it('carries the version-neutral kind of the failure', () => {
    const result = parseFrame('1.6', '[2,"m-1","Heartbeat",[]]');
    expect(result.ok ? undefined : result.failure.error.kind).toBe(OcppErrorKind.FormatViolation);
  });
});

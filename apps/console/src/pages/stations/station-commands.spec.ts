import { commandBodyOf, commandForms, fieldsFor, initialValues, resolvedValues, triggerableMessages } from './station-commands';
import { OTHER_TRANSACTION, typedKeyOf } from './transaction-choice';

const form = (name: string) => {
  const found = commandForms.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no form ${name}`);
  return found;
};

describe('station command forms', () => {
  it('offers the EVSE reset and connector fields to 2.0.1 stations only', () => {
    expect(fieldsFor(form('reset'), 'ocpp1.6').map((field) => field.name)).toEqual(['type']);
    expect(fieldsFor(form('reset'), 'ocpp2.0.1').map((field) => field.name)).toEqual(['type', 'evseId']);
    expect(fieldsFor(form('unlock-connector'), 'ocpp1.6').map((field) => field.name)).toEqual(['evseId']);
  });

  it('offers the trigger messages of the station’s version', () => {
    expect(triggerableMessages('ocpp1.6')).toContain('DiagnosticsStatusNotification');
    expect(triggerableMessages('ocpp1.6')).not.toContain('TransactionEvent');
    expect(triggerableMessages('ocpp2.0.1')).toContain('TransactionEvent');
  });

  it('builds the body with numbers as numbers and blanks left out', () => {
    expect(commandBodyOf(form('reset'), 'ocpp2.0.1', { ...initialValues(form('reset')), evseId: ' ' })).toEqual({ body: { type: 'soft' } });
    expect(commandBodyOf(form('reset'), 'ocpp2.0.1', { type: 'hard', evseId: '2' })).toEqual({ body: { type: 'hard', evseId: 2 } });
    // A 1.6 station takes no idTokenType: the field is not sent even if it was filled in.
    expect(commandBodyOf(form('remote-start'), 'ocpp1.6', { idToken: 'TAG1', idTokenType: 'Central', evseId: '1' })).toEqual({ body: { idToken: 'TAG1', evseId: 1 } });
  });

  it('names the missing or malformed field', () => {
    expect(commandBodyOf(form('remote-stop'), 'ocpp1.6', {})).toEqual({ missing: 'Transaction id' });
    expect(commandBodyOf(form('unlock-connector'), 'ocpp1.6', { evseId: '1.5' })).toEqual({ missing: 'EVSE (a whole number)' });
  });

  it('asks before disruptive commands, in words', () => {
    expect(form('reset').confirm?.({ type: 'hard' })).toBe('Reset the station (hard)? Charging in progress may stop.');
    expect(form('change-availability').confirm?.({ availability: 'operative' })).toBeUndefined();
    expect(form('trigger-message').confirm).toBeUndefined();
  });

  it('stops the active transaction selected, or the id typed under "another id"', () => {
    const stop = form('remote-stop');
    const active = [{ value: 'T-2', label: 'T-2 (EVSE 1)' }];
    expect(commandBodyOf(stop, 'ocpp2.0.1', resolvedValues(stop, {}, active))).toEqual({ body: { transactionId: 'T-2' } });
    expect(stop.confirm?.(resolvedValues(stop, {}, active))).toBe('Stop transaction T-2?');
    const typed = { transactionId: OTHER_TRANSACTION, [typedKeyOf('transactionId')]: ' 17 ' };
    expect(commandBodyOf(stop, 'ocpp1.6', resolvedValues(stop, typed, active))).toEqual({ body: { transactionId: '17' } });
    expect(commandBodyOf(stop, 'ocpp1.6', resolvedValues(stop, {}, []))).toEqual({ missing: 'Transaction id' });
  });
});

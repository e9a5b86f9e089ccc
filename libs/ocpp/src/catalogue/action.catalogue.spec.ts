import { ocppVersions } from '../ocpp-version';
import { actionsWithSchemas, schemaNames } from '../testing/schema-fixtures';
import { actionsOf, initiatorOf, isKnownAction, maySend } from './action.catalogue';

describe('action catalogue', () => {
  it.each(ocppVersions)('OCPP %s: covers exactly the actions that have schemas', (version) => {
    expect(actionsOf(version)).toEqual(actionsWithSchemas(version));
    // every schema is a request or a response of one of those actions
    expect(schemaNames(version)).toHaveLength(actionsOf(version).length * 2);
  });

  it('counts 39 actions in 1.6 (core plus security extension) and 64 in 2.0.1', () => {
    expect(actionsOf('1.6')).toHaveLength(39);
    expect(actionsOf('2.0.1')).toHaveLength(64);
  });

  it.each([
    ['1.6', 'BootNotification', 'station'],
    ['1.6', 'StopTransaction', 'station'],
    ['1.6', 'SignCertificate', 'station'],
    ['1.6', 'SignedFirmwareStatusNotification', 'station'],
    ['1.6', 'Reset', 'csms'],
    ['1.6', 'CertificateSigned', 'csms'],
    ['1.6', 'ExtendedTriggerMessage', 'csms'],
    ['1.6', 'DataTransfer', 'both'],
    ['2.0.1', 'TransactionEvent', 'station'],
    ['2.0.1', 'NotifyEVChargingNeeds', 'station'],
    ['2.0.1', 'Get15118EVCertificate', 'station'],
    ['2.0.1', 'PublishFirmwareStatusNotification', 'station'],
    ['2.0.1', 'RequestStartTransaction', 'csms'],
    ['2.0.1', 'SetVariables', 'csms'],
    ['2.0.1', 'CostUpdated', 'csms'],
    ['2.0.1', 'DataTransfer', 'both'],
  ] as const)('OCPP %s: %s is initiated by %s', (version, action, initiator) => {
    expect(initiatorOf(version, action)).toBe(initiator);
  });

  it('knows actions per version only', () => {
    expect(isKnownAction('1.6', 'StartTransaction')).toBe(true);
    expect(isKnownAction('2.0.1', 'StartTransaction')).toBe(false);
    expect(isKnownAction('2.0.1', 'TransactionEvent')).toBe(true);
    expect(isKnownAction('1.6', 'TransactionEvent')).toBe(false);
    expect(initiatorOf('2.0.1', 'StartTransaction')).toBeUndefined();
  });

  it('does not mistake object prototype members for actions', () => {
    expect(isKnownAction('1.6', 'constructor')).toBe(false);
    expect(isKnownAction('2.0.1', 'toString')).toBe(false);
    expect(initiatorOf('1.6', '__proto__')).toBeUndefined();
  });

  it('lets each side send only what it initiates, and both send DataTransfer', () => {
    expect(maySend('2.0.1', 'station', 'BootNotification')).toBe(true);
    expect(maySend('2.0.1', 'csms', 'BootNotification')).toBe(false);
    expect(maySend('1.6', 'station', 'Reset')).toBe(false);
    expect(maySend('1.6', 'csms', 'Reset')).toBe(true);
    expect(maySend('1.6', 'csms', 'DataTransfer')).toBe(true);
    expect(maySend('1.6', 'station', 'DataTransfer')).toBe(true);
    expect(maySend('1.6', 'csms', 'NoSuchAction')).toBe(false);
  });
});

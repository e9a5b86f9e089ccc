import type { OcppVersion } from '@app/ocpp';
import { type CallMapping, byVersion, call, refuse } from './call-mapping';
import { type CommandResponse, answeredResponse, statusResponse } from './command-response';
import type { BodyOf, NeutralTimestamp } from './neutral-command.types';
import { compact, isoTime, lookup, nonEmpty, positive } from './payload-fields';
import { requestIdOf } from './request-id';
import { type JsonObject, stringAt } from './response-fields';

// UpdateFirmware and log uploads. Request ids left 0 are derived from the command id (request-id.ts).
// Retries and intervals left 0 are omitted: the station's defaults apply.

type UpdateFirmware = BodyOf<'updateFirmware'>;
type GetLog = BodyOf<'getLog'>;

/** The log to upload; none given means the diagnostics log. */
const logTypes: Readonly<Record<string, 'DiagnosticsLog' | 'SecurityLog'>> = { '': 'DiagnosticsLog', DiagnosticsLog: 'DiagnosticsLog', SecurityLog: 'SecurityLog' };

/** Signed firmware: 1.6 needs the security extension's SignedUpdateFirmware. */
export function isSignedFirmware(update: UpdateFirmware): boolean {
  return update.signingCertificatePem !== '' || update.signature !== '';
}

/** 1.6 GetDiagnostics uploads the diagnostics log without a request id; everything else is a GetLog. */
export function usesGetDiagnostics(version: OcppVersion, log: GetLog): boolean {
  return version === '1.6' && lookup(logTypes, log.logType) === 'DiagnosticsLog' && log.requestId === 0n;
}

function retryFields(command: { retries: number; retryIntervalSeconds: number }) {
  return { retries: positive(command.retries), retryInterval: positive(command.retryIntervalSeconds) };
}

/** No retrieve time means "now": the instant the command was issued (the mapping reads no clock). */
export function updateFirmwareCall(version: OcppVersion, update: UpdateFirmware, commandId: string, issuedAt: NeutralTimestamp | undefined): CallMapping {
  if (update.location === '') return refuse('a firmware update needs a location');
  const retrieveAt = update.retrieveAt ?? issuedAt;
  if (retrieveAt === undefined) return refuse('a firmware update needs a retrieve time (or an issued_at to retrieve from)');
  const requestId = requestIdOf(update.requestId, commandId);
  if (!requestId.ok) return requestId;
  const firmware = compact({
    location: update.location,
    retrieveDateTime: isoTime(retrieveAt),
    installDateTime: isoTime(update.installAt),
    signingCertificate: nonEmpty(update.signingCertificatePem),
    signature: nonEmpty(update.signature),
  });
  return byVersion(version, {
    '1.6': () => {
      if (!isSignedFirmware(update)) {
        if (update.installAt !== undefined) return refuse('OCPP 1.6 UpdateFirmware has no install time; only a signed update (SignedUpdateFirmware) carries one');
        return call('1.6', 'UpdateFirmware', compact({ location: update.location, retrieveDate: firmware.retrieveDateTime, ...retryFields(update) }));
      }
      const { signingCertificate, signature } = firmware;
      if (signingCertificate === undefined || signature === undefined) return refuse('an OCPP 1.6 signed firmware update needs both the signing certificate and the signature');
      return call('1.6', 'SignedUpdateFirmware', compact({ requestId: requestId.value, firmware: { ...firmware, signingCertificate, signature }, ...retryFields(update) }));
    },
    '2.0.1': () => call('2.0.1', 'UpdateFirmware', compact({ requestId: requestId.value, firmware, ...retryFields(update) })),
  });
}

/** 1.6 UpdateFirmware answers nothing: answering is accepting. Others answer a status and get the requestId back. */
export function updateFirmwareResponse(version: OcppVersion, update: UpdateFirmware, payload: JsonObject, commandId: string): CommandResponse {
  if (version === '1.6' && !isSignedFirmware(update)) return answeredResponse({});
  const requestId = requestIdOf(update.requestId, commandId);
  return statusResponse(payload, { requestId: requestId.ok ? requestId.value : undefined });
}

export function getLogCall(version: OcppVersion, log: GetLog, commandId: string): CallMapping {
  if (log.location === '') return refuse('a log upload needs a location');
  const logType = lookup(logTypes, log.logType);
  if (logType === undefined) return refuse(`log type "${log.logType}" is neither DiagnosticsLog nor SecurityLog`);
  const oldest = isoTime(log.oldest);
  const latest = isoTime(log.latest);
  if (usesGetDiagnostics(version, log)) {
    return call('1.6', 'GetDiagnostics', compact({ location: log.location, startTime: oldest, stopTime: latest, ...retryFields(log) }));
  }
  const requestId = requestIdOf(log.requestId, commandId);
  if (!requestId.ok) return requestId;
  const request = compact({
    logType,
    requestId: requestId.value,
    log: compact({ remoteLocation: log.location, oldestTimestamp: oldest, latestTimestamp: latest }),
    ...retryFields(log),
  });
  return byVersion(version, { '1.6': () => call('1.6', 'GetLog', request), '2.0.1': () => call('2.0.1', 'GetLog', request) });
}

/** GetDiagnostics answers the file name only (absent when there is nothing to upload); GetLog answers a status too. */
export function getLogResponse(version: OcppVersion, log: GetLog, payload: JsonObject, commandId: string): CommandResponse {
  if (usesGetDiagnostics(version, log)) return answeredResponse({ filename: stringAt(payload, 'fileName') });
  const requestId = requestIdOf(log.requestId, commandId);
  return statusResponse(payload, { filename: stringAt(payload, 'filename'), requestId: requestId.ok ? requestId.value : undefined });
}

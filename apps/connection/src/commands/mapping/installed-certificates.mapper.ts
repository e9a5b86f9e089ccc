import type { OcppVersion } from '@app/ocpp';
import { byVersion } from './call-mapping';
import { neutralCertificateType } from './certificate-type';
import { type CommandResponse, statusResponse } from './command-response';
import type { BodyOf } from './neutral-command.types';
import { compact } from './payload-fields';
import { type JsonObject, objectAt, objectsAt, stringAt } from './response-fields';

// GetInstalledCertificateIds answers, as
//   { status, stationStatus, certificates: [{ type, hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber, children? }] }
// NotFound ("no certificate of that type is installed") is a successful inventory that happens
// to be empty: accepted, status Accepted, no certificates. Types use the 2.0.1 names.

function hashDataOf(data: JsonObject): Record<string, string> {
  return {
    hashAlgorithm: stringAt(data, 'hashAlgorithm') ?? '',
    issuerNameHash: stringAt(data, 'issuerNameHash') ?? '',
    issuerKeyHash: stringAt(data, 'issuerKeyHash') ?? '',
    serialNumber: stringAt(data, 'serialNumber') ?? '',
  };
}

/** 1.6 entries carry no type: they are of the one type asked for. */
function certificates16(get: BodyOf<'getInstalledCertificateIds'>, payload: JsonObject): Record<string, unknown>[] {
  const type = neutralCertificateType(get.certificateTypes[0] ?? '');
  return objectsAt(payload, 'certificateHashData').map((data) => ({ type, ...hashDataOf(data) }));
}

/** 2.0.1 chains (V2GCertificateChain) list their sub-CA certificates as children. */
function certificates201(payload: JsonObject): Record<string, unknown>[] {
  return objectsAt(payload, 'certificateHashDataChain').map((chain) => {
    const children = objectsAt(chain, 'childCertificateHashData').map(hashDataOf);
    return compact({
      type: stringAt(chain, 'certificateType') ?? '',
      ...hashDataOf(objectAt(chain, 'certificateHashData') ?? {}),
      children: children.length > 0 ? children : undefined,
    });
  });
}

export function installedCertificatesResponse(version: OcppVersion, get: BodyOf<'getInstalledCertificateIds'>, payload: JsonObject): CommandResponse {
  const certificates = byVersion(version, { '1.6': () => certificates16(get, payload), '2.0.1': () => certificates201(payload) });
  const answer = statusResponse(payload, { certificates });
  if (answer.result.stationStatus !== 'NotFound') return answer;
  return { accepted: true, result: { ...answer.result, status: 'Accepted', certificates: [] } };
}

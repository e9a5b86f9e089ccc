import type { Ocpp201 } from '@app/ocpp';
import { z } from 'zod';

/** What the contract-certificate provider answers: the OCPP response fields, exiResponse relayed untouched. */
const providerAnswer = z.object({
  status: z.enum(['Accepted', 'Failed']),
  exiResponse: z.string().max(5600),
  statusInfo: z.object({ reasonCode: z.string().min(1).max(20), additionalInfo: z.string().max(512).optional() }).optional(),
});

/**
 * Get15118EVCertificate: the EV's CertificateInstallationReq/UpdateReq (EXI) goes to the
 * contract-certificate provider (OCPP_CONTRACT_CERTIFICATE_URL), which the CSMS does not replace:
 * it holds the contract certificates. POSTed as JSON { stationId, iso15118SchemaVersion, action,
 * exiRequest }, answered with { status, exiResponse, statusInfo? }. Never throws.
 */
export async function fetchEvCertificate(
  providerUrl: string | undefined,
  stationId: string,
  request: Ocpp201.Get15118EVCertificateRequest,
  timeoutMs: number,
): Promise<Ocpp201.Get15118EVCertificateResponse> {
  if (providerUrl === undefined) return failed('NoProvider', 'this CSMS has no contract-certificate provider configured (OCPP_CONTRACT_CERTIFICATE_URL)');
  let body: unknown;
  try {
    const response = await fetch(providerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ stationId, iso15118SchemaVersion: request.iso15118SchemaVersion, action: request.action, exiRequest: request.exiRequest }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (response.status !== 200) return failed('ProviderError', `the contract-certificate provider answered HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return failed('ProviderUnreachable', timedOut ? `the contract-certificate provider did not answer within ${timeoutMs} ms` : `the contract-certificate provider could not be used: ${(error as Error).message}`);
  }
  const answer = providerAnswer.safeParse(body);
  if (!answer.success) return failed('ProviderError', 'the contract-certificate provider answered JSON without a valid status and exiResponse');
  return answer.data;
}

function failed(reasonCode: string, additionalInfo: string): Ocpp201.Get15118EVCertificateResponse {
  // exiResponse is required even on failure; there is nothing to relay to the EV.
  return { status: 'Failed', exiResponse: '', statusInfo: { reasonCode, additionalInfo } };
}

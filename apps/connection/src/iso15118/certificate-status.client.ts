import type { Ocpp201 } from '@app/ocpp';
import { OcspRequestDataError, ocspRequestDer, ocspResponseStatus } from './ocsp-request';
import { responderHostAllowed } from './responder-host';

/** OCPP's limit on ocspResult (base64 of the DER OCSPResponse). */
const MAX_OCSP_RESULT_CHARACTERS = 5500;

/**
 * GetCertificateStatus for a station: asks the OCSP responder the request names and hands back
 * its answer as is (the station verifies the signature), or Failed with why. Never throws.
 */
export async function fetchCertificateStatus(data: Ocpp201.OCSPRequestDataType, timeoutMs: number, responderHosts?: readonly string[]): Promise<Ocpp201.GetCertificateStatusResponse> {
  let request: Buffer;
  try {
    request = ocspRequestDer(data);
  } catch (error) {
    if (error instanceof OcspRequestDataError) return failed('InvalidRequestData', error.message);
    throw error;
  }
  const url = URL.canParse(data.responderURL) ? new URL(data.responderURL) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return failed('InvalidResponderURL', 'responderURL is not an http(s) URL');
  if (!responderHostAllowed(url, responderHosts)) return failed('InvalidResponderURL', `responderURL names a host this CSMS does not call (${url.hostname}); see OCPP_OCSP_RESPONDER_HOSTS`);
  let answer: Buffer;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
      body: request,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (response.status !== 200) return failed('OcspUnreachable', `the OCSP responder answered HTTP ${response.status}`);
    answer = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    return failed('OcspUnreachable', timedOut ? `the OCSP responder did not answer within ${timeoutMs} ms` : `the OCSP responder could not be reached: ${(error as Error).message}`);
  }
  const status = ocspResponseStatus(answer);
  if (status === undefined) return failed('InvalidOcspResponse', 'the OCSP responder answered something that is not an OCSPResponse');
  if (status !== 'successful') return failed('OcspNotSuccessful', `the OCSP responder answered ${status}`);
  const ocspResult = answer.toString('base64');
  if (ocspResult.length > MAX_OCSP_RESULT_CHARACTERS) return failed('OcspTooLarge', `the OCSP response is ${ocspResult.length} base64 characters; OCPP allows ${MAX_OCSP_RESULT_CHARACTERS}`);
  return { status: 'Accepted', ocspResult };
}

function failed(reasonCode: string, additionalInfo: string): Ocpp201.GetCertificateStatusResponse {
  return { status: 'Failed', statusInfo: { reasonCode, additionalInfo: additionalInfo.slice(0, 512) } };
}

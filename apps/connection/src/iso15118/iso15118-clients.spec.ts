import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchCertificateStatus } from './certificate-status.client';
import { fetchEvCertificate } from './contract-certificate.client';

const data = { hashAlgorithm: 'SHA256' as const, issuerNameHash: 'aa'.repeat(32), issuerKeyHash: 'bb'.repeat(32), serialNumber: '0a', responderURL: '' };
/** The test servers listen on loopback, which the gateway only calls when it is listed. */
const LOOPBACK = ['127.0.0.1'];
const evRequest = { iso15118SchemaVersion: 'urn:iso:15118:2:2013:MsgDef', action: 'Install' as const, exiRequest: 'AAEC' };

/** A local HTTP server standing for the outside system (an OCSP responder, a contract-certificate provider). */
async function serve(handler: (request: IncomingMessage, body: Buffer, response: ServerResponse) => void): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handler(request, Buffer.concat(chunks), response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

describe('fetchCertificateStatus', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('posts the OCSP request and hands back a successful response as base64', async () => {
    const response = Buffer.from([0x30, 0x05, 0x0a, 0x01, 0x00, 0xa0, 0x00]);
    let received: { type?: string; body?: Buffer } = {};
    const { url, server } = await serve((request, body, res) => {
      received = { type: request.headers['content-type'], body };
      res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(response);
    });
    servers.push(server);
    expect(await fetchCertificateStatus({ ...data, responderURL: url }, 2000, LOOPBACK)).toEqual({ status: 'Accepted', ocspResult: response.toString('base64') });
    expect(received.type).toBe('application/ocsp-request');
    expect(received.body?.[0]).toBe(0x30);
  });

  it('fails with a reason on an unsuccessful answer, an HTTP error, garbage, silence and bad request data', async () => {
    const { url, server } = await serve((request, _body, res) => {
      if (request.url === '/unauthorized') res.writeHead(200).end(Buffer.from([0x30, 0x03, 0x0a, 0x01, 0x06]));
      else if (request.url === '/broken') res.writeHead(500).end();
      else if (request.url === '/html') res.writeHead(200).end('<html>');
      // /silent: never answers
    });
    servers.push(server);
    const status = (responderURL: string) => fetchCertificateStatus({ ...data, responderURL }, 300, LOOPBACK);
    expect(await status(`${url}unauthorized`)).toEqual({ status: 'Failed', statusInfo: { reasonCode: 'OcspNotSuccessful', additionalInfo: 'the OCSP responder answered unauthorized' } });
    expect(await status(`${url}broken`)).toMatchObject({ status: 'Failed', statusInfo: { reasonCode: 'OcspUnreachable', additionalInfo: 'the OCSP responder answered HTTP 500' } });
    expect(await status(`${url}html`)).toMatchObject({ status: 'Failed', statusInfo: { reasonCode: 'InvalidOcspResponse' } });
    expect(await status(`${url}silent`)).toMatchObject({ status: 'Failed', statusInfo: { reasonCode: 'OcspUnreachable', additionalInfo: 'the OCSP responder did not answer within 300 ms' } });
    expect(await status('ftp://ocsp.example')).toMatchObject({ status: 'Failed', statusInfo: { reasonCode: 'InvalidResponderURL' } });
    // Without the allow-list the station cannot make the gateway call an internal address (SSRF).
    expect(await fetchCertificateStatus({ ...data, responderURL: `${url}unauthorized` }, 300)).toMatchObject({ status: 'Failed', statusInfo: { reasonCode: 'InvalidResponderURL' } });
    expect(await fetchCertificateStatus({ ...data, issuerKeyHash: 'bb', responderURL: url }, 300, LOOPBACK)).toMatchObject({ status: 'Failed', statusInfo: { reasonCode: 'InvalidRequestData' } });
  });
});

describe('fetchEvCertificate', () => {
  const servers: Server[] = [];
  afterAll(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  it('fails clearly when no provider is configured', async () => {
    expect(await fetchEvCertificate(undefined, 'CS-1', evRequest, 300)).toEqual({
      status: 'Failed',
      exiResponse: '',
      statusInfo: { reasonCode: 'NoProvider', additionalInfo: 'this CSMS has no contract-certificate provider configured (OCPP_CONTRACT_CERTIFICATE_URL)' },
    });
  });

  it('relays the provider answer, and fails on one that is not an answer', async () => {
    let asked: unknown;
    const { url, server } = await serve((request, body, res) => {
      asked = JSON.parse(body.toString());
      if (request.url === '/bad') res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"Maybe"}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'Accepted', exiResponse: 'EXIRESPONSE' }));
    });
    servers.push(server);
    expect(await fetchEvCertificate(url, 'CS-1', evRequest, 2000)).toEqual({ status: 'Accepted', exiResponse: 'EXIRESPONSE' });
    expect(asked).toEqual({ stationId: 'CS-1', ...evRequest });
    expect(await fetchEvCertificate(`${url}bad`, 'CS-1', evRequest, 2000)).toMatchObject({ status: 'Failed', exiResponse: '', statusInfo: { reasonCode: 'ProviderError' } });
  });
});

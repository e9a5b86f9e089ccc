import { existsSync, readFileSync } from 'node:fs';
import type { SecureContextOptions, TlsOptions } from 'node:tls';
import type { TlsConfig } from '@app/config';

/**
 * TLS 1.2 cipher suites the OCPP security specification requires of a CSMS
 * (ECDSA and RSA variants), preferring forward secrecy; TLS 1.3 suites are
 * OpenSSL's defaults.
 */
export const OCPP_TLS12_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'AES128-GCM-SHA256',
  'AES256-GCM-SHA384',
].join(':');

/**
 * Server options for wss://. Several certificate/key pairs (RSA and ECDSA)
 * may be loaded; OpenSSL presents the one matching what the client offers.
 * Client certificates are requested when a CA bundle is configured but not
 * enforced by TLS itself: the gateway decides per station (profile 2 stations
 * have none), so that a refusal is an HTTP 401 with a security event.
 */
export function gatewayTlsOptions(config: TlsConfig): TlsOptions & SecureContextOptions {
  return {
    cert: config.certFiles.map((file) => readFileSync(file)),
    key: config.keyFiles.map((file) => readFileSync(file)),
    ca: config.caFile ? readFileSync(config.caFile) : undefined,
    crl: crlOf(config),
    requestCert: config.caFile !== undefined,
    rejectUnauthorized: false,
    minVersion: 'TLSv1.2',
    ciphers: OCPP_TLS12_CIPHERS,
    honorCipherOrder: true,
  };
}

/**
 * The CRL file, if any. When the gateway fetches it itself (OCPP_TLS_CRL_URLS) it may not exist yet
 * (the PKI was unreachable at start): then no CRL is checked until the first fetch succeeds, rather
 * than no wss:// at all.
 */
function crlOf(config: TlsConfig): Buffer[] | undefined {
  if (config.crlFile === undefined) return undefined;
  if (config.crlUrls.length > 0 && !existsSync(config.crlFile)) return undefined;
  return crlsOfFile(readFileSync(config.crlFile));
}

const PEM_CRL_BLOCK = /-----BEGIN X509 CRL-----[\s\S]*?-----END X509 CRL-----\n?/g;

/**
 * One buffer per CRL: node adds only the first CRL of each buffer it is given, so a file holding
 * the CRLs of a root and its sub-CA would otherwise leave the sub-CA's out (UNABLE_TO_GET_CRL at
 * every handshake of that chain). A file with no PEM CRL block (DER) is passed as it is.
 */
export function crlsOfFile(content: Buffer): Buffer[] {
  const blocks = content.toString('latin1').match(PEM_CRL_BLOCK);
  return blocks ? blocks.map((block) => Buffer.from(block, 'latin1')) : [content];
}

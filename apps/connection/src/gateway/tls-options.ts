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
function crlOf(config: TlsConfig): Buffer | undefined {
  if (config.crlFile === undefined) return undefined;
  if (config.crlUrls.length > 0 && !existsSync(config.crlFile)) return undefined;
  return readFileSync(config.crlFile);
}

import { createHash } from 'node:crypto';
import { pemBlocks } from '../x509/pem';

/**
 * SHA-256 of the CSR's DER, as AcceptedCsr.fingerprint has it, so a station resending the same
 * CSR (after a timeout, with other line breaks) is recognised; a text that holds no single PEM
 * block is fingerprinted as text, so even an unreadable CSR is recorded once.
 */
export function csrFingerprintOf(csrPem: string): string {
  const blocks = pemBlocks(csrPem);
  const data = blocks?.length === 1 && blocks[0] ? blocks[0].der : Buffer.from(csrPem, 'utf8');
  return createHash('sha256').update(data).digest('hex');
}

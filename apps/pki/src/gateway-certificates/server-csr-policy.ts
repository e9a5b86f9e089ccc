import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { type CsrRefusal, CsrRefusalCode, refusal } from '../signing/csr-refusal';
import { MAX_CSR_CHARACTERS, checkSelfSignature, parseCsr } from '../signing/csr-policy';
import { type AcceptedPublicKey, checkPublicKey, isRefusal } from '../signing/public-key-policy';

/** A name the gateway's certificate carries in subjectAltName: a DNS name or an IPv4 address. */
export type ServerName = { readonly type: 'dns'; readonly value: string } | { readonly type: 'ip'; readonly value: string };

/** A gateway server CSR that passed the policy. */
export interface AcceptedServerCsr {
  readonly publicKey: AcceptedPublicKey;
  readonly subjectPublicKeyInfo: Buffer;
  readonly names: readonly ServerName[];
  readonly fingerprint: string;
}

export type ServerCsrDecision = { readonly outcome: 'accepted'; readonly csr: AcceptedServerCsr } | { readonly outcome: 'refused'; readonly refusal: CsrRefusal; readonly field: 'csrPem' | 'names' };

/** The curves a TLS server key may be on: what OCPP's ECDHE-ECDSA suites and every station stack support. */
const SERVER_CURVES = new Set(['P-256', 'P-384']);
const MAX_NAMES = 20;

/**
 * The kind of a requested name, or undefined when it is neither a DNS name nor an IPv4 address.
 * IPv6 is refused for now (the certificate writer encodes IPv4 only).
 */
export function serverNameOf(name: string): ServerName | undefined {
  const value = name.trim().toLowerCase();
  if (isIP(value) === 4) return { type: 'ip', value };
  if (isIP(value) !== 0) return undefined;
  const labels = value.split('.');
  const validLabel = (label: string) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label);
  if (value.length > 253 || !labels.every(validLabel)) return undefined;
  return { type: 'dns', value };
}

/**
 * The names the gateway asked for, checked against the allow-list (PKI_GATEWAY_SERVER_NAMES): every
 * one must be on it exactly (no wildcards, compared case-insensitively), at least one, no duplicates.
 * The names come in the request body rather than the CSR's extensionRequest, because nothing a CSR
 * asks for is copied into a certificate (ADR 020): the PKI writes what it checked.
 */
export function checkServerNames(requested: readonly string[], allowed: readonly string[]): readonly ServerName[] | CsrRefusal {
  if (requested.length === 0) return refusal(CsrRefusalCode.wrongCommonName, 'at least one host name or IP address is required');
  if (requested.length > MAX_NAMES) return refusal(CsrRefusalCode.wrongCommonName, `at most ${MAX_NAMES} names are accepted`);
  const allowList = new Set(allowed.map((name) => name.trim().toLowerCase()));
  const names: ServerName[] = [];
  for (const name of requested) {
    const parsed = serverNameOf(name);
    if (!parsed) return refusal(CsrRefusalCode.wrongCommonName, `${JSON.stringify(name)} is neither a DNS name nor an IPv4 address`);
    if (!allowList.has(parsed.value)) return refusal(CsrRefusalCode.wrongCommonName, `${JSON.stringify(name)} is not in the gateway names the PKI may certify (PKI_GATEWAY_SERVER_NAMES)`);
    if (names.some((known) => known.value === parsed.value)) return refusal(CsrRefusalCode.wrongCommonName, `${JSON.stringify(name)} is requested twice`);
    names.push(parsed);
  }
  return names;
}

/**
 * Decides on the gateway's server CSR: PKCS#10 with a valid self-signature (proof that the gateway
 * holds the key), RSA ≥ 2048 bits or EC on P-256/P-384, no CA request, and names within the
 * allow-list. The CSR's subject is ignored: the certificate's subject is the first name.
 */
export function decideServerCsr(pem: string, requestedNames: readonly string[], allowed: readonly string[]): ServerCsrDecision {
  const refused = (r: CsrRefusal, field: 'csrPem' | 'names' = 'csrPem'): ServerCsrDecision => ({ outcome: 'refused', refusal: r, field });
  const names = checkServerNames(requestedNames, allowed);
  if ('code' in names) return refused(names, 'names');
  if (pem.length > MAX_CSR_CHARACTERS) return refused(refusal(CsrRefusalCode.tooLarge, `CSR of ${pem.length} characters; at most ${MAX_CSR_CHARACTERS} are accepted`));
  const parsed = parseCsr(pem);
  if ('code' in parsed) return refused(parsed);
  const key = checkPublicKey(parsed.key);
  if (isRefusal(key)) return refused(key);
  if (key.type === 'ec' && !SERVER_CURVES.has(key.curve)) return refused(refusal(CsrRefusalCode.unsupportedKey, `EC key on ${key.curve}; a gateway server key is on P-256 or P-384`));
  const signature = checkSelfSignature(parsed);
  if (signature) return refused(signature);
  if (parsed.extensions.caRequested) return refused(refusal(CsrRefusalCode.caRequested, 'the CSR requests basicConstraints cA=true; server certificates are never CAs'));
  return {
    outcome: 'accepted',
    csr: { publicKey: key, subjectPublicKeyInfo: parsed.structure.subjectPublicKeyInfo, names, fingerprint: createHashHex(parsed.der) },
  };
}

function createHashHex(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

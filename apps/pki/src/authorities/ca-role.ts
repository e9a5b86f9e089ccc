/**
 * What a CA is for. Roots certify issuing sub-CAs; the active issuing CA of a role signs: the
 * charging-station sub-CA signs station CSRs (ChargingStationCertificate), the V2G sub-CA the
 * V2GCertificate ones. The CSMS root is also what the gateway's OCPP_TLS_CA_FILE holds.
 */
export const CA_ROLES = ['root', 'stationSubCa', 'v2gRoot', 'v2gSubCa'] as const;
export type CaRole = (typeof CA_ROLES)[number];

export const ROOT_ROLES: ReadonlySet<CaRole> = new Set(['root', 'v2gRoot']);

/** The root role an issuing role hangs under. */
export const PARENT_ROLE: Readonly<Record<'stationSubCa' | 'v2gSubCa', CaRole>> = { stationSubCa: 'root', v2gSubCa: 'v2gRoot' };

/** The issuing role that signs a station CSR of this OCPP certificate type. */
export function issuingRoleOf(certificateType: string): 'stationSubCa' | 'v2gSubCa' {
  return certificateType === 'V2GCertificate' ? 'v2gSubCa' : 'stationSubCa';
}

export function isIssuingRole(role: CaRole): role is 'stationSubCa' | 'v2gSubCa' {
  return role === 'stationSubCa' || role === 'v2gSubCa';
}

import type { CertificateAuthority } from './types';

export interface CaRow {
  ca: CertificateAuthority;
  /** 0 for a root (or a CA whose parent is not in this PKI), 1 for the sub-CAs it certified, and so on. */
  depth: number;
}

/**
 * The CA hierarchy as table rows: each root, then the issuing CAs it certified right below it, oldest first, so the
 * tree reads top-down without a tree widget. A CA whose parent is unknown (imported without one) starts its own tree.
 */
export function caHierarchy(cas: readonly CertificateAuthority[]): CaRow[] {
  const ids = new Set(cas.map((ca) => ca.id));
  const byCreation = [...cas].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.name.localeCompare(b.name));
  const children = new Map<string, CertificateAuthority[]>();
  for (const ca of byCreation) if (ca.parentId && ids.has(ca.parentId)) children.set(ca.parentId, [...(children.get(ca.parentId) ?? []), ca]);
  const rows: CaRow[] = [];
  const seen = new Set<string>();
  const walk = (ca: CertificateAuthority, depth: number) => {
    if (seen.has(ca.id)) return; // a cycle cannot come from the PKI, but must not hang the page either
    seen.add(ca.id);
    rows.push({ ca, depth });
    for (const child of children.get(ca.id) ?? []) walk(child, depth + 1);
  };
  for (const ca of byCreation) if (!ca.parentId || !ids.has(ca.parentId)) walk(ca, 0);
  for (const ca of byCreation) walk(ca, 0);
  return rows;
}

const roleLabels: Readonly<Record<CertificateAuthority['role'], string>> = {
  root: 'CSMS root',
  stationSubCa: 'Station issuing CA',
  v2gRoot: 'V2G root',
  v2gSubCa: 'V2G issuing CA',
};

export function caRoleLabel(role: CertificateAuthority['role']): string {
  return roleLabels[role] ?? role;
}

/** Only issuing CAs sign CSRs, so only they can be made the active one (the API answers 409 for a root). */
export function isIssuingCa(ca: CertificateAuthority): boolean {
  return ca.role === 'stationSubCa' || ca.role === 'v2gSubCa';
}

export type Validity = 'valid' | 'expired' | 'notYetValid';

export function validityOf(notBefore: string, notAfter: string, now: number = Date.now()): Validity {
  if (Date.parse(notAfter) <= now) return 'expired';
  if (Date.parse(notBefore) > now) return 'notYetValid';
  return 'valid';
}

/** A file name for a CA's PEM download: its name in lower case, runs of anything else as one dash. */
export function pemFileName(ca: Pick<CertificateAuthority, 'name' | 'id'>): string {
  const slug = ca.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || ca.id}.pem`;
}

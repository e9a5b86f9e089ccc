/** The certificates area's tabs, each its own hash route (`#/certificates/issued`) so a link or a reload keeps it. */
export const CERTIFICATE_TABS = [
  { value: 'authorities', label: 'Authorities' },
  { value: 'issued', label: 'Issued' },
  { value: 'revocations', label: 'Revocations' },
  { value: 'signing-requests', label: 'Signing requests' },
  { value: 'expiry', label: 'Expiry calendar' },
  { value: 'installed', label: 'Installed' },
  { value: 'jobs', label: 'Batch jobs' },
] as const;

export type CertificateTab = (typeof CERTIFICATE_TABS)[number]['value'];

/** The tab a route parameter names; anything else (none, a typo) is undefined, and the page shows the first. */
export function certificateTabOf(param: string | undefined): CertificateTab | undefined {
  return CERTIFICATE_TABS.find((tab) => tab.value === param)?.value;
}

import type { Ocpp201 } from '@app/ocpp';

/** Whom a CustomerInformation is about, as OCPP names a customer. */
export type CustomerReference = Pick<Ocpp201.CustomerInformationRequest, 'customerIdentifier' | 'idToken' | 'customerCertificate'>;

/** NotifyCustomerInformation data is at most 512 characters (OCA schema). */
export const CUSTOMER_DATA_PART_LENGTH = 512;

const NO_DATA = 'No data held about this customer.';

/**
 * What a station holds about its customers (sessions, cached tokens, ...), as text per customer,
 * for CustomerInformation (2.0.1 N09/N10) to report and clear. Tests and demos put data in with
 * `hold`; a station knows nothing about a customer until then.
 */
export class CustomerDataStore {
  private readonly data = new Map<string, string>();

  hold(customer: CustomerReference, text: string): void {
    const key = keyOf(customer);
    if (key === undefined) throw new Error('a customer is named by customerIdentifier, idToken or customerCertificate');
    this.data.set(key, text);
  }

  /** The report (before clearing) of what is held; clearing removes it. */
  request(customer: CustomerReference, report: boolean, clear: boolean): string {
    const key = keyOf(customer);
    const held = key === undefined ? undefined : this.data.get(key);
    if (clear && key !== undefined) this.data.delete(key);
    if (!report) return held === undefined ? NO_DATA : 'Customer data cleared.';
    return held ?? NO_DATA;
  }
}

function keyOf(customer: CustomerReference): string | undefined {
  if (customer.customerIdentifier !== undefined) return `id:${customer.customerIdentifier}`;
  if (customer.idToken !== undefined) return `token:${customer.idToken.type}:${customer.idToken.idToken}`;
  if (customer.customerCertificate !== undefined) return `certificate:${customer.customerCertificate.issuerKeyHash}:${customer.customerCertificate.serialNumber}`;
  return undefined;
}

/** The NotifyCustomerInformation parts carrying `text`: seqNo from 0, tbc on all but the last. */
export function customerInformationParts(requestId: number, text: string, generatedAt: string): Ocpp201.NotifyCustomerInformationRequest[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += CUSTOMER_DATA_PART_LENGTH) chunks.push(text.slice(start, start + CUSTOMER_DATA_PART_LENGTH));
  if (chunks.length === 0) chunks.push('');
  return chunks.map((data, seqNo) => ({ requestId, seqNo, data, generatedAt, ...(seqNo < chunks.length - 1 ? { tbc: true } : {}) }));
}

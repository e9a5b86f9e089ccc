import { type RetentionTarget, inboxRetention, mutationAuditRetention } from '@app/persistence';
import { PKI_SCHEMA } from '../persistence/pki-schema';

const schema = PKI_SCHEMA;

/**
 * Every table of the pki schema that only grows with traffic (ADR 044). Certificates, CSRs,
 * revocations and the jobs about them grow with stations and years, not with messages, and are
 * the PKI's record of what it vouched for: they are kept.
 */
export const PKI_RETENTION: readonly RetentionTarget[] = [
  inboxRetention(schema),
  mutationAuditRetention(schema),
  // Security events are an audit trail of the stations; aged by receipt, since a station's clock may be wrong.
  { tableClass: 'audit', schema, table: 'security_event', agedBy: 'received_at', index: 'btree' },
];

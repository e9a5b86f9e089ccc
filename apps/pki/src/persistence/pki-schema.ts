import type { ServiceSchema } from '@app/persistence';
import { CreateInbox1764110000000 } from './migrations/1764110000000-create-inbox';
import { CreateSecurityEvent1764151000001 } from './migrations/1764151000001-create-security-event';
import { CreateSigning1764300000002 } from './migrations/1764300000002-create-signing';
import { CreateRevocation1764300000005 } from './migrations/1764300000005-create-revocation';
import { CreateInventoryAndRootJobs1764300000020 } from './migrations/1764300000020-create-inventory-and-root-jobs';
import { CreateRenewal1764300000030 } from './migrations/1764300000030-create-renewal';
import { CreateProfileUpgrade1764300000040 } from './migrations/1764300000040-create-profile-upgrade';
import { AddProfileUpgradeLease1764300000060 } from './migrations/1764300000060-add-profile-upgrade-lease';
import { CreateMutationAudit1764300000080 } from './migrations/1764300000080-create-mutation-audit';
import { RetentionIndexes1764300000120 } from './migrations/1764300000120-retention-indexes';
import { IssuedCertificateOrderIndex1764400000300 } from './migrations/1764400000300-issued-certificate-order-index';

export const PKI_SCHEMA = 'pki';

export const pkiSchema: ServiceSchema = {
  schema: PKI_SCHEMA,
  entities: [],
  migrations: [CreateInbox1764110000000, CreateSecurityEvent1764151000001, CreateSigning1764300000002, CreateRevocation1764300000005, CreateInventoryAndRootJobs1764300000020, CreateRenewal1764300000030, CreateProfileUpgrade1764300000040, AddProfileUpgradeLease1764300000060, CreateMutationAudit1764300000080, RetentionIndexes1764300000120, IssuedCertificateOrderIndex1764400000300],
};

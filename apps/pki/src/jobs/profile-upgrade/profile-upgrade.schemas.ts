import { stationIdSchema } from '@app/runtime';
import { z } from 'zod';
import type { ProfileUpgrade } from './profile-upgrade.repository';

const timestamp = z.iso.datetime({ offset: true });
const STEPS = ['installRoot', 'configure', 'reset', 'awaitReconnect', 'raiseMinimum', 'rollback', 'done'] as const;

export const profileUpgradeIdSchema = z.uuid().meta({ description: 'Id of the profile upgrade.' });

export const startProfileUpgradeBody = z.strictObject({
  stationId: stationIdSchema,
  securityProfile: z
    .number()
    .int()
    .min(0)
    .max(3)
    .meta({ description: '2: Basic auth over TLS; 3: TLS with the client certificate the station got from this PKI. Must be above the profile it is connected on (else 409); 0 and 1 are no upgrade target (422).' }),
});
export type StartProfileUpgradeBody = z.output<typeof startProfileUpgradeBody>;

const stepSchema = z.object({
  step: z.enum(STEPS),
  action: z.string().meta({ description: 'What was sent or checked, e.g. `SetNetworkProfile slot 2`.', example: 'InstallCertificate CSMSRootCertificate' }),
  ok: z.boolean(),
  at: timestamp,
  answer: z.unknown().optional().meta({ description: 'The station’s answer in the version-neutral form of the command.' }),
  detail: z.string().optional().meta({ description: 'Why the step did not succeed, or what was seen.' }),
});

export const profileUpgradeSchema = z.object({
  id: profileUpgradeIdSchema,
  stationId: z.string(),
  protocol: z.enum(['1.6', '2.0.1']),
  fromProfile: z.int().meta({ description: 'The profile the station was connected on when the job started.' }),
  toProfile: z.int(),
  csmsUrl: z.string().meta({ description: 'The gateway URL the station is sent to (PKI_GATEWAY_WSS_URL).' }),
  status: z.enum(['running', 'succeeded', 'failed']),
  step: z.enum(STEPS).meta({ description: 'The step the job is at; `done` once finished.' }),
  steps: z.array(stepSchema).meta({ description: 'Every step so far, oldest first, with the station’s answer.' }),
  networkSlot: z.int().nullable().meta({ description: '2.0.1: the network profile slot the new profile went into.' }),
  previousPriority: z.string().nullable().meta({ description: '2.0.1: NetworkConfigurationPriority before the upgrade, restored by a rollback.' }),
  reason: z.string().nullable().meta({ description: 'Why the job failed, and whether it was rolled back.' }),
  requestedBy: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
  updatedAt: timestamp,
});
export type ProfileUpgradeView = z.output<typeof profileUpgradeSchema>;
export const profileUpgradeListSchema = z.object({ items: z.array(profileUpgradeSchema) });

export const listProfileUpgradesQuery = z.strictObject({
  stationId: stationIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: 'At most this many, newest first (default 100).' }),
});
export type ListProfileUpgradesQuery = z.output<typeof listProfileUpgradesQuery>;

export function profileUpgradeViewOf(upgrade: ProfileUpgrade): ProfileUpgradeView {
  return {
    id: upgrade.id,
    stationId: upgrade.stationId,
    protocol: upgrade.protocol,
    fromProfile: upgrade.fromProfile,
    toProfile: upgrade.toProfile,
    csmsUrl: upgrade.csmsUrl,
    status: upgrade.status,
    step: upgrade.step,
    steps: upgrade.steps,
    networkSlot: upgrade.networkSlot,
    previousPriority: upgrade.previousPriority,
    reason: upgrade.reason,
    requestedBy: upgrade.requestedBy,
    createdAt: upgrade.createdAt.toISOString(),
    finishedAt: upgrade.finishedAt?.toISOString() ?? null,
    updatedAt: upgrade.updatedAt.toISOString(),
  };
}

/** Who drives a running profile upgrade, and until when (profile_upgrade.runner / lease_until). */
export interface UpgradeLease {
  readonly runner: string | null;
  readonly leaseUntil: Date | null;
}

/**
 * Whether `runner` may take or renew the lease now: nobody holds it, `runner` holds it already, or
 * the holder's lease ran out (its replica died or hung). The atomic claim in SQL decides; the sweep
 * asks this first so it does not write to every job another replica is driving.
 */
export function mayDrive(lease: UpgradeLease, runner: string, now: Date): boolean {
  if (lease.runner === null || lease.runner === runner || lease.leaseUntil === null) return true;
  return lease.leaseUntil.getTime() < now.getTime();
}

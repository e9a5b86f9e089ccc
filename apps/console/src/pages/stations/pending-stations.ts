import type { CredentialProvisioning, StationView } from './station-types';

// The most a page holds: stations waiting for an operator are few; more than this is a queue no one works through by hand.
export const PENDING_PAGE_SIZE = 500;

/**
 * `GET /stations` asked for first-contact stations (ADR 039): registered by their own first connection (`autoRegistered`),
 * accepted and still on profile 0. The server filters, so no accepted profile-0 station an operator registered fills the page.
 */
export const FIRST_CONTACT_QUERY = { autoRegistered: true, registrationStatus: 'accepted', securityProfile: 0, limit: PENDING_PAGE_SIZE } as const;

/**
 * A first-contact station (ADR 039): registered by its own first connection, accepted, on profile 0 without a
 * password. `POST /stations/{id}/accept` adopts it and gives it a password, like a Pending one.
 */
export function isFirstContact(station: StationView): boolean {
  return station.autoRegistered && station.registrationStatus === 'accepted' && station.securityProfile === 0 && !station.hasPassword;
}

/** Where the password the CSMS gives an accepted station has got to, in words. */
export function provisioningText(provisioning: CredentialProvisioning | null): string {
  if (provisioning === null) return 'No password to give: the station keeps its credentials.';
  switch (provisioning.state) {
    case 'waiting':
      return 'Waiting: the station gets its password once it is connected and booted.';
    case 'delivering':
      return 'Delivering the password now.';
    case 'failed':
      return `Failed after ${provisioning.attempts} attempt${provisioning.attempts === 1 ? '' : 's'}${provisioning.lastOutcome ? ` (${provisioning.lastOutcome})` : ''}: tried again while the station is connected.`;
    case 'provisioned':
      return 'Provisioned: the station took its password and uses Basic auth from now on.';
  }
}

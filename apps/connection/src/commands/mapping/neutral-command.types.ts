import type { ClearChargingProfile, GetChargingProfiles, LocalAuthorization, RemoteStart, SetChargingProfile, StationCommand } from '@app/contracts';

// Names for the version-neutral contract types the mappers read. `@app/contracts` exports the
// command messages; the charging-profile and id-token types they embed are reached through them.

export type CommandBody = StationCommand['body'];
export type CommandCase = NonNullable<CommandBody['case']>;
/** The message a body case carries, e.g. `BodyOf<'reset'>` is the `Reset` message. */
export type BodyOf<C extends CommandCase> = Extract<CommandBody, { case: C }>['value'];

export type NeutralTimestamp = NonNullable<StationCommand['issuedAt']>;
export type NeutralIdToken = NonNullable<RemoteStart['idToken']>;
export type NeutralAuthorizationStatus = LocalAuthorization['status'];

export type NeutralChargingProfile = NonNullable<SetChargingProfile['profile']>;
export type NeutralChargingSchedule = NonNullable<NeutralChargingProfile['schedule']>;
export type NeutralChargingPeriod = NeutralChargingSchedule['periods'][number];
export type NeutralProfilePurpose = ClearChargingProfile['purpose'];
export type NeutralProfileKind = NeutralChargingProfile['kind'];
export type NeutralRecurrency = NeutralChargingProfile['recurrency'];
export type NeutralRateUnit = NeutralChargingSchedule['rateUnit'];
export type NeutralLimitSource = GetChargingProfiles['sources'][number];

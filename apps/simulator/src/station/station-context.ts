import type { StationLink } from '../connection/station-link';
import type { StationDialect } from '../dialect/station-dialect';
import type { StationSettings } from '../provisioning/station-settings';
import type { ChargingProfileStore } from '../smart-charging/charging-profile.store';
import type { StationEvents } from './station-events';
import type { ResolvedStationOptions } from './station-options';

/** What the parts of one simulated station share. */
export interface StationContext {
  readonly options: ResolvedStationOptions;
  readonly dialect: StationDialect;
  readonly link: StationLink;
  readonly events: StationEvents;
  readonly settings: StationSettings;
  readonly profiles: ChargingProfileStore;
}

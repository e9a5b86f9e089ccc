import { INITIAL_SLOT } from '../connection/network-profiles';
import type { ResolvedStationOptions } from '../station/station-options';
import type { SettingName } from './station-settings';

const MEASURANDS = 'Energy.Active.Import.Register,Power.Active.Import,Current.Import,Voltage';
const FEATURE_PROFILES = 'Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger';

/** A fresh station's settings; HeartbeatInterval is replaced by the interval of the accepted boot. */
export function initialSettings(options: ResolvedStationOptions, allowedRateUnits: string): Record<SettingName, string> {
  return {
    HeartbeatInterval: '300',
    MeterValueSampleInterval: String(options.meterIntervalS),
    NumberOfConnectors: String(options.evseCount),
    AuthorizeRemoteTxRequests: 'false',
    MeterValuesSampledData: MEASURANDS,
    ConnectionTimeOut: '60',
    LocalAuthListEnabled: 'true',
    SendLocalListMaxLength: String(options.localList.itemsPerMessage),
    LocalAuthListMaxLength: String(options.localList.maxEntries),
    LocalAuthListBytesPerMessage: String(options.localList.bytesPerMessage),
    ChargeProfileMaxStackLevel: '10',
    ChargingScheduleAllowedChargingRateUnit: allowedRateUnits,
    ChargingScheduleMaxPeriods: '24',
    MaxChargingProfilesInstalled: '16',
    SupportedFeatureProfiles: FEATURE_PROFILES,
    SecurityProfile: String(options.connection.securityProfile),
    CpoName: options.organization,
    // No phase switching of any kind: a 1-phase EV draws on the station's L1.
    ConnectorSwitch3to1PhaseSupported: 'false',
    SmartChargingEnabled: 'true',
    ACPhaseSwitchingSupported: 'false',
    SupplyPhases: String(options.capability.numberPhases),
    NetworkConfigurationPriority: String(INITIAL_SLOT),
  };
}

import { ChargingRateUnit } from '@app/contracts';
import { capabilitiesOf } from './charging-capabilities.mapper';
import { fromOcppResponse } from './from-ocpp-response';
import { commandWith, expectCall, validAnswer } from './station-command.fixtures';

const command = commandWith({ case: 'getChargingCapabilities', value: {} });

const variable = (component: string, name: string, instance?: string) => ({
  component: { name: component },
  variable: instance === undefined ? { name } : { name, instance },
});

describe('get charging capabilities', () => {
  it('asks a 1.6 station for its smart-charging configuration keys', () => {
    expectCall('1.6', command, {
      action: 'GetConfiguration',
      payload: {
        key: [
          'SupportedFeatureProfiles',
          'ChargingScheduleAllowedChargingRateUnit',
          'ChargeProfileMaxStackLevel',
          'ChargingScheduleMaxPeriods',
          'MaxChargingProfilesInstalled',
          'ConnectorSwitch3to1PhaseSupported',
        ],
      },
    });
  });

  it('asks a 2.0.1 station for its SmartChargingCtrlr variables and supply phases', () => {
    expectCall('2.0.1', command, {
      action: 'GetVariables',
      payload: {
        getVariableData: [
          variable('SmartChargingCtrlr', 'Enabled'),
          variable('SmartChargingCtrlr', 'RateUnit'),
          variable('SmartChargingCtrlr', 'ProfileStackLevel'),
          variable('SmartChargingCtrlr', 'PeriodsPerSchedule'),
          variable('SmartChargingCtrlr', 'Entries', 'ChargingProfiles'),
          variable('SmartChargingCtrlr', 'Phases3to1'),
          variable('SmartChargingCtrlr', 'ACPhaseSwitchingSupported'),
          variable('ChargingStation', 'SupplyPhases'),
        ],
      },
    });
  });

  it('reads a 1.6 answer, leaving what the station does not know unknown', () => {
    const answer = validAnswer('1.6', 'GetConfiguration', {
      configurationKey: [
        { key: 'SupportedFeatureProfiles', readonly: true, value: 'Core,SmartCharging,RemoteTrigger' },
        { key: 'ChargingScheduleAllowedChargingRateUnit', readonly: true, value: 'Power, Current' },
        { key: 'ChargeProfileMaxStackLevel', readonly: true, value: '8' },
        { key: 'ChargingScheduleMaxPeriods', readonly: true, value: '24' },
        { key: 'MaxChargingProfilesInstalled', readonly: true, value: 'many' },
      ],
      unknownKey: ['ConnectorSwitch3to1PhaseSupported'],
    });
    const response = fromOcppResponse('1.6', command, answer);
    expect(response.accepted).toBe(true);
    expect(response.result).toEqual({
      status: 'Accepted',
      capabilities: {
        smartChargingEnabled: true,
        rateUnits: ['CHARGING_RATE_UNIT_AMPERE', 'CHARGING_RATE_UNIT_WATT'],
        maxStackLevel: 8,
        maxPeriodsPerSchedule: 24,
        phaseToUseSupported: false,
      },
      unknownKeys: ['ConnectorSwitch3to1PhaseSupported'],
    });
    expect(response.event).toMatchObject({
      case: 'chargingCapabilities',
      value: { smartChargingEnabled: true, rateUnits: [ChargingRateUnit.AMPERE, ChargingRateUnit.WATT], maxStackLevel: 8 },
    });
  });

  it('reads a 2.0.1 answer by component and variable, the entries by their instance', () => {
    const answer = validAnswer('2.0.1', 'GetVariables', {
      getVariableResult: [
        { attributeStatus: 'Accepted', attributeValue: 'true', ...variable('SmartChargingCtrlr', 'Enabled') },
        { attributeStatus: 'Accepted', attributeValue: 'A', ...variable('SmartChargingCtrlr', 'RateUnit') },
        { attributeStatus: 'Accepted', attributeValue: '3', ...variable('SmartChargingCtrlr', 'ProfileStackLevel') },
        { attributeStatus: 'Accepted', attributeValue: '1024', ...variable('SmartChargingCtrlr', 'PeriodsPerSchedule') },
        { attributeStatus: 'Accepted', attributeValue: '20', ...variable('SmartChargingCtrlr', 'Entries', 'ChargingProfiles') },
        { attributeStatus: 'Accepted', attributeValue: 'True', ...variable('SmartChargingCtrlr', 'Phases3to1') },
        { attributeStatus: 'UnknownVariable', ...variable('SmartChargingCtrlr', 'ACPhaseSwitchingSupported') },
        { attributeStatus: 'Accepted', attributeValue: '3', ...variable('ChargingStation', 'SupplyPhases') },
      ],
    });
    expect(fromOcppResponse('2.0.1', command, answer).result['capabilities']).toEqual({
      smartChargingEnabled: true,
      rateUnits: ['CHARGING_RATE_UNIT_AMPERE'],
      maxStackLevel: 3,
      maxPeriodsPerSchedule: 1024,
      maxProfilesInstalled: 20,
      supplyPhases: 3,
      phaseSwitching3to1: true,
    });
  });

  it('says a 1.6 station without the SmartCharging feature profile has smart charging off', () => {
    expect(capabilitiesOf('1.6', new Map([['supportedfeatureprofiles', 'Core,FirmwareManagement']]))).toMatchObject({ smartChargingEnabled: false, rateUnits: [] });
    expect(capabilitiesOf('2.0.1', new Map())).toMatchObject({ smartChargingEnabled: undefined, phaseToUseSupported: undefined });
  });
});

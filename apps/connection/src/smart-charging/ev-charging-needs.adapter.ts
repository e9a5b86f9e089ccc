import { EnergyTransferMode, timestampFromDate } from '@app/contracts';
import type { Ocpp201 } from '@app/ocpp';
import type { StationEventBody } from '../station-events/event-body';

const transferModeOf: Readonly<Record<Ocpp201.EnergyTransferModeEnumType, EnergyTransferMode>> = {
  DC: EnergyTransferMode.DC,
  AC_single_phase: EnergyTransferMode.AC_SINGLE_PHASE,
  AC_two_phase: EnergyTransferMode.AC_TWO_PHASE,
  AC_three_phase: EnergyTransferMode.AC_THREE_PHASE,
};

/** 2.0.1 NotifyEVChargingNeeds as `ev_charging_needs`: units in the field names (Wh, A, V, W, %). */
export function evChargingNeedsEvent(request: Ocpp201.NotifyEVChargingNeedsRequest): StationEventBody {
  const { chargingNeeds: needs } = request;
  const ac = needs.acChargingParameters;
  const dc = needs.dcChargingParameters;
  return {
    case: 'evChargingNeeds',
    value: {
      evseId: request.evseId,
      requestedEnergyTransfer: transferModeOf[needs.requestedEnergyTransfer],
      departureTime: needs.departureTime === undefined ? undefined : timestampFromDate(new Date(needs.departureTime)),
      ac: ac && { energyAmountWh: ac.energyAmount, evMinCurrentA: ac.evMinCurrent, evMaxCurrentA: ac.evMaxCurrent, evMaxVoltageV: ac.evMaxVoltage },
      dc: dc && {
        evMaxCurrentA: dc.evMaxCurrent,
        evMaxVoltageV: dc.evMaxVoltage,
        energyAmountWh: dc.energyAmount,
        evMaxPowerW: dc.evMaxPower,
        stateOfChargePercent: dc.stateOfCharge,
        evEnergyCapacityWh: dc.evEnergyCapacity,
        fullSocPercent: dc.fullSoC,
        bulkSocPercent: dc.bulkSoC,
      },
      maxScheduleTuples: request.maxScheduleTuples ?? 0,
    },
  };
}

/**
 * Accepted: the needs are taken in. The status says whether the CSMS processed the message, not
 * whether a schedule will meet the needs (OCA schema); no schedule is computed while the station
 * waits. Smart charging, which reads the event, answers with a TxProfile (SetChargingProfile)
 * when it manages the EVSE, which 2.0.1 allows at any time of the transaction. Processing would
 * hold the EV's ISO 15118 negotiation for a schedule that may never come (the EVSE may not be
 * managed), and Rejected tells the station the CSMS offers no smart charging at all.
 */
export function evChargingNeedsAnswer(): Ocpp201.NotifyEVChargingNeedsResponse {
  return { status: 'Accepted' };
}

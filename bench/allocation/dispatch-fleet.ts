import type { OcppVersion } from '@app/ocpp';
import { SimulatedStation } from '@app/simulator';

/** A station that charges from the start: connected, booted, Available, then a transaction on EVSE 1. */
async function startCharging(station: SimulatedStation): Promise<void> {
  await station.connect();
  await station.boot();
  await station.sendStatus('Available');
  await station.startTransaction({ evseId: 1, idToken: `TAG-${station.id}`.slice(0, 20) });
}

/**
 * The simulated stations of the dispatch phase (real OCPP-J over WebSocket, even ones 1.6, odd
 * ones 2.0.1), each charging one 3-phase 32 A EV, brought up `concurrency` at a time.
 */
export async function chargingFleet(wsUrl: string, stationIds: readonly string[], options: { concurrency: number; meterIntervalS: number }): Promise<SimulatedStation[]> {
  const stations = stationIds.map(
    (id, index) =>
      new SimulatedStation({
        id,
        version: (index % 2 === 0 ? '1.6' : '2.0.1') satisfies OcppVersion,
        connection: { url: wsUrl, securityProfile: 0 },
        meterIntervalS: options.meterIntervalS,
        callTimeoutMs: 60_000,
      }),
  );
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < stations.length; index = next++) {
      const station = stations[index];
      if (station) await startCharging(station);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, stations.length) }, worker));
  return stations;
}

import { MetricsRegistry } from '@app/observability';
import { GatewayMetrics } from './gateway.metrics';
import type { StationConnection } from './station-connection';
import { StationConnections } from './station-connections';

function connection(stationId: string, protocol: string, securityProfile: number): StationConnection {
  return { stationId, protocol, securityProfile } as unknown as StationConnection;
}

async function connectionSeries(metrics: MetricsRegistry): Promise<string[]> {
  const text = await metrics.registry.metrics();
  return text.split('\n').filter((line) => line.startsWith('csms_ocpp_connections{'));
}

describe('GatewayMetrics', () => {
  it('prints 0 for every protocol and security profile while no station is connected', async () => {
    const metrics = new MetricsRegistry();
    new GatewayMetrics(metrics, new StationConnections());
    expect((await connectionSeries(metrics)).sort()).toEqual(
      ['ocpp1.6', 'ocpp2.0.1'].flatMap((protocol) => [0, 1, 2, 3].map((profile) => `csms_ocpp_connections{protocol="${protocol}",security_profile="${profile}"} 0`)).sort(),
    );
  });

  it('counts connected stations by protocol and security profile, and back to 0 when they leave', async () => {
    const metrics = new MetricsRegistry();
    const connections = new StationConnections();
    new GatewayMetrics(metrics, connections);
    const leaving = connection('CP-3', 'ocpp1.6', 1);
    [connection('CP-1', 'ocpp2.0.1', 2), connection('CP-2', 'ocpp2.0.1', 2), leaving].forEach((added) => connections.add(added));
    const series = await connectionSeries(metrics);
    expect(series).toHaveLength(8);
    expect(series).toEqual(
      expect.arrayContaining(['csms_ocpp_connections{protocol="ocpp2.0.1",security_profile="2"} 2', 'csms_ocpp_connections{protocol="ocpp1.6",security_profile="1"} 1']),
    );
    connections.remove(leaving);
    expect(await connectionSeries(metrics)).toContain('csms_ocpp_connections{protocol="ocpp1.6",security_profile="1"} 0');
  });
});

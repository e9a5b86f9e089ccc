import { metricsChange, parseCsmsMetrics } from './gateway-metrics';

const BEFORE = `# HELP csms_ocpp_answers_withheld_total Answers withheld
# TYPE csms_ocpp_answers_withheld_total counter
csms_ocpp_answers_withheld_total{action="MeterValues"} 2
# TYPE csms_http_requests_total counter
csms_http_requests_total{method="GET",route="/metrics",status="200"} 4
# TYPE csms_db_pool_waiting gauge
csms_db_pool_waiting 0
# TYPE csms_ocpp_connections gauge
csms_ocpp_connections{protocol="ocpp1.6"} 10
# TYPE csms_handler_seconds histogram
csms_handler_seconds_bucket{le="0.1"} 5
csms_handler_seconds_sum 0.3
csms_handler_seconds_count 5
nodejs_heap_size_total_bytes 1000
`;

const AFTER = BEFORE.replace('{action="MeterValues"} 2', '{action="MeterValues"} 9')
  .replace('route="/metrics",status="200"} 4', 'route="/metrics",status="200"} 5')
  .replace('csms_db_pool_waiting 0', 'csms_db_pool_waiting 3')
  .replace('csms_handler_seconds_bucket{le="0.1"} 5', 'csms_handler_seconds_bucket{le="0.1"} 8')
  .replace('csms_handler_seconds_count 5', 'csms_handler_seconds_count 8')
  .concat('# TYPE csms_ocpp_turned_away_total counter\ncsms_ocpp_turned_away_total 4\n');

describe('metricsChange', () => {
  const change = metricsChange(parseCsmsMetrics(BEFORE), parseCsmsMetrics(AFTER));

  it('reports each counter sample that grew by how much, including one that appeared meanwhile', () => {
    expect(change.counters).toEqual({
      'csms_ocpp_answers_withheld_total{action="MeterValues"}': 7,
      csms_ocpp_turned_away_total: 4,
      csms_handler_seconds_count: 3,
    });
  });

  it('reports gauges that are not zero or moved, and leaves out histogram buckets, its own scrapes and non-csms metrics', () => {
    expect(change.gauges).toEqual({ csms_db_pool_waiting: 3, 'csms_ocpp_connections{protocol="ocpp1.6"}': 10 });
  });
});

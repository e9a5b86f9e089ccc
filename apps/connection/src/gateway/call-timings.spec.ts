import { MetricsRegistry } from '@app/observability';
import { CallTimings } from './call-timings';

describe('CallTimings', () => {
  it('observes each CALL by action and outcome, passing its result or error through', async () => {
    const metrics = new MetricsRegistry();
    const timings = new CallTimings(metrics);
    await expect(timings.time('Heartbeat', async () => 'ok')).resolves.toBe('ok');
    await expect(timings.time('MeterValues', async () => Promise.reject(new Error('withheld')))).rejects.toThrow('withheld');
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/csms_ocpp_call_handling_seconds_count\{action="Heartbeat",outcome="answered"\} 1/);
    expect(text).toMatch(/csms_ocpp_call_handling_seconds_count\{action="MeterValues",outcome="failed"\} 1/);
  });
});

import { FleetMetrics } from '../metrics/fleet-metrics';
import { ProgressReporter } from './progress.reporter';

describe('ProgressReporter', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function reporter(isTTY: boolean): { written: string[]; progress: ProgressReporter } {
    const written: string[] = [];
    const metrics = new FleetMetrics();
    const progress = new ProgressReporter({ isTTY, write: (text: string) => written.push(text) }, () => metrics.snapshot(), 10);
    return { written, progress };
  }

  it('rewrites one line twice a second on a terminal and clears it at the end', () => {
    const { written, progress } = reporter(true);
    progress.start();
    jest.advanceTimersByTime(1000);
    expect(written).toHaveLength(2);
    expect(written[0]).toMatch(/^\r\x1b\[K\[\.+\] 0\/10 booted/);
    progress.stop();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });

  it('writes a plain line every ten seconds otherwise', () => {
    const { written, progress } = reporter(false);
    progress.start();
    jest.advanceTimersByTime(9999);
    expect(written).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(written).toEqual([expect.stringMatching(/0\/10 booted.*\n$/)]);
    progress.stop();
    expect(written).toHaveLength(1);
  });
});

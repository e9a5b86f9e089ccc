import { UsageWindow } from './system-usage';

function burn(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) Math.sqrt(Math.random());
}

describe('UsageWindow', () => {
  it('measures the CPU seconds a process spent over the window as the process itself counts them, and its RSS', async () => {
    const window = await UsageWindow.open([
      { name: 'self', pids: () => [process.pid], withDescendants: false, memory: true },
      { name: 'nobody', pids: () => [], withDescendants: true, memory: true },
    ]);
    const before = process.cpuUsage();
    burn(400);
    const spent = process.cpuUsage(before);
    const usage = await window.close();

    // /proc counts in 10 ms ticks; the window also holds its own opening and closing.
    expect(Math.abs((usage.self?.cpuSeconds ?? 0) - (spent.user + spent.system) / 1e6)).toBeLessThan(0.1);
    expect(usage.self?.cores).toBeGreaterThan(0);
    const rssMB = process.memoryUsage().rss / 2 ** 20;
    expect(Math.abs((usage.self?.memoryMB ?? 0) - rssMB)).toBeLessThan(rssMB * 0.2);
    expect(usage.self?.waitingForCpu).toBeGreaterThanOrEqual(0);
    expect(usage.nobody).toEqual({ pids: [], cpuSeconds: 0, cores: 0, waitingForCpu: 0, memoryMB: 0, peakMemoryMB: 0 });
  });
});

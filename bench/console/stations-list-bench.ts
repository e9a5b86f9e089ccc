import { launchChromium, measureStationsList, seedStations, startEmbeddedForBrowser, type StationsListFigures } from '@test/support/browser';

/**
 * How the console's stations list behaves with a large fleet, in headless Chromium against the embedded mode:
 * navigation to the first rows, a page change and a filter change, and main-thread long tasks, each over several
 * fresh pages (`npm run bench:console`; CONSOLE_BENCH_STATIONS, CONSOLE_BENCH_PAGE_SIZE, CONSOLE_BENCH_ROUNDS).
 * Needs `npm run build` (the script does it) and Chromium (tools/browser/ensure-chromium.sh).
 */
const STATIONS = Number(process.env.CONSOLE_BENCH_STATIONS ?? 10_000);
const PAGE_SIZE = Number(process.env.CONSOLE_BENCH_PAGE_SIZE ?? 500);
const ROUNDS = Number(process.env.CONSOLE_BENCH_ROUNDS ?? 7);

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `min ${sorted[0]} / median ${sorted[Math.floor(sorted.length / 2)]} / max ${sorted[sorted.length - 1]} ms`;
}

async function main(): Promise<void> {
  const csms = await startEmbeddedForBrowser();
  const browser = await launchChromium({ viewport: { width: 1366, height: 768 } });
  try {
    await seedStations(csms, STATIONS);
    const rounds: StationsListFigures[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const page = await browser.newPage();
      rounds.push(await measureStationsList(page, csms, PAGE_SIZE));
      await page.close();
    }
    process.stdout.write(
      [
        `console stations list: ${STATIONS} stations, ${PAGE_SIZE} rows per page, ${ROUNDS} fresh pages`,
        `  first rows     ${spread(rounds.map((round) => round.firstRowsMs))}`,
        `  page change    ${spread(rounds.map((round) => round.pageChangeMs))}`,
        `  filter change  ${spread(rounds.map((round) => round.filterChangeMs))}`,
        `  longest task   ${spread(rounds.map((round) => round.longTasks.longestMs))}`,
        `  long tasks     ${spread(rounds.map((round) => round.longTasks.totalMs))} in all per page`,
        '',
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await csms.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:console failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

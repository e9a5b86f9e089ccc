#!/usr/bin/env node
import { parseCliArgs } from './cli/cli-options';
import { loadFleetOptions } from './cli/fleet-options.loader';
import { helpText } from './cli/help-text';
import { ProgressReporter } from './cli/progress.reporter';
import { formatSummary } from './cli/summary.formatter';
import { Fleet } from './fleet/fleet';

// The CLI is a terminal tool: it writes to stdout/stderr; the library it drives never does.
const EXIT_OK = 0;
const EXIT_STATIONS_FAILED = 1;
const EXIT_USAGE = 2;
/** After the summary, anything still holding the event loop (a socket stuck in a handshake) gets this long. */
const EXIT_GRACE_MS = 5000;

const out = (text: string): void => void process.stdout.write(`${text}\n`);
const err = (text: string): void => void process.stderr.write(`${text}\n`);

async function main(args: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(args);
  if (!parsed.ok) {
    err(`simulator: ${parsed.message}\nTry --help.`);
    return EXIT_USAGE;
  }
  if (parsed.help) {
    out(helpText);
    return EXIT_OK;
  }
  const { settings } = parsed;
  const loaded = loadFleetOptions(settings);
  if (!loaded.ok) {
    err(`simulator: ${loaded.message}`);
    return EXIT_USAGE;
  }
  const fleet = new Fleet(loaded.options);
  const progress = new ProgressReporter(process.stderr, () => fleet.metrics.snapshot(), settings.count);
  process.once('SIGINT', () => {
    err('\nsimulator: winding down (Ctrl-C again to abort)');
    fleet.stop();
    process.once('SIGINT', () => process.exit(130));
  });
  process.once('SIGTERM', () => fleet.stop());
  if (settings.progress) progress.start();
  const result = await fleet.run();
  progress.stop();
  const heading = { scenario: settings.scenario, url: settings.url };
  out(settings.json ? JSON.stringify({ ok: result.ok, ...heading, ...result.snapshot }, null, 2) : formatSummary(result.snapshot, heading));
  return result.ok ? EXIT_OK : EXIT_STATIONS_FAILED;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
  },
  (error: unknown) => {
    err(`simulator: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(EXIT_STATIONS_FAILED);
  },
);

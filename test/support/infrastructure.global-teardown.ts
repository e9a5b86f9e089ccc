import { scanE2eRun } from './e2e-run';
import { stopKafka, stopPostgres } from './infrastructure';

/**
 * Stops what the global setup started (never a server the caller named), then fails the run
 * (jest exits non-zero) if a secret a test registered appears in any service's log.
 */
export default async function stopInfrastructure(): Promise<void> {
  try {
    stopKafka(process.env.CSMS_TEST_KAFKA_RUN_DIR);
    stopPostgres(process.env.CSMS_TEST_PG_RUN_DIR);
  } finally {
    const runDir = process.env.CSMS_E2E_RUN_DIR;
    const leaks = runDir === undefined ? [] : scanE2eRun(runDir);
    if (leaks.length > 0) {
      const lines = leaks.map((leak) => `  ${leak.secret} (${leak.form}) in ${leak.source}:${leak.line}`);
      throw new Error(`secrets found in service logs:\n${lines.join('\n')}`);
    }
  }
}

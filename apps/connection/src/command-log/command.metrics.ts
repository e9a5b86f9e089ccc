import { MetricsRegistry } from '@app/observability';
import { Injectable } from '@nestjs/common';
import type { Counter, Histogram } from 'prom-client';
import type { CommandRecord } from './command-record';

/** Up to the longest deadline an operator may give (5 min): timeouts land in the top buckets. */
const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/** Prometheus instruments of the commands this replica runs on its stations. */
@Injectable()
export class CommandMetrics {
  private readonly executed: Counter;
  private readonly duration: Histogram;

  constructor(metrics: MetricsRegistry) {
    this.executed = metrics.counter('csms_station_commands_total', 'Station commands this replica ran, by neutral command and outcome', ['command', 'status']);
    this.duration = metrics.histogram(
      'csms_station_command_duration_seconds',
      'From taking a command off ocpp.commands to its outcome, by neutral command and outcome',
      ['command', 'status'],
      DURATION_BUCKETS_SECONDS,
    );
  }

  observe(record: Pick<CommandRecord, 'command' | 'status'>, durationSeconds: number): void {
    const labels = { command: record.command, status: record.status };
    this.executed.inc(labels);
    this.duration.observe(labels, durationSeconds);
  }
}

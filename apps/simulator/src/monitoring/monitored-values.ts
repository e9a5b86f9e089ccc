import type { Ocpp201 } from '@app/ocpp';
import type { VariableMonitor, VariableMonitors } from './variable-monitors';

type Send = (action: string, payload: object) => Promise<unknown>;

const isoTime = (at: number) => new Date(at).toISOString();

/** Whether a threshold monitor's condition holds for this value. */
function breached(monitor: VariableMonitor, value: number): boolean | undefined {
  if (monitor.type === 'UpperThreshold') return value > monitor.value;
  if (monitor.type === 'LowerThreshold') return value < monitor.value;
  return undefined;
}

/**
 * Values the simulated station measures, watched by its threshold monitors: a value crossing a
 * monitor's threshold sends NotifyEvent (Alerting, CustomMonitor, the monitor's id), and going back
 * sends the same event with `cleared: true` — unless the monitor's severity is above the
 * monitoring level (SetMonitoringLevel), when the station stays silent.
 */
export class MonitoredValues {
  private readonly alerting = new Set<number>();
  private nextEventId = 1;

  constructor(
    private readonly monitors: VariableMonitors,
    private readonly send: Send,
    private readonly now: () => number,
  ) {}

  /** The station measures `value` for this component and variable; resolves once its NotifyEvent (if any) is answered. */
  async measure(component: Ocpp201.ComponentType, variable: Ocpp201.VariableType, value: number): Promise<void> {
    const events: Ocpp201.EventDataType[] = [];
    for (const monitor of this.monitors.active(component, variable)) {
      const holds = breached(monitor, value);
      if (holds === undefined || holds === this.alerting.has(monitor.id)) continue;
      if (holds) this.alerting.add(monitor.id);
      else this.alerting.delete(monitor.id);
      if (monitor.severity > this.monitors.level) continue;
      events.push(this.eventOf(monitor, value, !holds));
    }
    const [first, ...rest] = events;
    if (first === undefined) return;
    await this.send('NotifyEvent', { generatedAt: isoTime(this.now()), seqNo: 0, eventData: [first, ...rest] });
  }

  private eventOf(monitor: VariableMonitor, value: number, cleared: boolean): Ocpp201.EventDataType {
    return {
      eventId: this.nextEventId++,
      timestamp: isoTime(this.now()),
      trigger: 'Alerting',
      actualValue: String(value),
      cleared,
      component: monitor.component,
      variable: monitor.variable,
      variableMonitoringId: monitor.id,
      eventNotificationType: 'CustomMonitor',
    };
  }
}

// Rows for the retention e2e (test/e2e/retention.e2e-spec.ts): in every table class of every schema,
// rows older than the retention (marked `old`), recent ones (`new`) and old ones that must stay
// (`keep`: events and samples of a transaction still open or ended lately, alerts still active).

/** How old `old` rows are; the test keeps every class 30 days. */
const OLD = `now() - interval '100 days'`;
const NEW = `now() - interval '1 day'`;

const series = (count: number) => `generate_series(1, ${count}) AS n`;

function inbox(schema: string, old: number, fresh: number): string[] {
  return [
    `INSERT INTO "${schema}".processed_event (event_id, consumer, processed_at) SELECT 'old-' || n, 'c', ${OLD} FROM ${series(old)}`,
    `INSERT INTO "${schema}".processed_event (event_id, consumer, processed_at) SELECT 'new-' || n, 'c', ${NEW} FROM ${series(fresh)}`,
  ];
}

function audit(schema: string, old: number, fresh: number): string[] {
  const columns = 'actor, actor_roles, credential, method, route, action, path_params, resource_type, at';
  return [
    `INSERT INTO "${schema}".mutation_audit (${columns}) SELECT 'old', '{admin}', 't', 'POST', '/x', 'x', '{}', 'x', ${OLD} FROM ${series(old)}`,
    `INSERT INTO "${schema}".mutation_audit (${columns}) SELECT 'new', '{admin}', 't', 'POST', '/x', 'x', '{}', 'x', ${NEW} FROM ${series(fresh)}`,
  ];
}

function transaction(id: string, state: 'active' | 'ended', updatedAt: string): string[] {
  const events = `INSERT INTO connection.transaction_event (station_id, transaction_id, seq_no, event_type, occurred_at, trigger_reason, event_id, received_at)`;
  const samples = `INSERT INTO connection.meter_sample (station_id, evse_id, transaction_id, sampled_at, measurand, value, unit, received_at)`;
  return [
    `INSERT INTO connection.transaction (station_id, transaction_id, state, updated_at) VALUES ('RET-1', '${id}', '${state}', ${updatedAt})`,
    `${events} SELECT 'RET-1', '${id}', n, 'Updated', ${OLD}, 'MeterValuePeriodic', gen_random_uuid(), ${OLD} FROM ${series(3)}`,
    `${samples} SELECT 'RET-1', 1, '${id}', ${OLD} + n * interval '1 second', '${id}', n, 'Wh', ${OLD} FROM ${series(5)}`,
  ];
}

export const CONNECTION_SEED: string[] = [
  `INSERT INTO connection.station (id, security_profile) VALUES ('RET-1', 0)`,
  ...inbox('connection', 230, 20),
  ...audit('connection', 60, 5),
  ...transaction('old', 'ended', OLD),
  ...transaction('keep-open', 'active', OLD),
  ...transaction('keep-ended-lately', 'ended', NEW),
  `INSERT INTO connection.transaction_event (station_id, transaction_id, seq_no, event_type, occurred_at, trigger_reason, event_id, received_at)
     VALUES ('RET-1', 'keep-ended-lately', 4, 'Ended', ${NEW}, 'EVDeparted', gen_random_uuid(), ${NEW})`,
  `INSERT INTO connection.meter_sample (station_id, evse_id, sampled_at, measurand, value, unit, received_at)
     SELECT 'RET-1', 2, ${OLD} + n * interval '1 second', 'old', n, 'W', ${OLD} FROM ${series(120)}`,
  `INSERT INTO connection.meter_sample (station_id, evse_id, sampled_at, measurand, value, unit, received_at)
     SELECT 'RET-1', 2, ${NEW} + n * interval '1 second', 'new', n, 'W', ${NEW} FROM ${series(10)}`,
  `INSERT INTO connection.station_boot_history (station_id, at, vendor, model, status, recorded_at) SELECT 'RET-1', ${OLD}, 'old', 'm', 'Accepted', ${OLD} FROM ${series(70)}`,
  `INSERT INTO connection.station_boot_history (station_id, at, vendor, model, status, recorded_at) SELECT 'RET-1', ${NEW}, 'new', 'm', 'Accepted', ${NEW} FROM ${series(5)}`,
  ...[
    ['old', OLD, 8],
    ['keep-active', 'NULL', 2],
    ['new', NEW, 3],
  ].map(
    ([key, clearedAt, count]) =>
      `INSERT INTO connection.station_alert (station_id, alert_key, source, severity, raised_at, last_reported_at, cleared_at)
         SELECT 'RET-1', '${key}-' || n, 'event', 1, ${OLD}, ${OLD}, ${clearedAt} FROM ${series(Number(count))}`,
  ),
];

export const SMART_CHARGING_SEED: string[] = [
  ...inbox('smart_charging', 60, 5),
  ...audit('smart_charging', 10, 2),
  `INSERT INTO smart_charging.audit_log (site_id, action, actor, at) SELECT 's', 'limit.set', 'old', ${OLD} FROM ${series(55)}`,
  `INSERT INTO smart_charging.audit_log (site_id, action, actor, at) SELECT 's', 'limit.set', 'new', ${NEW} FROM ${series(3)}`,
  ...[
    ['old', OLD, 7],
    ['keep-open', 'NULL', 2],
    ['new', NEW, 2],
  ].map(
    ([station, closedAt, count]) =>
      `INSERT INTO smart_charging.draw_deviation (site_id, station_id, evse_id, transaction_id, phases, allowed_a, drawn_peak_a, excess_peak_a, opened_at, closed_at)
         SELECT 's', '${station}', n, 't', '{L1}', 16, 20, 4, ${OLD}, ${closedAt} FROM ${series(Number(count))}`,
  ),
];

export const PKI_SEED: string[] = [
  ...inbox('pki', 60, 5),
  ...audit('pki', 10, 2),
  // Aged by receipt, not by the station's clock: `new` events claim to be old, `old` ones claim to be recent.
  `INSERT INTO pki.security_event (event_id, station_id, type, occurred_at, raised_by_csms, received_at) SELECT 'old-' || n, 'RET-1', 'x', ${NEW}, false, ${OLD} FROM ${series(80)}`,
  `INSERT INTO pki.security_event (event_id, station_id, type, occurred_at, raised_by_csms, received_at) SELECT 'new-' || n, 'RET-1', 'x', ${OLD}, false, ${NEW} FROM ${series(4)}`,
];

/** Per table, the column whose value starts with old / new / keep; rows seeded per mark. */
export const MARKED_TABLES: Record<string, { mark: string; seeded: Record<'old' | 'new' | 'keep', number> }> = {
  'connection.processed_event': { mark: 'event_id', seeded: { old: 230, new: 20, keep: 0 } },
  'connection.mutation_audit': { mark: 'actor', seeded: { old: 60, new: 5, keep: 0 } },
  'connection.transaction_event': { mark: 'transaction_id', seeded: { old: 3, new: 0, keep: 7 } },
  'connection.meter_sample': { mark: 'measurand', seeded: { old: 125, new: 10, keep: 10 } },
  'connection.station_boot_history': { mark: 'vendor', seeded: { old: 70, new: 5, keep: 0 } },
  'connection.station_alert': { mark: 'alert_key', seeded: { old: 8, new: 3, keep: 2 } },
  'smart_charging.processed_event': { mark: 'event_id', seeded: { old: 60, new: 5, keep: 0 } },
  'smart_charging.mutation_audit': { mark: 'actor', seeded: { old: 10, new: 2, keep: 0 } },
  'smart_charging.audit_log': { mark: 'actor', seeded: { old: 55, new: 3, keep: 0 } },
  'smart_charging.draw_deviation': { mark: 'station_id', seeded: { old: 7, new: 2, keep: 2 } },
  'pki.processed_event': { mark: 'event_id', seeded: { old: 60, new: 5, keep: 0 } },
  'pki.mutation_audit': { mark: 'actor', seeded: { old: 10, new: 2, keep: 0 } },
  'pki.security_event': { mark: 'event_id', seeded: { old: 80, new: 4, keep: 0 } },
};

/** The SQL counting a table's rows per mark. */
export function countByMark(table: string, mark: string): string {
  return `SELECT count(*) FILTER (WHERE ${mark} LIKE 'old%')::int AS old, count(*) FILTER (WHERE ${mark} LIKE 'new%')::int AS new,
                 count(*) FILTER (WHERE ${mark} LIKE 'keep%')::int AS keep FROM ${table}`;
}

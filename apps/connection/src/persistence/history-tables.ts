// The connection schema's tables that only grow: the history (command-log/, station-history/,
// reported profiles), tracked requests, cleared alerts and report jobs. Read by the operator API,
// pruned by retention/ (HISTORY_RETENTION_DAYS, ADR 044).

export const COMMAND_LOG_TABLE = 'command_log';
export const BOOT_HISTORY_TABLE = 'station_boot_history';
export const STATUS_HISTORY_TABLE = 'connector_status_history';
export const CONNECTION_HISTORY_TABLE = 'station_connection_history';
export const NOTIFICATION_HISTORY_TABLE = 'station_notification_history';
export const REPORTED_PROFILE_TABLE = 'reported_charging_profile';

/** Tracked requests and the personal data customer-information reports bring back: kept no longer than the history. */
export const TRACKED_REQUEST_TABLES = ['display_message_request', 'customer_information_request', 'customer_information_part'] as const;

/** Station alerts: an active one stays whatever its age; a cleared one is history, pruned by `cleared_at`. */
export const STATION_ALERT_TABLE = 'station_alert';

/** Every history table; each has a `recorded_at` column (BRIN-indexed) that retention prunes by. */
export const HISTORY_TABLES = [
  COMMAND_LOG_TABLE,
  BOOT_HISTORY_TABLE,
  STATUS_HISTORY_TABLE,
  CONNECTION_HISTORY_TABLE,
  NOTIFICATION_HISTORY_TABLE,
  REPORTED_PROFILE_TABLE,
  ...TRACKED_REQUEST_TABLES,
] as const;

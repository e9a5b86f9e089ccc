import type { HistoryRow } from './station-history-read.repository';
import type { HistoryEntryView } from './station-history.schemas';

/** An entry as the API gives it: its kind, when, and the fields the query built for the kind. */
export function historyEntryViewOf(row: HistoryRow): HistoryEntryView {
  // The query builds `details` with exactly the fields of the row's kind (station-history-read.repository.ts).
  return { kind: row.kind, at: new Date(row.at).toISOString(), ...row.details } as HistoryEntryView;
}

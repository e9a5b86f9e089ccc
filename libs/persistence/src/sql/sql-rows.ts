/** A DataSource or an EntityManager inside a transaction: anything that runs SQL. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * A statement of the station core's hot path: PostgreSQL parses and plans it once per pooled
 * connection instead of at every call, which is most of what a small INSERT costs the server.
 * Its columns are listed, never `*` or `RETURNING *`, so a later migration cannot change the
 * shape of a plan a connection still holds.
 */
export interface NamedStatement {
  readonly name: string;
  readonly text: string;
}

export function namedStatement(name: string, text: string): NamedStatement {
  return { name: `csms_${name}`, text };
}

/**
 * TypeORM hands its query argument unchanged to pg's Client.query, which takes a `{ name, text }`
 * config there as well as a string; TypeORM only types it as a string.
 */
function queryArgument(sql: string | NamedStatement): string {
  return typeof sql === 'string' ? sql : (sql as unknown as string);
}

/** Runs a statement; the result as TypeORM's PostgreSQL driver gives it. */
export function execute(executor: SqlExecutor, sql: string | NamedStatement, parameters: unknown[] = []): Promise<unknown> {
  return executor.query(queryArgument(sql), parameters);
}

/**
 * The rows a statement returned. TypeORM's PostgreSQL driver answers `[rows, rowCount]` for
 * UPDATE and DELETE (RETURNING or not) and the rows alone for everything else; rows are
 * objects, never arrays, which tells the two apart.
 */
export async function queryRows<T>(executor: SqlExecutor, sql: string | NamedStatement, parameters: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(await execute(executor, sql, parameters));
}

export function rowsOf<T>(result: unknown): T[] {
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** A DataSource or an EntityManager inside a transaction: anything that runs SQL. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * The rows a statement returned. TypeORM's PostgreSQL driver answers `[rows, rowCount]` for
 * UPDATE and DELETE (RETURNING or not) and the rows alone for everything else; rows are
 * objects, never arrays, which tells the two apart.
 */
export async function queryRows<T>(executor: SqlExecutor, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(await executor.query(sql, parameters));
}

export function rowsOf<T>(result: unknown): T[] {
  if (!Array.isArray(result)) return [];
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/**
 * The parameters of a statement assembled from optional filters: `bind` adds a value and returns
 * its placeholder (`$3`), so that no value is ever spliced into SQL text.
 */
export function sqlParameters(): { values: unknown[]; bind: (value: unknown) => string } {
  const values: unknown[] = [];
  return {
    values,
    bind(value) {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** `WHERE a AND b`, or nothing when there is no condition. */
export function whereClause(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

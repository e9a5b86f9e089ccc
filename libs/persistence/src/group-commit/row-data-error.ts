/**
 * True when PostgreSQL refused a statement because of the data in it: SQLSTATE class 22 (data
 * exception: a value out of range, an invalid byte sequence) or 23 (integrity constraint
 * violation). Such an error belongs to some row, so the other rows of a multi-row write are
 * worth writing again without it; a connection or server failure (class 08, 53, 57, or no
 * SQLSTATE at all, e.g. a pool timeout) would fail them again.
 */
export function isRowDataError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^(22|23)[0-9A-Z]{3}$/.test(code);
}

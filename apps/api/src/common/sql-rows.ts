/** Rows of a raw query: TypeORM answers UPDATE/DELETE … RETURNING with [rows, affectedCount], INSERT/SELECT with rows. */
export function returnedRows<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

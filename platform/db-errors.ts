/**
 * Tells a database outage (PostgreSQL restarting, connection refused or cut, SQLite locked past its busy timeout)
 * from a bug, so a write that could not be made is reported as SERVICE_UNAVAILABLE — a clear "try again" — instead
 * of an opaque internal error, and never as success.
 */

/** Connection-level failures of `pg` / node sockets and SQLite's lock timeout. */
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'SQLITE_BUSY', '57P01', '57P02', '57P03', '53300']);
const OUTAGE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /terminating connection due to administrator command/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  // GraphQL wraps the resolver's error (originalError), and a thrown non-Error (pg rethrows bare socket errors) in
  // NonErrorThrown (thrownValue); pg may wrap the socket's error (cause).
  for (
    let current = error as { code?: unknown; message?: unknown; originalError?: unknown; thrownValue?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    depth++
  ) {
    const code = typeof current.code === 'string' ? current.code : '';
    // SQLSTATE class 08: connection exception.
    if (OUTAGE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    if (typeof current.message === 'string' && OUTAGE_MESSAGES.some((pattern) => pattern.test(current!.message as string))) return true;
    current = (current.originalError ?? current.thrownValue ?? current.cause) as typeof current;
  }
  return false;
}

/** The debugger's tunables, read from the process environment carried by the config (tests shorten them). */
export interface DebuggerSettings {
  /** Debug host threads the sessions' runs execute on (DEBUG_THREADS, default 2; debug-hosts.ts). */
  threads: number;
  /** A live session nobody touched for this long is stopped (DEBUG_SESSION_IDLE_MS, default 30 min). */
  idleTimeoutMs: number;
  /** Live sessions one user may hold at once (DEBUG_MAX_LIVE_SESSIONS, default 10). */
  maxLiveSessionsPerUser: number;
  /** How long `debugStep` waits for the run to pause or end before answering RUNNING (DEBUG_STEP_WAIT_MS, default 10 s). */
  stepWaitMs: number;
  /**
   * With several replicas (REDIS_URL): how long a replica's lease on a session lasts without renewal, so how soon
   * another replica takes over the sessions of one that died (DEBUG_LEASE_MS, default 15 s; renewed every third).
   */
  leaseMs: number;
  /** How long a replica waits for the replica driving a session to answer a forwarded command (DEBUG_FORWARD_TIMEOUT_MS, default 60 s). */
  forwardTimeoutMs: number;
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function debuggerSettings(env: NodeJS.ProcessEnv = {}): DebuggerSettings {
  return {
    threads: positiveInt(env.DEBUG_THREADS, 2, 'DEBUG_THREADS'),
    idleTimeoutMs: positiveInt(env.DEBUG_SESSION_IDLE_MS, 30 * 60_000, 'DEBUG_SESSION_IDLE_MS'),
    maxLiveSessionsPerUser: positiveInt(env.DEBUG_MAX_LIVE_SESSIONS, 10, 'DEBUG_MAX_LIVE_SESSIONS'),
    stepWaitMs: positiveInt(env.DEBUG_STEP_WAIT_MS, 10_000, 'DEBUG_STEP_WAIT_MS'),
    leaseMs: positiveInt(env.DEBUG_LEASE_MS, 15_000, 'DEBUG_LEASE_MS'),
    forwardTimeoutMs: positiveInt(env.DEBUG_FORWARD_TIMEOUT_MS, 60_000, 'DEBUG_FORWARD_TIMEOUT_MS'),
  };
}

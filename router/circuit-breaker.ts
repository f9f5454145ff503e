/**
 * A circuit breaker per subgraph, so a dead or hung subgraph fails fast instead of holding every request that touches
 * it for the full timeout. Closed: calls pass, consecutive failures are counted. Open (after `failureThreshold`
 * failures in a row): calls fail at once for `openMs`. Half-open: one probe call passes; success closes the circuit,
 * failure opens it again. Small on purpose: the gateway only needs these three states.
 */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  failureThreshold: number;
  /** How long an open circuit fails fast before letting a probe through (short: recovery should be seen quickly). */
  openMs: number;
  onStateChange?: (state: CircuitState) => void;
  /** Errors that say nothing about the subgraph's health (a misconfigured address): neither failure nor success. */
  isNeutral?: (err: unknown) => boolean;
}

export class CircuitOpenError extends Error {
  readonly code = 'CIRCUIT_OPEN';
  constructor(name: string) {
    super(`circuit open for ${name}`);
  }
}

export class CircuitBreaker {
  private state: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private probing = false;

  constructor(
    private readonly name: string,
    private readonly options: CircuitBreakerOptions,
  ) {}

  get current(): CircuitState {
    return this.state;
  }

  /** Runs `call` unless the circuit is open; `isFailure` decides which outcomes count against the subgraph. */
  async run<T>(call: () => Promise<T>, isFailure: (result: T) => boolean = () => false): Promise<T> {
    const probe = this.admit();
    try {
      const result = await call();
      if (isFailure(result)) this.failed(probe);
      else this.succeeded(probe);
      return result;
    } catch (err) {
      if (this.options.isNeutral?.(err)) {
        if (probe) this.probing = false;
      } else this.failed(probe);
      throw err;
    }
  }

  /** Whether this call is the half-open probe; throws when the call must fail fast. */
  private admit(): boolean {
    if (this.state === 'open') {
      if (Date.now() - this.openedAt < this.options.openMs) throw new CircuitOpenError(this.name);
      this.transition('half-open');
    }
    if (this.state === 'half-open') {
      if (this.probing) throw new CircuitOpenError(this.name);
      this.probing = true;
      return true;
    }
    return false;
  }

  private succeeded(probe: boolean) {
    if (probe) this.probing = false;
    this.failures = 0;
    if (this.state !== 'closed') this.transition('closed');
  }

  private failed(probe: boolean) {
    if (probe) this.probing = false;
    this.failures++;
    if (probe || (this.state === 'closed' && this.failures >= this.options.failureThreshold)) {
      this.openedAt = Date.now();
      this.transition('open');
    }
  }

  private transition(state: CircuitState) {
    this.state = state;
    this.options.onStateChange?.(state);
  }
}

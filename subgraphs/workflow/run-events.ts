/**
 * A run's event log: each event gets the run's next sequence number, is stored with the run, and only then published
 * on the run's topic — so a subscriber that reads the store after it started listening misses nothing (ordering is
 * kept by chaining the writes; the interpreter's `onEvent` never waits for them).
 */
import type { RunEvent } from '../../engine/runtime/types';
import { maskSecrets } from '../../engine/secrets/secret-refs';
import { topics, type EventPublisher } from '../../platform/events';
import type { Logger } from '../../platform/logger';
import type { RunStore, StoredRunEvent } from './run-store';

export class RunEventLog {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly runId: string,
    private readonly store: RunStore,
    private readonly events: EventPublisher,
    private readonly log: Logger,
    private readonly secrets: readonly string[] = [],
    private seq = 0,
  ) {}

  /** For a writer that is not the run's executor (cancelling a queued run, reporting a lost worker). */
  static async resume(runId: string, store: RunStore, events: EventPublisher, log: Logger): Promise<RunEventLog> {
    return new RunEventLog(runId, store, events, log, [], await store.nextSeq(runId));
  }

  push(event: RunEvent | (Record<string, unknown> & { type: string })): void {
    const stored = { ...(maskSecrets(event, this.secrets) as Record<string, unknown>), type: event.type, seq: this.seq++ } as StoredRunEvent;
    this.chain = this.chain
      .then(() => this.store.appendEvent(this.runId, stored))
      .catch((err) => this.log.warn({ err, runId: this.runId, seq: stored.seq }, 'run event not stored'))
      .then(() => this.events.emit(topics.run(this.runId), stored))
      .catch(() => undefined);
  }

  /** Resolves once every event pushed so far is stored and published. */
  flush(): Promise<void> {
    return this.chain;
  }
}

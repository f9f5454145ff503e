/**
 * A run's event log: each event gets the run's next sequence number, is stored with the run, and only then published
 * on the run's topic — so a subscriber that reads the store after it started listening misses nothing. Writes are
 * group-committed: one insert at a time, carrying every event pushed while the previous one was written (a 20-node
 * run is two or three inserts, not forty), and each batch is published in order once stored. The interpreter's
 * `onEvent` never waits for them.
 */
import type { RunEvent } from '../../engine/runtime/types';
import { maskSecrets } from '../../engine/secrets/secret-refs';
import { topics, type EventPublisher } from '../../platform/events';
import type { Logger } from '../../platform/logger';
import type { RunStore, StoredRunEvent } from './run-store';

export class RunEventLog {
  private chain: Promise<void> = Promise.resolve();
  private pending: StoredRunEvent[] = [];

  constructor(
    private readonly runId: string,
    private readonly store: RunStore,
    private readonly events: EventPublisher,
    private readonly log: Logger,
    private readonly secrets: readonly string[] = [],
    private seq = 0,
  ) {}

  /** For a writer that is not the run's executor (cancelling a queued run, recovering a lost one). */
  static async resume(runId: string, store: RunStore, events: EventPublisher, log: Logger): Promise<RunEventLog> {
    return new RunEventLog(runId, store, events, log, [], await store.nextSeq(runId));
  }

  push(event: RunEvent | (Record<string, unknown> & { type: string })): void {
    const stored = { ...(maskSecrets(event, this.secrets) as Record<string, unknown>), type: event.type, seq: this.seq++ } as StoredRunEvent;
    // The first event since the last write schedules the next one; later events join its batch.
    if (this.pending.push(stored) === 1) this.chain = this.chain.then(() => this.writePending());
  }

  /** Resolves once every event pushed so far is stored and published. */
  flush(): Promise<void> {
    return this.chain;
  }

  private async writePending(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await this.store.appendEvents(this.runId, batch);
    } catch (err) {
      this.log.warn({ err, runId: this.runId, seq: batch[0].seq, events: batch.length }, 'run events not stored');
    }
    // Issued in order on one connection, so subscribers receive them in order.
    await Promise.all(batch.map((event) => this.events.emit(topics.run(this.runId), event).catch(() => undefined)));
  }
}

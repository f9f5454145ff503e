/**
 * One session as this process holds it: the record, its journal, the driver when a run is in memory (on a debug
 * host thread: remote-driver.ts), and the two
 * orderings that keep it consistent — API operations on a session run one at a time (`exclusive`), and every change
 * is persisted before its events are published, in the order changes were made (`commit`).
 */
import { topics, type EventPublisher } from '../../platform/events';
import type { DebugEventInit, DebugEventPayload } from './debug-events';
import type { Journal, JournalEntry } from './journal';
import type { RemoteDriver } from './remote-driver';
import { LIVE_STATES, type DebugSessionRecord, type SessionStore } from './session-store';

export class LiveSession {
  driver: RemoteDriver | undefined;
  private writes: Promise<void> = Promise.resolve();
  private operations: Promise<unknown> = Promise.resolve();

  constructor(
    public record: DebugSessionRecord,
    public journal: Journal,
    private readonly store: SessionStore,
    private readonly events: EventPublisher,
    private readonly idleTimeoutMs: number,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get isLive(): boolean {
    return LIVE_STATES.includes(this.record.state);
  }

  exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.operations.then(operation);
    this.operations = result.catch(() => undefined);
    return result;
  }

  /**
   * Appends `entry` to the journal (if any), applies `change`, persists, then publishes `events(record)`.
   * Activity pushes the idle expiry forward.
   */
  commit(
    change?: (record: DebugSessionRecord) => void | Promise<void>,
    events?: (record: DebugSessionRecord) => DebugEventInit[],
    entry?: JournalEntry,
  ): Promise<void> {
    const write = async () => {
      const record = this.record;
      if (entry) {
        await this.store.appendJournal(record.id, record.journalLength, entry);
        record.journalLength++;
        this.journal.add(entry);
      }
      await change?.(record);
      const now = new Date();
      record.updatedAt = now.toISOString();
      record.expiresAt = this.isLive ? new Date(now.getTime() + this.idleTimeoutMs).toISOString() : null;
      const payloads: DebugEventPayload[] = (events?.(record) ?? []).map((init) => ({
        ...init,
        sessionId: record.id,
        seq: ++record.eventSeq,
        state: record.state,
        at: record.updatedAt,
      }));
      await this.store.update(record);
      for (const payload of payloads) await this.events.emit(topics.debug(record.id), payload);
    };
    const done = this.writes.then(write);
    this.writes = done.catch(() => undefined);
    return done;
  }

  /** Resolves once every commit made so far is written. */
  flushed(): Promise<void> {
    return this.writes;
  }
}

/**
 * Analysis results per project version, dropped when the project changes. Invalidation is pushed, not polled: the
 * workflow service publishes PROJECT_UPDATED / PROJECT_DELETED on the event bus after each commit, and this cache
 * listens. A result computed for a version older than one already announced is never stored, so a change that
 * lands while an analysis runs cannot leave a stale entry behind.
 */
import { SEED_EVENTS_TOPIC, type EventBus, type PlatformEvent } from '../../../platform/events';

export interface CachedAnalysis {
  version: number;
  ownerId: string;
  suggestionIds: string[];
}

export class AnalysisCache {
  private readonly entries = new Map<string, CachedAnalysis>();
  /** Highest version announced per project (bounded like the entries: the oldest are forgotten first). */
  private readonly announced = new Map<string, number>();
  private stop?: () => void;

  constructor(private readonly maxEntries = 5_000) {}

  async listen(events: EventBus): Promise<void> {
    this.stop = await events.on<PlatformEvent>(SEED_EVENTS_TOPIC, (event) => this.onEvent(event));
  }

  close(): void {
    this.stop?.();
  }

  get(projectId: string): CachedAnalysis | undefined {
    return this.entries.get(projectId);
  }

  set(projectId: string, entry: CachedAnalysis): void {
    if ((this.announced.get(projectId) ?? 0) > entry.version) return;
    this.entries.delete(projectId); // re-insert: Map order is the eviction order
    this.entries.set(projectId, entry);
    if (this.entries.size > this.maxEntries) this.forget(this.entries.keys().next().value!);
  }

  invalidate(projectId: string): void {
    this.entries.delete(projectId);
  }

  private onEvent(event: PlatformEvent): void {
    const projectId = typeof event?.data?.projectId === 'string' ? event.data.projectId : undefined;
    if (!projectId) return;
    if (event.type === 'PROJECT_DELETED') return this.forget(projectId);
    if (event.type !== 'PROJECT_UPDATED') return;
    const version = Number(event.data.version);
    if (Number.isFinite(version)) {
      const highest = Math.max(version, this.announced.get(projectId) ?? 0);
      this.announced.delete(projectId);
      this.announced.set(projectId, highest);
      if (this.announced.size > this.maxEntries) this.announced.delete(this.announced.keys().next().value!);
    }
    const cached = this.entries.get(projectId);
    if (cached && !(Number.isFinite(version) && version <= cached.version)) this.entries.delete(projectId);
  }

  private forget(projectId: string): void {
    this.entries.delete(projectId);
    this.announced.delete(projectId);
  }
}

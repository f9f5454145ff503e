/**
 * Presence: who is in a project, their cursor and selection. Ephemeral by design — entries live in Redis with a
 * TTL (a sorted set by expiry plus a hash of entries per project) or in memory in the embedded default — and a
 * sweeper announces entries that expired, so collaborators see a client that went away leave.
 */
import Redis from 'ioredis';
import { topics, type EventPublisher } from '../../platform/events';
import type { Logger } from '../../platform/logger';

export interface PresenceRecord {
  userId: string;
  /** One entry per client session (a browser tab); the user id when the client names none. */
  sessionId: string;
  name: string | null;
  cursor: { x: number; y: number } | null;
  selection: string[];
  updatedAt: string;
  expiresAt: string;
}

export type PresenceEvent = { projectId: string; kind: 'JOINED' | 'UPDATED' | 'LEFT'; entry: PresenceRecord };

/** Entries are keyed by user and session: a user can only replace or remove their own sessions. */
const entryKey = (entry: Pick<PresenceRecord, 'userId' | 'sessionId'>) => `${entry.userId}\u0001${entry.sessionId}`;

interface PresenceBackend {
  put(projectId: string, entry: PresenceRecord): Promise<boolean>;
  remove(projectId: string, key: string): Promise<PresenceRecord | undefined>;
  list(projectId: string): Promise<PresenceRecord[]>;
  /** Removes and returns entries whose time is up. */
  expire(now: number): Promise<{ projectId: string; entry: PresenceRecord }[]>;
  close(): Promise<void>;
}

class MemoryPresence implements PresenceBackend {
  private readonly projects = new Map<string, Map<string, PresenceRecord>>();
  async put(projectId: string, entry: PresenceRecord) {
    let entries = this.projects.get(projectId);
    if (!entries) this.projects.set(projectId, (entries = new Map()));
    const isNew = !entries.has(entryKey(entry));
    entries.set(entryKey(entry), entry);
    return isNew;
  }
  async remove(projectId: string, key: string) {
    const entry = this.projects.get(projectId)?.get(key);
    this.projects.get(projectId)?.delete(key);
    return entry;
  }
  async list(projectId: string) {
    const now = Date.now();
    return [...(this.projects.get(projectId)?.values() ?? [])].filter((e) => Date.parse(e.expiresAt) > now);
  }
  async expire(now: number) {
    const gone: { projectId: string; entry: PresenceRecord }[] = [];
    for (const [projectId, entries] of this.projects) {
      for (const [key, entry] of entries) {
        if (Date.parse(entry.expiresAt) <= now) {
          entries.delete(key);
          gone.push({ projectId, entry });
        }
      }
      if (!entries.size) this.projects.delete(projectId);
    }
    return gone;
  }
  async close() {}
}

class RedisPresence implements PresenceBackend {
  private readonly redis: Redis;
  constructor(
    url: string,
    private readonly ns: string,
    log: Logger,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: (n) => Math.min(n * 200, 2_000) });
    this.redis.on('error', (err) => log.warn({ err: err.message }, 'presence redis error'));
  }
  private entriesKey = (projectId: string) => `${this.ns}:presence:${projectId}`;
  private get expiryKey() {
    return `${this.ns}:presence-expiry`;
  }
  async put(projectId: string, entry: PresenceRecord) {
    const results = await this.redis
      .multi()
      .hset(this.entriesKey(projectId), entryKey(entry), JSON.stringify(entry))
      .zadd(this.expiryKey, Date.parse(entry.expiresAt), `${projectId}\u0000${entryKey(entry)}`)
      .exec();
    return results?.[0]?.[1] === 1;
  }
  async remove(projectId: string, key: string) {
    const raw = await this.redis.hget(this.entriesKey(projectId), key);
    await this.redis.multi().hdel(this.entriesKey(projectId), key).zrem(this.expiryKey, `${projectId}\u0000${key}`).exec();
    return raw ? (JSON.parse(raw) as PresenceRecord) : undefined;
  }
  async list(projectId: string) {
    const now = Date.now();
    const all = await this.redis.hvals(this.entriesKey(projectId));
    return all.map((raw) => JSON.parse(raw) as PresenceRecord).filter((e) => Date.parse(e.expiresAt) > now);
  }
  async expire(now: number) {
    const due = await this.redis.zrangebyscore(this.expiryKey, 0, now, 'LIMIT', 0, 500);
    const gone: { projectId: string; entry: PresenceRecord }[] = [];
    for (const member of due) {
      // ZREM decides which replica announces the departure: only the one that removed it.
      if ((await this.redis.zrem(this.expiryKey, member)) !== 1) continue;
      const split = member.indexOf('\u0000');
      const [projectId, key] = [member.slice(0, split), member.slice(split + 1)];
      const raw = await this.redis.hget(this.entriesKey(projectId), key);
      const entry = raw ? (JSON.parse(raw) as PresenceRecord) : undefined;
      if (entry && Date.parse(entry.expiresAt) <= now) {
        await this.redis.hdel(this.entriesKey(projectId), key);
        gone.push({ projectId, entry });
      }
    }
    return gone;
  }
  async close() {
    this.redis.disconnect();
  }
}

export class PresenceService {
  private readonly backend: PresenceBackend;
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly events: EventPublisher,
    private readonly log: Logger,
    redis?: { url: string; namespace: string },
    sweepMs = 1_000,
  ) {
    this.backend = redis ? new RedisPresence(redis.url, redis.namespace, log) : new MemoryPresence();
    this.sweeper = setInterval(() => void this.sweep(), sweepMs).unref();
  }

  async update(
    projectId: string,
    user: { id: string; name?: string },
    sessionId: string | null | undefined,
    cursor: PresenceRecord['cursor'],
    selection: string[],
    ttlSeconds: number,
  ): Promise<PresenceRecord> {
    const now = Date.now();
    const entry: PresenceRecord = {
      userId: user.id,
      sessionId: sessionId ?? user.id,
      name: user.name ?? null,
      cursor,
      selection,
      updatedAt: new Date(now).toISOString(),
      expiresAt: new Date(now + ttlSeconds * 1000).toISOString(),
    };
    const joined = await this.backend.put(projectId, entry);
    await this.announce({ projectId, kind: joined ? 'JOINED' : 'UPDATED', entry });
    return entry;
  }

  /** Leaves at once: the session's entry (the user's default entry when no session is named). */
  async leave(projectId: string, userId: string, sessionId?: string | null): Promise<boolean> {
    const entry = await this.backend.remove(projectId, entryKey({ userId, sessionId: sessionId ?? userId }));
    if (entry) await this.announce({ projectId, kind: 'LEFT', entry });
    return Boolean(entry);
  }

  list(projectId: string): Promise<PresenceRecord[]> {
    return this.backend.list(projectId);
  }

  async close() {
    clearInterval(this.sweeper);
    await this.backend.close();
  }

  private async sweep() {
    try {
      for (const { projectId, entry } of await this.backend.expire(Date.now())) await this.announce({ projectId, kind: 'LEFT', entry });
    } catch (err) {
      this.log.warn({ err }, 'presence sweep failed');
    }
  }

  private announce(event: PresenceEvent) {
    return this.events.emit(topics.presence(event.projectId), event);
  }
}

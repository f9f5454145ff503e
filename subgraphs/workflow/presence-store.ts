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
  name: string | null;
  cursor: { x: number; y: number } | null;
  selection: string[];
  updatedAt: string;
  expiresAt: string;
}

export type PresenceEvent = { projectId: string; kind: 'JOINED' | 'UPDATED' | 'LEFT'; entry: PresenceRecord };

interface PresenceBackend {
  put(projectId: string, entry: PresenceRecord): Promise<boolean>;
  remove(projectId: string, userId: string): Promise<PresenceRecord | undefined>;
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
    const isNew = !entries.has(entry.userId);
    entries.set(entry.userId, entry);
    return isNew;
  }
  async remove(projectId: string, userId: string) {
    const entry = this.projects.get(projectId)?.get(userId);
    this.projects.get(projectId)?.delete(userId);
    return entry;
  }
  async list(projectId: string) {
    const now = Date.now();
    return [...(this.projects.get(projectId)?.values() ?? [])].filter((e) => Date.parse(e.expiresAt) > now);
  }
  async expire(now: number) {
    const gone: { projectId: string; entry: PresenceRecord }[] = [];
    for (const [projectId, entries] of this.projects) {
      for (const [userId, entry] of entries) {
        if (Date.parse(entry.expiresAt) <= now) {
          entries.delete(userId);
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
  constructor(url: string, private readonly ns: string, log: Logger) {
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
      .hset(this.entriesKey(projectId), entry.userId, JSON.stringify(entry))
      .zadd(this.expiryKey, Date.parse(entry.expiresAt), `${projectId}\u0000${entry.userId}`)
      .exec();
    return results?.[0]?.[1] === 1;
  }
  async remove(projectId: string, userId: string) {
    const raw = await this.redis.hget(this.entriesKey(projectId), userId);
    await this.redis.multi().hdel(this.entriesKey(projectId), userId).zrem(this.expiryKey, `${projectId}\u0000${userId}`).exec();
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
      const [projectId, userId] = member.split('\u0000');
      const raw = await this.redis.hget(this.entriesKey(projectId), userId);
      const entry = raw ? (JSON.parse(raw) as PresenceRecord) : undefined;
      if (entry && Date.parse(entry.expiresAt) <= now) {
        await this.redis.hdel(this.entriesKey(projectId), userId);
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

  constructor(private readonly events: EventPublisher, private readonly log: Logger, redis?: { url: string; namespace: string }, sweepMs = 1_000) {
    this.backend = redis ? new RedisPresence(redis.url, redis.namespace, log) : new MemoryPresence();
    this.sweeper = setInterval(() => void this.sweep(), sweepMs).unref();
  }

  async update(projectId: string, user: { id: string; name?: string }, cursor: PresenceRecord['cursor'], selection: string[], ttlSeconds: number): Promise<PresenceRecord> {
    const now = Date.now();
    const entry: PresenceRecord = { userId: user.id, name: user.name ?? null, cursor, selection, updatedAt: new Date(now).toISOString(), expiresAt: new Date(now + ttlSeconds * 1000).toISOString() };
    const joined = await this.backend.put(projectId, entry);
    await this.announce({ projectId, kind: joined ? 'JOINED' : 'UPDATED', entry });
    return entry;
  }

  async leave(projectId: string, userId: string): Promise<boolean> {
    const entry = await this.backend.remove(projectId, userId);
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

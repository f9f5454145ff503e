/**
 * One debugger replica's side of sharing live sessions (docs/ARCHITECTURE.md §5.1). A session's run is an
 * interpreter awaiting hooks in one process, so exactly one replica drives it: the holder of its lease
 * (session-leases.ts). This replica takes the lease of a session nobody drives when a command for it arrives here,
 * renews what it holds every third of the lease, lets go of sessions it no longer drives (ended, taken over, or not
 * renewed in time), and hands every lease back on graceful shutdown. Commands for a session another replica holds
 * are forwarded there (command-router.ts).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { appError } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Lease, SessionLeases } from './session-leases';
import type { LeaseFence } from './session-store';

/** What the lease keeper needs from the service that holds sessions in memory. */
export interface SessionHost {
  /** Forgets this process's copy of a session: its run detached, its writes flushed. */
  evict(id: string): Promise<void>;
}

export type Placement<T> = { here: true; value: T } | { here: false; owner: string };

interface Held {
  /** Until when this replica may act on its lease, by its own clock: a third of the lease short, against skew and delays. */
  validUntil: number;
  since: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Whether a lease is held by somebody and has not run out. */
export const isCurrent = (lease: Lease | undefined, now = Date.now()): boolean => !!lease?.holder && !!lease.until && lease.until > iso(now);

export class SessionOwner {
  readonly replicaId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly held = new Map<string, Held>();
  /** Commands running here, per session: a session is never let go of under a running command. */
  private readonly busy = new Map<string, number>();
  /** Sessions being let go of: commands for them wait until that is done. */
  private readonly leaving = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private host: SessionHost | undefined;
  private closed = false;
  private beating = false;

  constructor(
    private readonly leases: SessionLeases,
    private readonly leaseMs: number,
    private readonly log: Logger,
  ) {}

  /** Sessions this replica creates start leased to it, and its writes need the lease (session-store.ts). */
  get fence(): LeaseFence {
    return { holder: this.replicaId, leaseMs: this.leaseMs };
  }

  /** Starts renewing; `host` is the service whose copies this replica drops when it lets a session go. */
  start(host: SessionHost): void {
    this.host = host;
    this.timer = setInterval(() => void this.heartbeat().catch((err) => this.log.warn({ err }, 'renewing debug session leases failed')), this.leaseMs / 3);
    this.timer.unref();
  }

  /** Is this replica's copy of the session the current one? (Its lease is valid by its own reckoning.) */
  drives(id: string): boolean {
    return (this.held.get(id)?.validUntil ?? 0) > Date.now();
  }

  /** A session just created here (inserted with this replica's lease). */
  adopt(id: string): void {
    const now = Date.now();
    this.held.set(id, { validUntil: now + this.validity, since: now });
  }

  /** The store refused a write for this session: another replica holds its lease now. */
  forget(id: string): void {
    this.held.delete(id);
  }

  /** Runs `here` if this replica drives the session or can take it over (nobody drives it); otherwise names its driver. */
  async place<T>(id: string, here: () => Promise<T>): Promise<Placement<T>> {
    while (this.leaving.has(id)) await this.leaving.get(id);
    this.busy.set(id, (this.busy.get(id) ?? 0) + 1);
    try {
      const owner = await this.acquire(id);
      if (owner !== this.replicaId) return { here: false, owner };
      return { here: true, value: await here() };
    } finally {
      const left = this.busy.get(id)! - 1;
      if (left) this.busy.set(id, left);
      else this.busy.delete(id);
    }
  }

  /** Whether `replica` still holds a current lease on the session (a forwarded command waits only on a live driver). */
  async stillDrives(replica: string, id: string): Promise<boolean> {
    const lease = await this.leases.read(id);
    return lease?.holder === replica && isCurrent(lease);
  }

  /** Graceful shutdown, once the service has detached its runs: every lease goes back at once. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    this.held.clear();
    await this.leases.releaseAll(this.replicaId).catch((err) => this.log.warn({ err }, 'handing debug session leases back failed; they run out instead'));
  }

  private get validity(): number {
    return (this.leaseMs * 2) / 3;
  }

  /** This replica's id when it drives the session (or there is no such session); otherwise the replica that does. */
  private async acquire(id: string): Promise<string> {
    if (this.drives(id)) return this.replicaId;
    if (this.closed) throw appError('SERVICE_UNAVAILABLE', 'this debugger replica is shutting down; send the command again');
    for (let attempt = 0; attempt < 3; attempt++) {
      const lease = await this.leases.read(id);
      if (!lease) return this.replicaId;
      const now = Date.now();
      if (lease.holder !== this.replicaId && isCurrent(lease, now)) return lease.holder!;
      if (await this.leases.take(id, lease, this.replicaId, iso(now + this.leaseMs))) {
        // A copy left from an earlier tenure is stale: another replica may have driven the session since.
        if (lease.holder !== this.replicaId) await this.host?.evict(id);
        this.held.set(id, { validUntil: now + this.validity, since: Date.now() });
        return this.replicaId;
      }
    }
    throw appError('SERVICE_UNAVAILABLE', `debug session "${id}" is changing hands between debugger replicas; send the command again`);
  }

  private async heartbeat(): Promise<void> {
    // A slow database must not stack renewals up; the next tick comes soon enough.
    if (this.beating || this.closed) return;
    this.beating = true;
    try {
      await this.renew();
    } finally {
      this.beating = false;
    }
  }

  private async renew(): Promise<void> {
    const started = Date.now();
    let renewed: Set<string> | undefined;
    try {
      renewed = new Set(await this.leases.renew(this.replicaId, iso(started + this.leaseMs)));
    } catch (err) {
      this.log.warn({ err }, 'renewing debug session leases failed');
    }
    for (const id of renewed ?? []) this.held.set(id, { validUntil: started + this.validity, since: this.held.get(id)?.since ?? started });
    for (const [id, entry] of [...this.held]) {
      // Not renewed though held before the renewal began: the session ended or another replica took it.
      const gone = renewed !== undefined && !renewed.has(id) && entry.since < started;
      if (gone || entry.validUntil <= Date.now()) await this.letGo(id);
    }
  }

  private async letGo(id: string): Promise<void> {
    if (this.busy.get(id) || this.leaving.has(id)) return;
    this.held.delete(id);
    const done = Promise.resolve(this.host?.evict(id))
      .catch((err) => this.log.warn({ err, sessionId: id }, 'dropping a debug session failed'))
      .finally(() => this.leaving.delete(id));
    this.leaving.set(id, done);
    await done;
  }
}

/**
 * The deployment state machine: which status may follow which, the timestamped history, bounded logs, and the
 * events published once each change is committed. Every write is conditional on the status it read (see
 * DeploymentStore.saveIf), so a cancel racing a running job resolves to exactly one winner.
 */
import type { EventPublisher } from '../../platform/events';
import { topics } from '../../platform/events';
import type { Logger } from '../../platform/logger';
import type { DeploymentEventPayload } from './deployment-events';
import type { DeploymentRecord, DeploymentStatus, DeploymentStore, LogLine } from './deployment-store';

const NEXT: Record<DeploymentStatus, readonly DeploymentStatus[]> = {
  PENDING: ['BUILDING', 'CANCELLED', 'FAILED'],
  BUILDING: ['DEPLOYING', 'CANCELLED', 'FAILED'],
  DEPLOYING: ['RUNNING', 'READY', 'CANCELLED', 'FAILED'],
  RUNNING: ['STOPPED', 'FAILED'],
  READY: ['STOPPED'],
  STOPPED: [],
  FAILED: [],
  CANCELLED: [],
};

export const MAX_LOG_LINES = 200;
const MAX_LOG_LINE_LENGTH = 2_000;

export const canMove = (from: DeploymentStatus, to: DeploymentStatus) => NEXT[from].includes(to);

export interface TransitionOptions {
  reason?: string | null;
  /** Fields to change with the status (endpoint, process, …). */
  patch?: Partial<DeploymentRecord>;
  log?: { level: LogLine['level']; message: string }[];
}

const clip = (message: string) => (message.length > MAX_LOG_LINE_LENGTH ? `${message.slice(0, MAX_LOG_LINE_LENGTH)}…` : message);

export class DeploymentLifecycle {
  constructor(
    private readonly store: DeploymentStore,
    private readonly events: EventPublisher,
    private readonly log: Logger,
  ) {}

  async create(record: DeploymentRecord): Promise<DeploymentRecord> {
    record.history = [{ status: record.status, at: record.createdAt, reason: record.rollbackOf ? `rollback to ${record.rollbackOf}` : null }];
    await this.store.insert(record);
    await this.publish(record, null, record.history[0].reason, record.logs);
    await this.events.publish('DEPLOYMENT_STARTED', {
      deploymentId: record.id,
      projectId: record.projectId,
      projectVersion: record.projectVersion,
      target: record.target,
      environment: record.environment,
    });
    return record;
  }

  /**
   * Moves a deployment to `to` if its current status allows it; returns the saved record, or null when the move is
   * not allowed any more (e.g. it was cancelled meanwhile).
   */
  async transition(id: string, to: DeploymentStatus, options: TransitionOptions = {}): Promise<DeploymentRecord | null> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.store.get(id);
      if (!current || !canMove(current.status, to)) return null;
      const at = new Date().toISOString();
      const reason = options.reason ?? null;
      const lines = (options.log ?? []).map((l) => ({ at, level: l.level, message: clip(l.message) }));
      const statusLine: LogLine = { at, level: to === 'FAILED' ? 'error' : 'info', message: clip(`${current.status} → ${to}${reason ? `: ${reason}` : ''}`) };
      const next: DeploymentRecord = {
        ...current,
        ...options.patch,
        status: to,
        updatedAt: at,
        error: to === 'FAILED' ? reason : current.error,
        history: [...current.history, { status: to, at, reason }],
        logs: [...current.logs, ...lines, statusLine].slice(-MAX_LOG_LINES),
      };
      if (!(await this.store.saveIf(next, current.status))) continue;
      await this.publish(next, current.status, reason, [...lines, statusLine]);
      await this.publishOutcome(next);
      return next;
    }
    return null;
  }

  /** Appends log lines without a status change. */
  async appendLog(id: string, level: LogLine['level'], message: string): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.store.get(id);
      if (!current) return;
      const next = { ...current, logs: [...current.logs, { at: new Date().toISOString(), level, message: clip(message) }].slice(-MAX_LOG_LINES) };
      if (await this.store.saveIf(next, current.status)) return;
    }
  }

  private async publish(record: DeploymentRecord, previousStatus: DeploymentStatus | null, reason: string | null, logs: LogLine[]) {
    const payload: DeploymentEventPayload = {
      deploymentId: record.id,
      projectId: record.projectId,
      target: record.target,
      environment: record.environment,
      status: record.status,
      previousStatus,
      reason,
      endpoint: record.endpoint,
      at: record.updatedAt,
      logs,
    };
    // Events are at-most-once: a publishing failure must not undo or fail the committed change.
    await this.events.emit(topics.deployment(record.id), payload).catch((err) => this.log.warn({ err }, 'deployment event not published'));
  }

  /** The seed's DEPLOYMENT_COMPLETED, for success and (with `outcome: "failed"`) failure. */
  private async publishOutcome(record: DeploymentRecord) {
    const outcome = record.status === 'RUNNING' || record.status === 'READY' ? 'succeeded' : record.status === 'FAILED' ? 'failed' : null;
    if (!outcome) return;
    const data = {
      deploymentId: record.id,
      projectId: record.projectId,
      projectVersion: record.projectVersion,
      target: record.target,
      environment: record.environment,
      status: record.status,
      outcome,
      endpoint: record.endpoint,
      error: record.error,
    };
    await this.events.publish('DEPLOYMENT_COMPLETED', data).catch((err) => this.log.warn({ err }, 'DEPLOYMENT_COMPLETED not published'));
  }
}

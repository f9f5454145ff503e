/**
 * Executes projects with the engine's interpreter and keeps the run history. Validation errors block a run; custom
 * components without an implementation are refused up front. Every interpreter event is streamed on the run's
 * topic; the record is written at the start and at the end, and WORKFLOW_EXECUTED is published after it commits.
 */
import { randomUUID } from 'node:crypto';
import { findBuiltinComponent } from '../../engine/components';
import { DEFAULT_LIMITS, executeGraph } from '../../engine/runtime/interpreter';
import type { RunEvent, RunResult, WorldServices } from '../../engine/runtime/types';
import { appError, badInput, notFound } from '../../platform/errors';
import { topics, type EventPublisher } from '../../platform/events';
import type { Identity } from '../../platform/identity';
import type { Logger } from '../../platform/logger';
import type { ProjectService } from './project-service';
import { boundSteps, boundValue, type RunRecord, type RunStore } from './run-store';
import type { SecretStore } from './secret-store';
import { maskSecrets, secretNames } from '../../engine/secrets/secret-refs';

const MAX_INPUT_BYTES = 1024 * 1024;
const SWEEP_INTERVAL_MS = 60_000;

export class RunService {
  /** Runs executing in this process, for cancellation. */
  private readonly live = new Map<string, AbortController>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly runs: RunStore,
    private readonly projects: ProjectService,
    private readonly world: WorldServices,
    private readonly events: EventPublisher,
    private readonly log: Logger,
    private readonly secrets: SecretStore,
  ) {
    const sweep = () => {
      const cutoff = new Date(Date.now() - DEFAULT_LIMITS.maxRunMs - SWEEP_INTERVAL_MS).toISOString();
      this.runs.failInterrupted(cutoff).catch((err) => this.log.warn({ err }, 'sweeping interrupted runs failed'));
    };
    sweep();
    this.sweeper = setInterval(sweep, SWEEP_INTERVAL_MS).unref();
  }

  async execute(projectId: string, inputs: unknown, mode: 'SYNC' | 'ASYNC', identity: Identity): Promise<RunRecord> {
    if (inputs != null && (typeof inputs !== 'object' || Array.isArray(inputs))) throw badInput('inputs must be a JSON object', { field: 'inputs' });
    const runInputs = (inputs ?? {}) as Record<string, unknown>;
    if (JSON.stringify(runInputs).length > MAX_INPUT_BYTES) throw appError('LIMIT_EXCEEDED', `inputs are larger than ${MAX_INPUT_BYTES} bytes`);
    const project = await this.projects.require(projectId, identity, 'editor');
    const report = await this.projects.validate(project.graph, identity);
    if (!report.valid) {
      throw appError('INVALID_GRAPH', `The project cannot run: ${report.errors.map((e) => e.message).join('; ')}`, { issues: report.errors });
    }
    const custom = project.graph.nodes.filter((n) => !findBuiltinComponent(n.componentId));
    if (custom.length) {
      throw appError('NOT_IMPLEMENTED', `Custom components have no implementation to run yet: ${custom.map((n) => `${n.id} (${n.componentId})`).join(', ')}`);
    }
    // Secrets are decrypted for this run only and reach just the nodes that declare the field (the engine resolves
    // them per node); masking what the run records and streams is the second line, for remote ends that echo.
    const secretValues = await this.secrets.values(projectId, secretNames(project.graph));
    const run: RunRecord = {
      id: randomUUID(),
      projectId,
      projectVersion: project.version,
      ownerId: identity.sub,
      status: 'running',
      inputs: runInputs,
      outputs: null,
      error: null,
      steps: [],
      truncated: false,
      createdAt: new Date().toISOString(),
      startedAt: new Date().toISOString(),
      finishedAt: null,
    };
    await this.runs.insert(run);
    const controller = new AbortController();
    this.live.set(run.id, controller);
    const finished = this.runToEnd(run, project.graph, secretValues, controller.signal).finally(() => this.live.delete(run.id));
    if (mode === 'ASYNC') {
      finished.catch((err) => this.log.error({ err, runId: run.id }, 'async run failed to record'));
      return run;
    }
    return finished;
  }

  async get(id: string, identity: Identity): Promise<RunRecord | null> {
    return (await this.getMany([id], identity)).get(id) ?? null;
  }

  /** Runs are visible to whoever may read their project. */
  async getMany(ids: readonly string[], identity: Identity): Promise<Map<string, RunRecord>> {
    const found = await this.runs.getMany(ids);
    const readable = await this.projects.getMany([...new Set([...found.values()].map((r) => r.projectId))], identity);
    for (const [id, run] of found) if (!readable.has(run.projectId)) found.delete(id);
    return found;
  }

  async listByProject(projectId: string, first: number, identity: Identity): Promise<RunRecord[]> {
    if (first < 0 || first > 100) throw badInput('first must be between 0 and 100', { field: 'first' });
    if (!(await this.projects.get(projectId, identity))) return [];
    return this.runs.listByProject(projectId, first);
  }

  async cancel(id: string, identity: Identity): Promise<RunRecord> {
    const run = await this.get(id, identity);
    if (!run) throw notFound('Run', id);
    await this.projects.require(run.projectId, identity, 'editor');
    if (run.status !== 'running' && run.status !== 'queued') throw appError('CONFLICT', `Run "${id}" already finished (${run.status})`, { status: run.status });
    const controller = this.live.get(id);
    if (controller) {
      controller.abort();
      // The interpreter settles promptly once aborted; the final record is written by runToEnd.
      for (let i = 0; i < 100 && this.live.has(id); i++) await new Promise((r) => setTimeout(r, 20));
    } else {
      const cancelled: RunRecord = { ...run, status: 'cancelled', error: { code: 'CANCELLED', message: 'run cancelled' }, finishedAt: new Date().toISOString() };
      if (await this.runs.update(cancelled)) await this.finishNotice(cancelled);
    }
    return (await this.runs.get(id))!;
  }

  close() {
    clearInterval(this.sweeper);
    for (const controller of this.live.values()) controller.abort();
  }

  private async runToEnd(run: RunRecord, graph: Parameters<typeof executeGraph>[0]['graph'], secretValues: ReadonlyMap<string, string>, signal: AbortSignal): Promise<RunRecord> {
    const secrets = [...secretValues.values()];
    const topic = topics.run(run.id);
    const onEvent = (event: RunEvent) => {
      // Streamed as they happen; the stored record is the source of truth for late subscribers.
      if (event.type !== 'RUN_FINISHED') void this.events.emit(topic, maskSecrets(event, secrets)).catch(() => undefined);
    };
    let result: RunResult;
    try {
      result = await executeGraph({
        runId: run.id,
        graph,
        inputs: run.inputs,
        resolveComponent: (id) => findBuiltinComponent(id),
        services: this.world,
        onEvent,
        signal,
        secrets: secretValues,
      });
    } catch (err) {
      this.log.error({ err, runId: run.id }, 'interpreter failed');
      result = { runId: run.id, status: 'failed', outputs: {}, error: { code: 'INTERNAL', message: 'The interpreter failed unexpectedly' }, steps: [], startedAt: run.startedAt!, finishedAt: new Date().toISOString() };
    }
    const { steps, truncated } = boundSteps(maskSecrets(result.steps, secrets));
    const outputs = boundValue(maskSecrets(result.outputs, secrets));
    const finished: RunRecord = {
      ...run,
      status: result.status,
      outputs: outputs.value as Record<string, unknown>,
      error: result.error ? maskSecrets(result.error, secrets) : null,
      steps,
      truncated: truncated || outputs.cut,
      finishedAt: result.finishedAt,
    };
    if (await this.runs.update(finished)) await this.finishNotice(finished);
    return (await this.runs.get(run.id)) ?? finished;
  }

  private async finishNotice(run: RunRecord) {
    await this.events.emit(topics.run(run.id), { type: 'RUN_FINISHED', runId: run.id, status: run.status, outputs: run.outputs ?? {}, ...(run.error ? { error: run.error } : {}), at: run.finishedAt });
    await this.events.publish('WORKFLOW_EXECUTED', { runId: run.id, projectId: run.projectId, projectVersion: run.projectVersion, status: run.status, actor: run.ownerId });
  }
}

/**
 * The deployment service's operations: deploy (returns at once, the runner works in the background), cancel, stop,
 * rollback, and recovery after a restart. Reading needs the viewer role on the deployment's project, every operation
 * the editor role (the workflow service says who has which, through ProjectAccessClient).
 */
import { randomUUID } from 'node:crypto';
import { appError, badInput, notFound } from '../../platform/errors';
import type { Identity } from '../../platform/identity';
import type { Logger } from '../../platform/logger';
import type { ProjectAccessClient, ProjectRole } from '../../platform/project-access';
import { fetchProjectSnapshot } from '../../platform/project-client';
import type { ServiceClient } from '../../platform/service-client';
import type { DeploymentLifecycle } from './deployment-lifecycle';
import type { DeploymentRunner } from './deployment-runner';
import { UNFINISHED_STATUSES, type DeploymentRecord, type DeploymentStore, type DeploymentTarget } from './deployment-store';
import { assertLocalEnv, resolveDeploymentConfig } from './environment-config';
import { requirementsOf } from '../../engine/components/requirements';
import { secretNames } from '../../engine/secrets/secret-refs';
import type { DeploymentJobQueue } from './job-queue';
import { sandboxTools } from './local-sandbox';
import { DEPLOYABLE_LANGUAGES, isDeployableLanguage } from './program-entry';

export interface DeployInput {
  projectId: string;
  target: DeploymentTarget;
  environment: string;
  autoScale: boolean;
  overrides: unknown;
  language: string;
}

const SUCCEEDED = new Set(['RUNNING', 'READY']);
const hasSucceeded = (d: DeploymentRecord) => d.history.some((h) => SUCCEEDED.has(h.status));

export class DeploymentService {
  constructor(
    private readonly store: DeploymentStore,
    private readonly lifecycle: DeploymentLifecycle,
    private readonly runner: DeploymentRunner,
    private readonly queue: DeploymentJobQueue,
    private readonly services: ServiceClient,
    private readonly log: Logger,
    readonly access: ProjectAccessClient,
    private readonly multiUser: boolean,
  ) {}

  /** The deployment when the caller has `needed` on its project (NOT_FOUND without any access, FORBIDDEN below). */
  async accessible(id: string, identity: Identity, needed: ProjectRole = 'editor'): Promise<DeploymentRecord> {
    const record = await this.store.get(id);
    if (!record) throw notFound('Deployment', id);
    await this.access.require(record.projectId, identity, needed, { type: 'Deployment', id });
    return record;
  }

  async deploy(input: DeployInput, identity: Identity): Promise<DeploymentRecord> {
    if (!isDeployableLanguage(input.language)) throw badInput(`language must be one of ${DEPLOYABLE_LANGUAGES.join(', ')}`, { field: 'language' });
    // Bad input first, before any look-up; the secrets it references are settled once the graph is known.
    const checked = resolveDeploymentConfig(input.environment, input.autoScale, input.overrides);
    if (input.target === 'LOCAL') {
      assertLocalEnv(checked.env);
      const found = this.multiUser ? sandboxTools() : undefined;
      if (found && 'missing' in found) throw badInput(`target LOCAL is not available on this server: ${found.missing}`, { field: 'target' });
    }
    await this.access.require(input.projectId, identity, 'editor');
    const project = await fetchProjectSnapshot(this.services, input.projectId, identity);
    // Manifests reference only the secrets this workflow uses.
    const used = [...(requirementsOf(project.graph.nodes.map((n) => n.componentId)).includes('model') ? ['LLM_API_KEY'] : []), ...secretNames(project.graph)];
    const config = resolveDeploymentConfig(input.environment, input.autoScale, input.overrides, used);
    const record = this.newRecord({ ...input, config, projectName: project.name, projectVersion: project.version }, identity);
    await this.lifecycle.create(record);
    await this.queue.enqueue(record.id);
    return record;
  }

  async cancel(id: string, identity: Identity): Promise<DeploymentRecord> {
    const record = await this.accessible(id, identity);
    if (!UNFINISHED_STATUSES.includes(record.status))
      throw appError('CONFLICT', `A ${record.status} deployment cannot be cancelled`, { status: record.status });
    const cancelled = await this.lifecycle.transition(id, 'CANCELLED', { reason: 'cancelled by the user', patch: { endpoint: null } });
    if (!cancelled) return this.cancelLost(id, identity);
    this.runner.abort(id);
    return cancelled;
  }

  async stop(id: string, identity: Identity): Promise<DeploymentRecord> {
    const record = await this.accessible(id, identity);
    if (record.status !== 'RUNNING' && record.status !== 'READY') {
      const hint = UNFINISHED_STATUSES.includes(record.status) ? ' (use cancelDeployment while it is in progress)' : '';
      throw appError('CONFLICT', `A ${record.status} deployment cannot be stopped${hint}`, { status: record.status });
    }
    if (record.process) await this.runner.supervisor.stop(id, record.process);
    const stopped = await this.lifecycle.transition(id, 'STOPPED', { reason: 'stopped by the user', patch: { endpoint: null } });
    return stopped ?? this.accessible(id, identity);
  }

  /** Redeploys the newest earlier successful deployment of the same project and environment (its stored program). */
  async rollback(id: string, identity: Identity): Promise<DeploymentRecord> {
    const current = await this.accessible(id, identity);
    const earlier = await this.store.earlier(current.projectId, current.environment, current.createdAt);
    const previous = earlier.find((d) => hasSucceeded(d) && d.projectVersion !== current.projectVersion) ?? earlier.find((d) => hasSucceeded(d));
    if (!previous) throw appError('CONFLICT', `No earlier successful deployment of this project in ${current.environment} to roll back to`);
    const program = await this.store.files(previous.id, 'program');
    if (!program.length) throw appError('CONFLICT', `Deployment ${previous.id} kept no program to redeploy`);
    if (current.status === 'RUNNING') await this.stop(id, identity);
    const record = this.newRecord({ ...previous, rollbackOf: previous.id, codeArtifactId: previous.codeArtifactId }, identity);
    await this.store.putFiles(record.id, 'program', program);
    await this.lifecycle.create(record);
    await this.queue.enqueue(record.id);
    return record;
  }

  /** After a restart: resume unfinished work; re-adopt LOCAL programs that still answer, fail the others honestly. */
  async recover(): Promise<void> {
    for (const record of await this.store.withStatus(UNFINISHED_STATUSES)) {
      await this.lifecycle.appendLog(record.id, 'warn', `resumed at ${record.status} after a restart of the deployment service`);
      await this.queue.enqueue(record.id);
    }
    for (const record of await this.store.withStatus(['RUNNING'])) {
      if (record.process && (await this.runner.supervisor.adopt(record.id, record.process))) {
        await this.lifecycle.appendLog(record.id, 'info', `re-adopted pid ${record.process.pid} after a restart of the deployment service`);
        continue;
      }
      const reason = `the program${record.process ? ` (pid ${record.process.pid})` : ''} was no longer running when the deployment service restarted`;
      await this.lifecycle.transition(record.id, 'FAILED', { reason, patch: { endpoint: null } });
    }
    this.log.info('deployment recovery done');
  }

  private newRecord(
    source: Pick<DeploymentRecord, 'projectId' | 'projectName' | 'projectVersion' | 'target' | 'environment' | 'language' | 'config'> & {
      autoScale?: boolean;
      rollbackOf?: string | null;
      codeArtifactId?: string | null;
    },
    identity: Identity,
  ): DeploymentRecord {
    const now = new Date().toISOString();
    return {
      id: randomUUID(),
      projectId: source.projectId,
      ownerId: identity.sub,
      createdAt: now,
      updatedAt: now,
      projectName: source.projectName,
      projectVersion: source.projectVersion,
      target: source.target,
      environment: source.environment,
      language: source.language,
      autoScale: source.autoScale ?? source.config.auto_scale,
      status: 'PENDING',
      config: source.config,
      endpoint: null,
      error: null,
      history: [],
      logs: [],
      process: null,
      codeArtifactId: source.codeArtifactId ?? null,
      rollbackOf: source.rollbackOf ?? null,
    };
  }

  /** The cancel lost a race with the job (it finished or failed first): say what it became. */
  private async cancelLost(id: string, identity: Identity): Promise<never> {
    const now = await this.accessible(id, identity);
    throw appError('CONFLICT', `The deployment became ${now.status} before it could be cancelled`, { status: now.status });
  }
}

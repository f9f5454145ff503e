/** The deployment service (port 8011): owns Deployment — artefacts for every target, LOCAL runs, the lifecycle. */
import path from 'node:path';
import { openDatabase } from '../../platform/db';
import { ProjectAccessClient } from '../../platform/project-access';
import { addDeploymentsSource } from '../../platform/metrics';
import { registerStatusMetrics } from '../../platform/status-metrics';
import type { ServiceDeps } from '../../platform/service-deps';
import { startSubgraphServer, type RunningService } from '../../platform/subgraph-server';
import { mountArtifactDownload } from './artifact-download';
import { mountEndpointProxy } from './endpoint-proxy';
import { DeploymentLifecycle } from './deployment-lifecycle';
import { DeploymentRunner } from './deployment-runner';
import { DeploymentService } from './deployment-service';
import { deploymentMigrations, DeploymentStore } from './deployment-store';
import { createBullMqQueue, createInProcessQueue } from './job-queue';
import { sandboxLimits } from './local-sandbox';
import { CodegenProgramSource, type ProgramSource } from './program-source';
import { deploymentResolvers } from './resolvers';

export interface DeploymentServiceOptions {
  /** Where programs come from (default: the codegen subgraph). */
  programs?: ProgramSource;
}

export async function startDeploymentService(deps: ServiceDeps, options: DeploymentServiceOptions = {}): Promise<RunningService> {
  const database = await openDatabase<unknown>({ service: 'deployment', ...deps.storage, migrations: deploymentMigrations });
  const store = new DeploymentStore(database);
  const lifecycle = new DeploymentLifecycle(store, deps.events, deps.log);
  const runner = new DeploymentRunner({
    store,
    lifecycle,
    programs: options.programs ?? new CodegenProgramSource(deps.services),
    workRoot: path.join(deps.storage.dataDir, 'deployments'),
    log: deps.log,
    multiUser: Boolean(deps.config.auth),
    httpAllowlist: deps.config.env.HTTP_ALLOWLIST,
    sandboxLimits: sandboxLimits(deps.config.env),
  });
  const handler = (id: string, signal: AbortSignal) => runner.run(id, signal);
  const queue = deps.config.redisUrl
    ? createBullMqQueue({ redisUrl: deps.config.redisUrl, prefix: `${deps.config.redisNamespace}:bull`, handler, log: deps.log })
    : createInProcessQueue(handler, deps.log);
  const service = new DeploymentService(
    store,
    lifecycle,
    runner,
    queue,
    deps.services,
    deps.log,
    new ProjectAccessClient(deps.services),
    Boolean(deps.config.auth),
  );
  const removeMetrics = registerStatusMetrics(database, {
    service: 'deployment',
    table: 'deployments',
    addSource: addDeploymentsSource,
    queue: { name: 'deployments', waiting: ['PENDING'] },
  });
  const running = await startSubgraphServer({
    name: 'deployment',
    config: deps.config,
    log: deps.log,
    port: deps.port,
    resolvers: deploymentResolvers(store, service),
    database,
    extendApp: (app) => {
      mountArtifactDownload(app, service, store, deps.config);
      mountEndpointProxy(app, service, deps.config);
    },
    checkHealth: async () => {
      await store.get('health-check');
    },
    onClose: async () => {
      // Jobs stop first (they write to the database); LOCAL programs keep running for the next start to re-adopt.
      removeMetrics();
      await queue.close();
      runner.supervisor.close();
      await database.close();
    },
  });
  await service.recover();
  return running;
}

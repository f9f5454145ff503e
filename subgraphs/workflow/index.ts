/** The workflow engine service (port 8007): owns Project, ComponentInstance, Connection (and runs, next issue). */
import { openDatabase } from '../../platform/db';
import { addRunsSource } from '../../platform/metrics';
import { registerStatusMetrics } from '../../platform/status-metrics';
import type { ServiceDeps } from '../../platform/service-deps';
import { startSubgraphServer, type RunningService } from '../../platform/subgraph-server';
import { ComponentCatalog } from '../../platform/component-catalog';
import { workflowMigrations } from './migrations';
import { ProjectService } from './project-service';
import { MemberStore } from './member-store';
import { ApiKeyStore } from './api-key-store';
import { loadSecretsKey, SecretStore } from './secret-store';
import { ProjectStore, type WorkflowTables } from './project-store';
import { workflowResolvers } from './resolvers';
import { PresenceService } from './presence-store';
import { RunService, runServiceSettingsFromEnv } from './run-service';
import { RunStore, type RunTables } from './run-store';
import { startRunExecution } from './run-worker';

export async function startWorkflowService(deps: ServiceDeps): Promise<RunningService> {
  const database = await openDatabase<WorkflowTables & RunTables>({ service: 'workflow', ...deps.storage, migrations: workflowMigrations });
  const service = new ProjectService(
    new ProjectStore(database),
    new ComponentCatalog(deps.services),
    deps.services,
    deps.events,
    deps.durable,
    new MemberStore(database.db),
  );
  const secrets = new SecretStore(database.db, loadSecretsKey(deps.config));
  const runStore = new RunStore(database);
  // With Redis, `worker` processes may do all the executing (RUN_WORKER_EMBEDDED=false); otherwise this process
  // executes too, on worker threads.
  const execution = await startRunExecution(deps, runStore, secrets, { execute: !deps.config.redisUrl || deps.config.env.RUN_WORKER_EMBEDDED !== 'false' });
  const runs = new RunService(
    runStore,
    service,
    deps.events,
    deps.log,
    execution.queue,
    runServiceSettingsFromEnv(deps.config.env, execution.recovery),
    secrets,
  );
  const presence = new PresenceService(
    deps.events,
    deps.log,
    deps.config.redisUrl ? { url: deps.config.redisUrl, namespace: deps.config.redisNamespace } : undefined,
  );
  const removeMetrics = registerStatusMetrics(database, {
    service: 'workflow',
    table: 'runs',
    addSource: addRunsSource,
    queue: { name: 'runs', waiting: ['queued'] },
  });
  return startSubgraphServer({
    name: 'workflow',
    config: deps.config,
    log: deps.log,
    port: deps.port,
    resolvers: workflowResolvers(service, runs, presence, new ApiKeyStore(database.db), secrets),
    database,
    checkHealth: async () => {
      await database.db.selectFrom('projects').select('id').limit(1).execute();
    },
    onClose: async () => {
      removeMetrics();
      runs.close();
      await execution.close();
      await presence.close();
      await database.close();
    },
  });
}

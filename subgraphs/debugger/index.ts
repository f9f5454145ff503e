/**
 * The debugger service (port 8010): owns DebugSession — step-through runs of the engine's own interpreter, which
 * execute on debug host threads (debug-hosts.ts), never on the thread serving requests.
 */
import { openDatabase } from '../../platform/db';
import { ProjectAccessClient } from '../../platform/project-access';
import type { ServiceDeps } from '../../platform/service-deps';
import { startSubgraphServer, type RunningService } from '../../platform/subgraph-server';
import { CommandRouter } from './command-router';
import { DebugHosts } from './debug-hosts';
import { DebugService } from './debug-service';
import { debuggerMigrations } from './migrations';
import { debuggerResolvers } from './resolvers';
import { SessionLeases } from './session-leases';
import { SessionOwner } from './session-owner';
import { SessionStore } from './session-store';
import { debuggerSettings } from './settings';

export { legacyExecutionState, type LegacyExecutionState } from './legacy-state';
export type { DebugEventPayload, DebugEventType } from './debug-events';

export async function startDebuggerService(deps: ServiceDeps): Promise<RunningService> {
  const database = await openDatabase<unknown>({ service: 'debugger', ...deps.storage, migrations: debuggerMigrations });
  const settings = debuggerSettings(deps.config.env);
  // Replicas share sessions through Redis (docs/ARCHITECTURE.md §5.1); without it there is one process and all is local.
  const owner = deps.events.kind === 'redis' ? new SessionOwner(new SessionLeases(database), settings.leaseMs, deps.log) : undefined;
  const store = new SessionStore(database, owner?.fence);
  const hosts = new DebugHosts({ threads: settings.threads, env: deps.config.env, log: deps.log });
  hosts.warm(); // the first session's run does not wait for a thread to start (≈1 s, more on a busy machine)
  const service = new DebugService({
    store,
    services: deps.services,
    events: deps.events,
    hosts,
    settings,
    log: deps.log,
    access: new ProjectAccessClient(deps.services),
    replicas: owner,
  });
  const router =
    owner &&
    new CommandRouter({
      service,
      owner,
      bus: deps.events,
      internalTokenSecret: deps.config.internalTokenSecret,
      forwardTimeoutMs: settings.forwardTimeoutMs,
      leaseCheckMs: settings.leaseMs / 3,
      log: deps.log,
    });
  owner?.start(service);
  router?.start();
  return startSubgraphServer({
    name: 'debugger',
    config: deps.config,
    log: deps.log,
    port: deps.port,
    resolvers: debuggerResolvers(router?.api ?? service),
    database,
    checkHealth: async () => {
      await store.get('health-check');
    },
    onClose: async () => {
      // Hand-over: no new forwarded commands, runs detached once their writes are stored, leases back, then the
      // commands that waited meanwhile are sent back to be routed again — to a replica that takes the session over.
      await router?.drain();
      await service.close();
      await hosts.close();
      await owner?.close();
      await router?.close();
      await database.close();
    },
  });
}

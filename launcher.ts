/**
 * Starts any set of services in this process: all of them for `npm start` (the embedded default), one for
 * `npm run start:<service>` (or `node dist/main.js <service>` in the image), all on free ports for the tests. Shared plumbing (event bus, service client) is created
 * once here and injected.
 */
import { setSubgraphUrl, SUBGRAPH_NAMES, type AppConfig, type ServiceName, type SubgraphName } from './platform/config';
import { createDurableStreams, type DurableStreams } from './platform/durable-events';
import { createEventBus, type EventBus } from './platform/events';
import { createLogger, type Logger } from './platform/logger';
import { createServiceClient } from './platform/service-client';
import { storageOf, type ServiceDeps } from './platform/service-deps';
import type { RunningService } from './platform/subgraph-server';
import type * as RouterModule from './router/server';
import type { RunningRouter } from './router/server';
import type * as Workflow from './subgraphs/workflow';
import type * as Registry from './subgraphs/registry';
import type * as Codegen from './subgraphs/codegen';
import type * as Debugger from './subgraphs/debugger';
import type * as Deployment from './subgraphs/deployment';
import type * as Assistant from './subgraphs/assistant';
import type * as RunWorker from './subgraphs/workflow/run-worker';

/**
 * Each service's code is loaded only when that service starts: a process running the router alone does not carry
 * six subgraphs' modules (≈60 MB of RSS measured, bench/README.md), nor a subgraph process the gateway.
 */
const STARTERS: Record<SubgraphName, () => (deps: ServiceDeps) => Promise<RunningService>> = {
  workflow: () => (require('./subgraphs/workflow') as typeof Workflow).startWorkflowService,
  registry: () => (require('./subgraphs/registry') as typeof Registry).startRegistryService,
  codegen: () => (require('./subgraphs/codegen') as typeof Codegen).startCodegenService,
  debugger: () => (require('./subgraphs/debugger') as typeof Debugger).startDebuggerService,
  deployment: () => (require('./subgraphs/deployment') as typeof Deployment).startDeploymentService,
  assistant: () => (require('./subgraphs/assistant') as typeof Assistant).startAssistantService,
};

export interface Launched {
  config: AppConfig;
  subgraphs: Partial<Record<SubgraphName, RunningService>>;
  router?: RunningRouter;
  events: EventBus;
  durable: DurableStreams;
  /** Stops one subgraph (tests of degraded mode) or everything. */
  stop(name?: SubgraphName): Promise<void>;
  /** Starts a stopped subgraph again on the same port. */
  restart(name: SubgraphName): Promise<void>;
}

export interface LaunchOptions {
  services?: readonly ServiceName[];
  /** Bind every service to a free port and point the URLs at them (tests). */
  freePorts?: boolean;
  log?: Logger;
}

/** A `worker` process: its own bus connections and the run worker (subgraphs/workflow/run-worker.ts). */
export async function launchRunWorker(
  config: AppConfig,
  log: Logger,
): Promise<{ id: string; threads: number; /** How long stop() lets running runs finish. */ shutdownGraceMs: number; stop(): Promise<void> }> {
  const events = createEventBus({ source: 'visual-builder-worker', redisUrl: config.redisUrl, namespace: config.redisNamespace, log });
  const durable = createDurableStreams({ redisUrl: config.redisUrl, namespace: config.redisNamespace, log });
  const services = createServiceClient(config);
  const storage = storageOf(config);
  try {
    const worker = await (require('./subgraphs/workflow/run-worker') as typeof RunWorker).startRunWorker({ config, log, events, durable, services, storage });
    return {
      id: worker.executor.workerId,
      threads: worker.threads,
      shutdownGraceMs: worker.recovery.shutdownGraceMs,
      async stop() {
        await worker.close();
        await services.close();
        await durable.close();
        await events.close();
      },
    };
  } catch (err) {
    await services.close();
    await durable.close();
    await events.close();
    throw err;
  }
}

export async function launch(config: AppConfig, options: LaunchOptions = {}): Promise<Launched> {
  const wanted = new Set<ServiceName>(options.services?.length ? options.services : [...SUBGRAPH_NAMES, 'router']);
  const log = options.log ?? createLogger('visual-builder', config.logLevel);
  const events = createEventBus({ source: 'visual-builder', redisUrl: config.redisUrl, namespace: config.redisNamespace, log });
  const durable = createDurableStreams({ redisUrl: config.redisUrl, namespace: config.redisNamespace, log });
  const services = createServiceClient(config);
  const subgraphs: Launched['subgraphs'] = {};
  const storage = storageOf(config);
  const start = async (name: SubgraphName, port?: number) => {
    const running = await STARTERS[name]()({ config, log: log.child({ service: name }), events, durable, services, storage, port });
    subgraphs[name] = running;
    // The router reaches what this process started where it started it, whatever the supergraph recorded.
    setSubgraphUrl(config, name, running.url);
  };
  const stopAll = async () => {
    await router?.close();
    await Promise.all(Object.values(subgraphs).map((s) => s?.close()));
    await services.close();
    await durable.close();
    await events.close();
  };
  let router: RunningRouter | undefined;
  try {
    for (const name of SUBGRAPH_NAMES) if (wanted.has(name)) await start(name, options.freePorts ? 0 : undefined);
    if (wanted.has('router'))
      router = await (require('./router/server') as typeof RouterModule).startRouter(config, log.child({ service: 'router' }), events, {
        port: options.freePorts ? 0 : undefined,
      });
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    config,
    subgraphs,
    router,
    events,
    durable,
    async stop(name) {
      if (!name) return stopAll();
      await subgraphs[name]?.close();
      delete subgraphs[name];
    },
    async restart(name) {
      const port = Number(new URL(config.urls[name]).port);
      await start(name, port);
    },
  };
}

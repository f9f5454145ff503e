/**
 * The real supergraph (workflow, registry, router over HTTP) with the deployment service started here, so a test
 * can give it a program source (the code generator is not there yet) and stop/restart it like Launched does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, type Launched } from '../../launcher';
import { loadConfig, setSubgraphUrl, type AppConfig } from '../../platform/config';
import { topics } from '../../platform/events';
import { LOCAL_IDENTITY, signInternalToken } from '../../platform/identity';
import { createLogger } from '../../platform/logger';
import { createServiceClient } from '../../platform/service-client';
import type { RunningService } from '../../platform/subgraph-server';
import { startDeploymentService } from '../../subgraphs/deployment';
import type { DeploymentEventPayload } from '../../subgraphs/deployment/deployment-events';
import { isAlive } from '../../subgraphs/deployment/local-supervisor';
import { postGraphQL } from '../support/supergraph';
import { FixtureProgramSource } from './fixture-programs';
import { freePort } from '../../platform/free-port';

export const DEPLOYMENT_FIELDS = `id projectId projectVersion target environment status endpoint error config downloadPath
  history { status at reason } logs { level message } files { path kind size content }`;

export class DeploymentHarness {
  readonly programs = new FixtureProgramSource();
  /** Every deployment event, by deployment id. */
  readonly events = new Map<string, DeploymentEventPayload[]>();
  readonly seedEvents: { type: string; data: Record<string, unknown> }[] = [];
  private service?: RunningService;
  private unsubscribers: (() => void)[] = [];

  private constructor(
    readonly config: AppConfig,
    readonly launched: Launched,
    private readonly port: number,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<DeploymentHarness> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-deploy-'));
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '', ...env });
    const port = await freePort();
    setSubgraphUrl(config, 'deployment', `http://127.0.0.1:${port}`);
    const launched = await launch(config, { freePorts: true, services: ['workflow', 'registry', 'router'] });
    const harness = new DeploymentHarness(config, launched, port);
    harness.unsubscribers.push(await launched.events.on<{ type: string; data: Record<string, unknown> }>('events', (e) => harness.seedEvents.push(e)));
    await harness.startService();
    return harness;
  }

  async startService() {
    const log = createLogger('deployment-test', 'silent');
    const storage = { dataDir: this.config.dataDir };
    this.service = await startDeploymentService(
      {
        config: this.config,
        log,
        events: this.launched.events,
        durable: this.launched.durable,
        services: createServiceClient(this.config),
        storage,
        port: this.port,
      },
      { programs: this.programs },
    );
  }

  async stopService() {
    await this.service?.close();
    this.service = undefined;
  }

  async restartService() {
    await this.stopService();
    await this.startService();
  }

  gql<T = any>(query: string, variables?: Record<string, unknown>) {
    return postGraphQL(`${this.launched.router!.url}/graphql`, query, variables) as Promise<{ data?: T; errors?: any[] }>;
  }

  async createProject(name = 'Deploy me'): Promise<{ id: string; version: number }> {
    const result = await this.gql(`mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }`, {
      input: { name, description: '' },
    });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.createProject;
  }

  /** Records the deployment's events from now on. */
  async watch(id: string) {
    this.events.set(id, this.events.get(id) ?? []);
    this.unsubscribers.push(await this.launched.events.on(topics.deployment(id), (e) => this.events.get(id)!.push(e as DeploymentEventPayload)));
  }

  async deploy(projectId: string, args: Record<string, unknown> = {}) {
    const result = await this.gql(
      `mutation($p: ID!, $t: DeploymentTarget!, $e: String!, $a: Boolean, $o: JSON, $l: String) {
        deploy(projectId: $p, target: $t, environment: $e, autoScale: $a, overrides: $o, language: $l) { ${DEPLOYMENT_FIELDS} } }`,
      { p: projectId, t: 'LOCAL', e: 'development', l: 'javascript', ...args },
    );
    if (result.data?.deploy) await this.watch(result.data.deploy.id);
    return result;
  }

  async deployment(id: string) {
    const result = await this.gql(`query($id: ID!) { deployment(id: $id) { ${DEPLOYMENT_FIELDS} output } }`, { id });
    return result.data?.deployment;
  }

  /** Polls until the deployment reaches one of `statuses` (or fails the test after `timeoutMs`). */
  async waitFor(id: string, statuses: string[], timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const d = await this.deployment(id);
      if (d && statuses.includes(d.status)) return d;
      if (Date.now() > deadline) throw new Error(`deployment ${id} is ${d?.status} (${d?.error}), expected ${statuses.join('/')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async mutate(name: 'cancelDeployment' | 'stopDeployment' | 'rollbackDeployment', id: string) {
    return this.gql(`mutation($id: ID!) { ${name}(id: $id) { ${DEPLOYMENT_FIELDS} } }`, { id });
  }

  /** GET on the deployment service itself with a router-grade token (the router does not proxy the zip yet). */
  async download(id: string, identity = LOCAL_IDENTITY) {
    const token = await signInternalToken(identity, this.config.internalTokenSecret);
    return fetch(`${this.config.urls.deployment}/deployments/${id}/artifacts.zip`, { headers: { 'x-vb-internal-token': token } });
  }

  async close() {
    // Leave no program running: stop every deployment this harness saw that is still RUNNING.
    if (this.service) {
      for (const id of this.events.keys()) {
        if ((await this.deployment(id))?.status === 'RUNNING') await this.mutate('stopDeployment', id);
      }
    }
    await this.stopService();
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    await this.launched.stop();
    fs.rmSync(this.config.dataDir, { recursive: true, force: true });
  }
}

/** Kills a program's process group (cleanup of tests that leave one running on purpose). */
export function killGroup(pid: number) {
  try {
    if (isAlive(pid)) process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

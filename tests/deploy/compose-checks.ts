import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_ENV, SUBGRAPH_NAMES } from '../../platform/config';

/**
 * Checks the compose-spec schema cannot express: the wiring between services. Each returns human-readable problems
 * (empty = fine) so a failing test names exactly what is wrong, and so broken copies can prove the checks bite.
 */

export interface ComposeService {
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: (string | number | { target?: number; published?: number })[];
  volumes?: (string | { source?: string; target?: string })[];
  container_name?: string;
  deploy?: { replicas?: number };
  build?: string | { context?: string; dockerfile?: string };
  restart?: string;
  profiles?: string[];
}

export interface ComposeDocument {
  services: Record<string, ComposeService>;
}

interface AppService {
  port: number;
  portEnv: string;
  urlEnv?: string;
}

/** The port contract (docs/ARCHITECTURE.md §2) as the services themselves read it, so compose cannot drift from the code. */
export const APP_SERVICES: Readonly<Record<string, AppService>> = Object.fromEntries(
  Object.entries(SERVICE_ENV).map(([name, { defaultPort, portVar, urlVar }]) => [name, { port: defaultPort, portEnv: portVar, urlEnv: urlVar }]),
);
export const SUBGRAPHS: readonly string[] = SUBGRAPH_NAMES;
export const HEALTH_PROBE = '/app/deploy/healthcheck.js';

export function environmentOf(service: ComposeService): Record<string, string> {
  const environment = service.environment ?? {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]));
}

function dependenciesOf(service: ComposeService): Record<string, string> {
  const dependsOn = service.depends_on ?? [];
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, { condition }]) => [name, condition]));
}

function hasHealthcheck(service: ComposeService | undefined): boolean {
  return Boolean(service?.healthcheck?.test) && service?.healthcheck?.disable !== true;
}

export function dependencyProblems({ services }: ComposeDocument): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    for (const [target, condition] of Object.entries(dependenciesOf(service))) {
      if (!(target in services)) problems.push(`${name} depends on unknown service "${target}"`);
      else if (condition === 'service_healthy' && !hasHealthcheck(services[target])) {
        problems.push(`${name} waits for ${target} to be healthy, but ${target} has no healthcheck`);
      }
    }
  }
  const expectHealthy = (name: string, targets: readonly string[]) => {
    const actual = services[name] ? dependenciesOf(services[name]) : {};
    for (const target of targets) {
      if (actual[target] !== 'service_healthy') problems.push(`${name} must depend on ${target} with condition service_healthy`);
    }
  };
  for (const subgraph of SUBGRAPHS) expectHealthy(subgraph, ['postgres', 'redis']);
  expectHealthy('router', SUBGRAPHS);
  return problems.concat(dependencyCycleProblems(services));
}

function dependencyCycleProblems(services: ComposeDocument['services']): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done' || !services[name]) return;
    if (state.get(name) === 'visiting') {
      problems.push(`dependency cycle: ${[...path, name].join(' -> ')}`);
      return;
    }
    state.set(name, 'visiting');
    for (const target of Object.keys(dependenciesOf(services[name]))) visit(target, [...path, name]);
    state.set(name, 'done');
  };
  for (const name of Object.keys(services)) visit(name, []);
  return problems;
}

/** Every VISUAL_*_URL names a real service, on the port that service listens on. */
export function serviceUrlProblems({ services }: ComposeDocument): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    for (const [key, value] of Object.entries(environmentOf(service))) {
      if (!/^VISUAL_.+_URL$/.test(key)) continue;
      const [targetName, target] = Object.entries(APP_SERVICES).find(([, app]) => app.urlEnv === key) ?? [];
      if (!target || !targetName) {
        problems.push(`${name}: ${key} is not one of the contract's service URLs`);
        continue;
      }
      const url = URL.canParse(value) ? new URL(value) : undefined;
      if (!url) problems.push(`${name}: ${key}="${value}" is not a URL`);
      else if (!(url.hostname in services)) problems.push(`${name}: ${key} points at unknown host "${url.hostname}"`);
      else if (url.hostname !== targetName) problems.push(`${name}: ${key} points at ${url.hostname}, expected ${targetName}`);
      else if (Number(url.port) !== target.port) problems.push(`${name}: ${key} uses port ${url.port || '(default)'}, ${targetName} listens on ${target.port}`);
      else if (environmentOf(services[targetName])[target.portEnv] !== url.port) {
        problems.push(`${name}: ${key} uses port ${url.port}, but ${targetName} sets ${target.portEnv}=${environmentOf(services[targetName])[target.portEnv]}`);
      }
    }
  }
  const routerEnvironment = services.router ? environmentOf(services.router) : {};
  for (const subgraph of SUBGRAPHS) {
    const urlEnv = APP_SERVICES[subgraph].urlEnv as string;
    if (!(urlEnv in routerEnvironment)) problems.push(`router is missing ${urlEnv}`);
  }
  return problems;
}

/** Each app service runs its own service from the compiled image (node as PID 1), listens where the contract says, and probes that port. */
export function appServiceProblems({ services }: ComposeDocument, scripts: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, app] of Object.entries(APP_SERVICES)) {
    const service = services[name];
    if (!service) {
      problems.push(`service ${name} is missing`);
      continue;
    }
    const command = typeof service.command === 'string' ? service.command.split(/\s+/) : (service.command ?? []);
    if (command.join(' ') !== `node dist/main.js ${name}`)
      problems.push(`${name}: command must be node dist/main.js ${name}, got ${JSON.stringify(service.command)}`);
    else if (!/\bnode\b/.test(scripts[`start:${name}`] ?? '')) problems.push(`${name}: package.json has no "start:${name}" script running node`);
    const environment = environmentOf(service);
    if (environment[app.portEnv] !== String(app.port)) problems.push(`${name}: ${app.portEnv} must be ${app.port}`);
    if (environment.HOST !== '0.0.0.0') problems.push(`${name}: HOST must be 0.0.0.0 so other containers can reach it`);
    const test = service.healthcheck?.test;
    if (!hasHealthcheck(service) || !Array.isArray(test)) problems.push(`${name}: needs an exec-form healthcheck`);
    else if (test.join(' ') !== `CMD node ${HEALTH_PROBE} ${app.port}`)
      problems.push(`${name}: healthcheck must probe its port ${app.port}, got ${test.join(' ')}`);
    if (service.restart !== 'unless-stopped') problems.push(`${name}: restart must be unless-stopped`);
    if (!service.build) problems.push(`${name}: must be built from the project Dockerfile`);
    if (service.deploy?.replicas !== 1) problems.push(`${name}: deploy.replicas must be 1 (scale with --scale)`);
  }
  for (const [name, service] of Object.entries(services)) {
    if (service.container_name) problems.push(`${name}: container_name prevents scaling`);
    if (!(name in APP_SERVICES) && !hasHealthcheck(service)) problems.push(`${name}: needs a healthcheck`);
  }
  return problems;
}

function containerPort(mapping: string | number | { target?: number }): number | undefined {
  if (typeof mapping === 'number') return mapping;
  if (typeof mapping === 'object') return mapping.target;
  return Number(
    mapping
      .replace(/\/\w+$/, '')
      .split(':')
      .pop(),
  );
}

export function publishedPortProblems({ services }: ComposeDocument): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    const ports = service.ports ?? [];
    // The optional monitoring UI may publish too, but on the host's loopback only.
    const loopbackMonitoring = service.profiles?.includes('monitoring') && ports.every((p) => typeof p === 'string' && p.startsWith('127.0.0.1:'));
    if (name !== 'router' && ports.length > 0 && !loopbackMonitoring)
      problems.push(`${name} publishes ports ${JSON.stringify(ports)}; only the router (and loopback-bound monitoring) may`);
  }
  const routerPorts = (services.router?.ports ?? []).map(containerPort);
  if (routerPorts.length !== 1 || routerPorts[0] !== APP_SERVICES.router.port) {
    problems.push(`router must publish exactly container port ${APP_SERVICES.router.port}, got ${JSON.stringify(routerPorts)}`);
  }
  return problems;
}

/** Database per service: distinct databases on the postgres service, each created by an init script. */
export function databaseProblems({ services }: ComposeDocument, projectRoot: string): string[] {
  const problems: string[] = [];
  const initMount = (services.postgres?.volumes ?? [])
    .map((volume) => (typeof volume === 'string' ? volume.split(':') : [volume.source, volume.target]))
    .find(([, target]) => target === '/docker-entrypoint-initdb.d');
  const initDir = initMount?.[0] ? join(projectRoot, initMount[0]) : undefined;
  if (!initDir || !existsSync(initDir)) problems.push('postgres must mount an existing init directory at /docker-entrypoint-initdb.d');
  const initSql =
    initDir && existsSync(initDir)
      ? readdirSync(initDir)
          .filter((file) => file.endsWith('.sql'))
          .map((file) => readFileSync(join(initDir, file), 'utf8'))
          .join('\n')
      : '';
  const created = new Set([...initSql.matchAll(/CREATE\s+DATABASE\s+"?(\w+)"?/gi)].map((match) => match[1]));
  const owners = new Map<string, string>();
  for (const subgraph of SUBGRAPHS) {
    const value = services[subgraph] ? environmentOf(services[subgraph]).DATABASE_URL : undefined;
    const url = value && URL.canParse(value) ? new URL(value) : undefined;
    if (!url || !/^postgres(ql)?:$/.test(url.protocol) || url.hostname !== 'postgres') {
      problems.push(`${subgraph}: DATABASE_URL must be a postgres:// URL on host postgres, got ${value}`);
      continue;
    }
    const database = url.pathname.slice(1);
    if (owners.has(database)) problems.push(`${subgraph} shares database ${database} with ${owners.get(database)}`);
    owners.set(database, subgraph);
    if (!created.has(database)) problems.push(`${subgraph}: database ${database} is not created by the postgres init scripts`);
  }
  if (services.router && 'DATABASE_URL' in environmentOf(services.router)) problems.push('router is stateless and must not get DATABASE_URL');
  return problems;
}

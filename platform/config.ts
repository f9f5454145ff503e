/**
 * Process configuration from the environment, with the seed's variable names (VISUAL_*_PORT / VISUAL_*_URL).
 * Everything else reads config from here, never from process.env directly.
 */
import path from 'node:path';

export const SUBGRAPH_NAMES = ['workflow', 'registry', 'codegen', 'debugger', 'deployment', 'assistant'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
export type ServiceName = SubgraphName | 'router';

interface ServiceEnv {
  /** Name in the seed's health format (`services.workflow_engine`, …). */
  healthName: string;
  portVar: string;
  urlVar?: string;
  defaultPort: number;
}

export const SERVICE_ENV: Record<ServiceName, ServiceEnv> = {
  router: { healthName: 'visual_builder_gateway', portVar: 'VISUAL_BUILDER_PORT', defaultPort: 8006 },
  workflow: { healthName: 'workflow_engine', portVar: 'VISUAL_WORKFLOW_ENGINE_PORT', urlVar: 'VISUAL_WORKFLOW_ENGINE_URL', defaultPort: 8007 },
  registry: { healthName: 'component_registry', portVar: 'VISUAL_COMPONENT_REGISTRY_PORT', urlVar: 'VISUAL_COMPONENT_REGISTRY_URL', defaultPort: 8008 },
  codegen: { healthName: 'code_generator', portVar: 'VISUAL_CODE_GENERATOR_PORT', urlVar: 'VISUAL_CODE_GENERATOR_URL', defaultPort: 8009 },
  debugger: { healthName: 'debugger', portVar: 'VISUAL_DEBUGGER_PORT', urlVar: 'VISUAL_DEBUGGER_URL', defaultPort: 8010 },
  deployment: { healthName: 'deployment', portVar: 'VISUAL_DEPLOYMENT_PORT', urlVar: 'VISUAL_DEPLOYMENT_URL', defaultPort: 8011 },
  assistant: { healthName: 'ai_assistant', portVar: 'VISUAL_AI_ASSISTANT_PORT', urlVar: 'VISUAL_AI_ASSISTANT_URL', defaultPort: 8012 },
};

export interface AppConfig {
  nodeEnv: string;
  /** Interface services bind to: loopback by default (local single-user mode), 0.0.0.0 in containers. */
  host: string;
  ports: Record<ServiceName, number>;
  /** Where each of our own subgraphs is reached (by other services; by the router only when in `urlOverrides`). Change with setSubgraphUrl. */
  readonly urls: Readonly<Record<SubgraphName, string>>;
  /**
   * Our own subgraphs whose address was configured (VISUAL_*_URL or VISUAL_*_PORT set) or started by the launcher:
   * for these the router uses `urls` instead of the URL the supergraph records. Every other subgraph is routed to
   * the supergraph's `@join__graph(url:)`.
   */
  urlOverrides: Set<SubgraphName>;
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema to use (tests isolate themselves with it). */
  databaseSchema?: string;
  /** Named PostgreSQL statements reused per connection (platform/pg-prepared-statements.ts); off behind a pooler that cannot keep them. */
  databasePreparedStatements: boolean;
  redisUrl?: string;
  /** Namespace for Redis keys and channels (pub/sub ignores the Redis DB number). */
  redisNamespace: string;
  logLevel: string;
  /** Secret the router signs the caller's identity with for subgraphs (docs/ARCHITECTURE.md §11). */
  internalTokenSecret: string;
  supergraphPath: string;
  /** Per-call timeout from the router to a subgraph. */
  subgraphTimeoutMs: number;
  /**
   * A router calls the subgraphs started in its own process in-process instead of over loopback HTTP
   * (platform/in-process-subgraphs.ts); IN_PROCESS_SUBGRAPHS=false keeps HTTP.
   */
  inProcessSubgraphs: boolean;
  /**
   * A single-fetch plan's subgraph answer is returned as it arrived when it provably equals the shaped one
   * (router/pass-through.ts); ROUTER_PASS_THROUGH=false shapes every answer.
   */
  routerPassThrough: boolean;
  /**
   * Identical queries of one caller in flight at the same time are executed once (router/operation-dedup.ts);
   * ROUTER_OPERATION_DEDUP=false executes each.
   */
  routerOperationDedup: boolean;
  /**
   * A subscription event is executed once per distinct operation, variables and access scope, not once per subscriber
   * (router/subscriptions/shared-execution.ts); SUBSCRIPTION_SHARED_EXECUTION=false executes it for each.
   */
  sharedSubscriptionExecution: boolean;
  version: string;
  /** Bytes a WebSocket may have queued before its client is closed as too slow. */
  wsSlowConsumerBytes: number;
  /** Events one subscription may fall behind (graphql-ws waits for each send) before its client is closed as too slow. */
  wsSlowConsumerEvents: number;
  /** End-user authentication at the router (docs/ARCHITECTURE.md §11); `undefined` = the local single-user mode. */
  auth?: AuthConfig;
  /** Router limits, CORS and rate limits (router/security). */
  security: SecurityConfig;
  /** The environment this config was read from (the engine's LLM_* / HTTP_ALLOWLIST settings come from it too). */
  env: NodeJS.ProcessEnv;
}

export interface AuthConfig {
  /** HS256 shared secret (AUTH_JWT_SECRET, at least 32 characters). */
  jwtSecret?: string;
  /** A JSON Web Key Set file with the public keys of RS256/ES256 tokens (AUTH_JWKS_FILE). */
  jwksFile?: string;
  issuer?: string;
  audience?: string;
  /** How long the router reuses a verified API key (a revoked key works at most this much longer). */
  apiKeyCacheMs: number;
}

export interface SecurityConfig {
  maxDepth: number;
  /** Fields selected per operation, fragments expanded (a simple cost). */
  maxCost: number;
  maxAliases: number;
  /** Lexical tokens per document (parsing stops there). */
  maxTokens: number;
  maxBodyBytes: number;
  /** Requests per identity (or address, when anonymous) per window; 0 disables. */
  rateLimitPoints: number;
  rateLimitWindowSeconds: number;
  /** Only documents from the safelist file run (PERSISTED_OPERATIONS_ONLY=true, PERSISTED_OPERATIONS_FILE). */
  persistedOperationsOnly: boolean;
  persistedOperationsFile?: string;
  introspection: boolean;
  /** Browser origins allowed to call the router (CORS_ORIGINS, comma-separated); none by default. */
  corsOrigins: string[];
  /**
   * Origins the router is served from (PUBLIC_ORIGINS, comma-separated): with CORS_ORIGINS, the only browser origins
   * a WebSocket handshake may come from. Never derived from the request's Host header (a client chooses it).
   */
  publicOrigins: string[];
  /** Largest WebSocket message accepted, checked by the frame parser before any message is handled (WS_MAX_PAYLOAD_BYTES). */
  wsMaxPayloadBytes: number;
  /** graphql-ws: a socket that has not sent `connection_init` by then is closed with 4408 (WS_CONNECTION_INIT_TIMEOUT_MS). */
  wsConnectionInitTimeoutMs: number;
  /** Operations running at once on one graphql-ws connection (WS_MAX_SUBSCRIPTIONS_PER_CONNECTION). */
  wsMaxSubscriptionsPerConnection: number;
  /** WebSocket connections one identity may hold open on this router, graphql-ws and legacy together (WS_MAX_CONNECTIONS_PER_IDENTITY). */
  wsMaxConnectionsPerIdentity: number;
  /** How often an open socket's credentials are checked again, so a revoked API key or an expired token ends it (WS_REVALIDATE_MS). */
  wsRevalidateMs: number;
  /** Bearer token /metrics requires (METRICS_TOKEN); required in production. */
  metricsToken?: string;
  /** Client operation names that label metrics (METRICS_OPERATION_NAMES, comma-separated); others count as "other". */
  metricsOperationNames: string[];
  /** Router HTTP server timeouts and per-address connection cap (HTTP_*). */
  http: HttpServerLimits;
}

export interface HttpServerLimits {
  /** Time to receive the request headers (HTTP_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs: number;
  /** Time to receive the whole request, body included (HTTP_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open (HTTP_KEEP_ALIVE_TIMEOUT_MS). */
  keepAliveTimeoutMs: number;
  /** Connections one client address may hold open at once; 0 disables (HTTP_MAX_CONNECTIONS_PER_CLIENT). */
  maxConnectionsPerClient: number;
}

/** A non-negative integer from `env[name]`, `fallback` when unset; anything else is a ConfigError naming the variable. */
export function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function loadAuth(env: NodeJS.ProcessEnv): AuthConfig | undefined {
  const jwtSecret = env.AUTH_JWT_SECRET || undefined;
  const jwksFile = env.AUTH_JWKS_FILE || undefined;
  if (jwtSecret && jwtSecret.length < 32) throw new ConfigError('AUTH_JWT_SECRET must be at least 32 characters');
  if (!jwtSecret && !jwksFile) return undefined;
  return {
    jwtSecret,
    jwksFile,
    issuer: env.AUTH_JWT_ISSUER || undefined,
    audience: env.AUTH_JWT_AUDIENCE || undefined,
    apiKeyCacheMs: positiveInt(env, 'AUTH_API_KEY_CACHE_MS', 30_000),
  };
}

function loadSecurity(env: NodeJS.ProcessEnv, nodeEnv: string): SecurityConfig {
  return {
    maxDepth: positiveInt(env, 'GRAPHQL_MAX_DEPTH', 12),
    maxCost: positiveInt(env, 'GRAPHQL_MAX_COST', 2_000),
    maxAliases: positiveInt(env, 'GRAPHQL_MAX_ALIASES', 30),
    maxTokens: positiveInt(env, 'GRAPHQL_MAX_TOKENS', 5_000),
    maxBodyBytes: positiveInt(env, 'MAX_BODY_BYTES', 1024 * 1024),
    // 100 requests/s per user: room for an editor streaming moves and presence, still a wall against floods.
    rateLimitPoints: positiveInt(env, 'RATE_LIMIT_POINTS', 6000),
    rateLimitWindowSeconds: Math.max(1, positiveInt(env, 'RATE_LIMIT_WINDOW_SECONDS', 60)),
    persistedOperationsOnly: env.PERSISTED_OPERATIONS_ONLY === 'true',
    persistedOperationsFile: env.PERSISTED_OPERATIONS_FILE || undefined,
    introspection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === 'true' : nodeEnv !== 'production',
    corsOrigins: list(env.CORS_ORIGINS),
    publicOrigins: list(env.PUBLIC_ORIGINS),
    wsMaxPayloadBytes: Math.max(1024, positiveInt(env, 'WS_MAX_PAYLOAD_BYTES', 1024 * 1024)),
    wsConnectionInitTimeoutMs: Math.max(100, positiveInt(env, 'WS_CONNECTION_INIT_TIMEOUT_MS', 5_000)),
    wsMaxSubscriptionsPerConnection: Math.max(1, positiveInt(env, 'WS_MAX_SUBSCRIPTIONS_PER_CONNECTION', 100)),
    wsMaxConnectionsPerIdentity: Math.max(1, positiveInt(env, 'WS_MAX_CONNECTIONS_PER_IDENTITY', 50)),
    wsRevalidateMs: Math.max(100, positiveInt(env, 'WS_REVALIDATE_MS', 30_000)),
    metricsToken: env.METRICS_TOKEN || undefined,
    metricsOperationNames: list(env.METRICS_OPERATION_NAMES),
    http: {
      headersTimeoutMs: Math.max(1_000, positiveInt(env, 'HTTP_HEADERS_TIMEOUT_MS', 20_000)),
      requestTimeoutMs: Math.max(1_000, positiveInt(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000)),
      keepAliveTimeoutMs: Math.max(1_000, positiveInt(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000)),
      maxConnectionsPerClient: positiveInt(env, 'HTTP_MAX_CONNECTIONS_PER_CLIENT', 256),
    },
  };
}

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);

/**
 * The router serves end users, so in production it refuses to start in the local single-user mode. (Subgraphs only
 * trust the router's internal token and need no end-user authentication of their own.)
 */
export function assertAuthenticationConfigured(config: AppConfig): void {
  if (config.nodeEnv === 'production' && !config.auth) {
    throw new ConfigError('NODE_ENV=production needs authentication at the router: set AUTH_JWT_SECRET or AUTH_JWKS_FILE (see README, "Authentication")');
  }
  if (!config.auth && !LOOPBACK.has(config.host)) {
    throw new ConfigError(
      `Without authentication the router runs in the local single-user mode, which binds to loopback only (HOST is "${config.host}"); set AUTH_JWT_SECRET or AUTH_JWKS_FILE`,
    );
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Development-only secret: production refuses to start without INTERNAL_TOKEN_SECRET. */
const DEV_INTERNAL_SECRET = 'visual-builder-local-development-only';

export class ConfigError extends Error {}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new ConfigError(`${name} must be a port number, got "${raw}"`);
  return value;
}

/** Points our own subgraph `name` at `url` (base URL, no /graphql) for the other services and, as an override, for the router. */
export function setSubgraphUrl(config: AppConfig, name: SubgraphName, url: string): void {
  (config.urls as Record<SubgraphName, string>)[name] = url;
  config.urlOverrides.add(name);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const host = env.HOST ?? '127.0.0.1';
  const ports = Object.fromEntries(
    (Object.keys(SERVICE_ENV) as ServiceName[]).map((name) => [name, port(env, SERVICE_ENV[name].portVar, SERVICE_ENV[name].defaultPort)]),
  ) as Record<ServiceName, number>;
  const urls = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, (env[SERVICE_ENV[name].urlVar!] ?? `http://127.0.0.1:${ports[name]}`).replace(/\/$/, '')]),
  ) as Record<SubgraphName, string>;
  const urlOverrides = new Set(SUBGRAPH_NAMES.filter((name) => env[SERVICE_ENV[name].urlVar!] || env[SERVICE_ENV[name].portVar]));
  const internalTokenSecret = env.INTERNAL_TOKEN_SECRET ?? '';
  if (nodeEnv === 'production' && internalTokenSecret.length < 32) {
    throw new ConfigError('INTERNAL_TOKEN_SECRET (at least 32 characters) is required when NODE_ENV=production');
  }
  const security = loadSecurity(env, nodeEnv);
  if (security.persistedOperationsOnly && !security.persistedOperationsFile)
    throw new ConfigError('PERSISTED_OPERATIONS_ONLY=true needs PERSISTED_OPERATIONS_FILE (a JSON object: sha256 hex of the document → document)');
  return {
    auth: loadAuth(env),
    security,
    nodeEnv,
    host,
    ports,
    urls,
    urlOverrides,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    databasePreparedStatements: env.DATABASE_PREPARED_STATEMENTS !== 'false',
    redisUrl: env.REDIS_URL || undefined,
    redisNamespace: env.REDIS_NAMESPACE ?? 'vb',
    logLevel: env.LOG_LEVEL?.toLowerCase() ?? 'info',
    internalTokenSecret: internalTokenSecret || DEV_INTERNAL_SECRET,
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH ?? path.join(__dirname, '..', 'schema', 'supergraph.graphql')),
    subgraphTimeoutMs: Number(env.SUBGRAPH_TIMEOUT_MS ?? 10_000),
    inProcessSubgraphs: env.IN_PROCESS_SUBGRAPHS !== 'false',
    routerPassThrough: env.ROUTER_PASS_THROUGH !== 'false',
    routerOperationDedup: env.ROUTER_OPERATION_DEDUP !== 'false',
    sharedSubscriptionExecution: env.SUBSCRIPTION_SHARED_EXECUTION !== 'false',
    version: '1.0.0',
    wsSlowConsumerBytes: Number(env.WS_SLOW_CONSUMER_BYTES ?? 4 * 1024 * 1024),
    wsSlowConsumerEvents: Number(env.WS_SLOW_CONSUMER_EVENTS ?? 1_000),
    env,
  };
}

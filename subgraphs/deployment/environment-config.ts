/**
 * Deployment configuration: the seed's per-environment defaults (legacy `GET /config/templates`), with a caller's
 * `overrides` deep-merged into them and the result validated by a JSON Schema (Ajv), so a bad type is refused up
 * front with the offending field named instead of surfacing as a broken manifest later.
 */
import Ajv, { type ErrorObject } from 'ajv';
import { badInput } from '../../platform/errors';

export const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
export type EnvironmentName = (typeof ENVIRONMENTS)[number];

export interface ProbeConfig {
  path: string;
  initial_delay_seconds: number;
  period_seconds: number;
  timeout_seconds: number;
  failure_threshold: number;
}

/** The legacy config shape (`resources`, `deployment_type`, `health_checks`, `networking`) plus our extensions. */
export interface DeploymentConfig {
  environment: EnvironmentName;
  auto_scale: boolean;
  resources: { cpu: string; memory: string; replicas: number };
  /** Rollout strategy of the orchestrated targets: `recreate` or `rolling`. */
  deployment_type: 'recreate' | 'rolling';
  health_checks: { liveness: ProbeConfig; readiness: ProbeConfig };
  networking: { ports: number[]; service_type: 'ClusterIP' | 'NodePort' | 'LoadBalancer'; ingress: { enabled: boolean; host: string | null; path: string } };
  autoscaling: { min_replicas: number; max_replicas: number; target_cpu_percent: number };
  /** Plain (non-secret) environment variables for the program. */
  env: Record<string, string>;
  /** Names of secret variables: manifests reference them (Secret, ${VAR}, NoEcho); never a literal value. */
  secrets: string[];
  /** LOCAL only: a fixed port (default: any free port) and how long to wait for /health. */
  local: { port: number | null; startup_timeout_seconds: number };
}

const probe = (initialDelay: number): ProbeConfig => ({
  path: '/health',
  initial_delay_seconds: initialDelay,
  period_seconds: 10,
  timeout_seconds: 3,
  failure_threshold: 3,
});

function defaults(environment: EnvironmentName): DeploymentConfig {
  const size = {
    development: { cpu: '250m', memory: '256Mi', replicas: 1 },
    staging: { cpu: '500m', memory: '512Mi', replicas: 2 },
    production: { cpu: '1', memory: '1Gi', replicas: 3 },
  }[environment];
  return {
    environment,
    auto_scale: false,
    resources: size,
    deployment_type: environment === 'development' ? 'recreate' : 'rolling',
    health_checks: { liveness: probe(10), readiness: probe(3) },
    networking: {
      ports: [8080],
      service_type: environment === 'production' ? 'LoadBalancer' : 'ClusterIP',
      ingress: { enabled: false, host: null, path: '/' },
    },
    autoscaling: { min_replicas: size.replicas, max_replicas: size.replicas * 4, target_cpu_percent: environment === 'production' ? 70 : 80 },
    env: {},
    secrets: ['LLM_API_KEY'],
    local: { port: null, startup_timeout_seconds: 30 },
  };
}

/** The environment defaults, for the legacy `GET /config/templates`. */
export const environmentTemplates = () => Object.fromEntries(ENVIRONMENTS.map((e) => [e, defaults(e)]));

const ENV_NAME = '^[A-Za-z_][A-Za-z0-9_]*$';
const integer = (minimum: number, maximum: number) => ({ type: 'integer', minimum, maximum });
const probeSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    path: { type: 'string', pattern: '^/' },
    initial_delay_seconds: integer(0, 3600),
    period_seconds: integer(1, 3600),
    timeout_seconds: integer(1, 3600),
    failure_threshold: integer(1, 100),
  },
};

const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    environment: { enum: [...ENVIRONMENTS] },
    auto_scale: { type: 'boolean' },
    resources: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cpu: { type: 'string', pattern: '^([0-9]+m|[0-9]+(\\.[0-9]+)?)$' },
        memory: { type: 'string', pattern: '^[0-9]+(Ki|Mi|Gi|Ti|K|M|G|T)?$' },
        replicas: integer(0, 100),
      },
    },
    deployment_type: { enum: ['recreate', 'rolling'] },
    health_checks: { type: 'object', additionalProperties: false, properties: { liveness: probeSchema, readiness: probeSchema } },
    networking: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ports: { type: 'array', minItems: 1, maxItems: 8, items: integer(1, 65535) },
        service_type: { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] },
        ingress: {
          type: 'object',
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            host: { type: ['string', 'null'], pattern: '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$' },
            path: { type: 'string', pattern: '^/' },
          },
        },
      },
    },
    autoscaling: {
      type: 'object',
      additionalProperties: false,
      properties: { min_replicas: integer(1, 100), max_replicas: integer(1, 1000), target_cpu_percent: integer(1, 100) },
    },
    env: {
      type: 'object',
      propertyNames: { pattern: ENV_NAME, not: { pattern: 'PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIAL' } },
      additionalProperties: { type: 'string', maxLength: 4096 },
      maxProperties: 100,
    },
    secrets: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', pattern: ENV_NAME } },
    local: {
      type: 'object',
      additionalProperties: false,
      properties: { port: { anyOf: [integer(1024, 65535), { type: 'null' }] }, startup_timeout_seconds: integer(1, 600) },
    },
  },
};

const validateConfig = new Ajv({ allErrors: false, allowUnionTypes: true }).compile<DeploymentConfig>(CONFIG_SCHEMA);

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Objects merge key by key; anything else (arrays included) replaces. Never touches prototypes. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return structuredClone(override);
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    merged[key] = key in base ? deepMerge(base[key], value) : structuredClone(value);
  }
  return merged;
}

/** `/resources/replicas` + params → `overrides.resources.replicas`, the name a caller recognises. */
function fieldOf(error: ErrorObject): string {
  const segments = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName ?? error.params.propertyName;
  if (propertyName !== undefined) segments.push(String(propertyName));
  return ['overrides', ...segments].join('.');
}

/** A variable named like a credential belongs in `secrets` (referenced, never written into a manifest). */
const messageOf = (error: ErrorObject, field: string) =>
  field.startsWith('overrides.env.') && error.keyword === 'not'
    ? `${field} looks like a secret: name it in overrides.secrets instead of giving its value`
    : `${field} ${error.message ?? 'is invalid'}`;

/**
 * `usedSecrets`: the secret variables the workflow needs (LLM_API_KEY only with a model node, the project secrets it
 * references); the manifests reference exactly those unless `overrides.secrets` says otherwise.
 */
export function resolveDeploymentConfig(environment: string, autoScale: boolean, overrides: unknown, usedSecrets?: readonly string[]): DeploymentConfig {
  if (!(ENVIRONMENTS as readonly string[]).includes(environment)) {
    throw badInput(`environment must be one of ${ENVIRONMENTS.join(', ')}`, { field: 'environment' });
  }
  if (overrides != null && !isPlainObject(overrides)) throw badInput('overrides must be an object', { field: 'overrides' });
  const base = defaults(environment as EnvironmentName);
  const merged = deepMerge({ ...base, auto_scale: autoScale, secrets: usedSecrets ? [...usedSecrets] : base.secrets }, overrides ?? {});
  if (!validateConfig(merged)) {
    const error = validateConfig.errors![0];
    const field = fieldOf(error);
    throw badInput(messageOf(error, field), { field });
  }
  if ((merged as DeploymentConfig).environment !== environment)
    throw badInput('overrides.environment cannot differ from environment', { field: 'overrides.environment' });
  const config = merged as DeploymentConfig;
  if (config.autoscaling.max_replicas < config.autoscaling.min_replicas) {
    throw badInput('overrides.autoscaling.max_replicas must be at least min_replicas', { field: 'overrides.autoscaling.max_replicas' });
  }
  return config;
}

/**
 * What a LOCAL program's environment may hold besides the platform's own fixed variables (PATH, HOME, PORT, …):
 * plain names that do not steer an interpreter, the dynamic loader, a shell or a proxy. Such a variable would turn
 * "configuration" into code execution or a way round the sandbox (NODE_OPTIONS=--inspect=0.0.0.0, LD_PRELOAD, an
 * HTTP proxy that bypasses the outbound guard), so it is refused up front rather than silently dropped.
 */
const RESERVED_ENV_NAMES = new Set([
  'PATH',
  'HOME',
  'HOST',
  'PORT',
  'LANG',
  'LANGUAGE',
  'TMPDIR',
  'SHELL',
  'IFS',
  'ENV',
  'BASH_ENV',
  'SHELLOPTS',
  'BASHOPTS',
  'PS4',
  'HTTP_ALLOWLIST',
  'GLIBC_TUNABLES',
  'HOSTALIASES',
  'LOCALDOMAIN',
  'RES_OPTIONS',
  'NLSPATH',
  'LOCPATH',
  'TZDIR',
  'OPENSSL_CONF',
  'OPENSSL_MODULES',
  'OPENSSL_ENGINES',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'CLASSPATH',
  'MALLOC_CHECK_',
  'MALLOC_PERTURB_',
]);
const RESERVED_ENV_PREFIXES = [
  'NODE_',
  'NPM_',
  'LD_',
  'DYLD_',
  'PYTHON',
  'JAVA',
  '_JAVA_',
  'JDK_',
  'PERL',
  'RUBY',
  'GEM_',
  'BUNDLE_',
  'TSX_',
  'ESBUILD_',
  'GCONV_',
  'LC_',
  'GIO_',
  'GOFLAGS',
  'GODEBUG',
  'VB_',
];

/** Why `name` may not be one of a LOCAL program's variables, or undefined when it may. */
export function reservedEnvReason(name: string): string | undefined {
  const upper = name.toUpperCase();
  if (RESERVED_ENV_NAMES.has(upper)) return 'is set by the platform';
  if (upper.endsWith('_PROXY')) return 'would route outbound requests around the HTTP guard';
  const prefix = RESERVED_ENV_PREFIXES.find((p) => upper.startsWith(p));
  return prefix ? `controls the runtime (${prefix}*) and could run code the deployment did not ship` : undefined;
}

/** Refuses (BAD_USER_INPUT naming the variable) a LOCAL deployment whose env holds a reserved variable. */
export function assertLocalEnv(env: Record<string, string>): void {
  for (const name of Object.keys(env)) {
    const reason = reservedEnvReason(name);
    if (reason) throw badInput(`overrides.env.${name} is not allowed for a LOCAL deployment: it ${reason}`, { field: `overrides.env.${name}` });
  }
}

/** COMPOSE: one service built from the Dockerfile beside it; secrets come from the environment, never written down. */
import type { StoredFile } from '../deployment-store';
import { containerPort, cpuCount, healthProbeCommand, memoryMiB, yamlFile, type ArtifactContext } from './artifact-context';
import { dockerArtifacts } from './docker';

export function composeDocument(ctx: ArtifactContext): Record<string, unknown> {
  const port = containerPort(ctx);
  const { liveness } = ctx.config.health_checks;
  const { replicas, cpu, memory } = ctx.config.resources;
  const secrets = Object.fromEntries(ctx.config.secrets.map((name) => [name, `\${${name}:?set ${name} in the environment or .env}`]));
  return {
    services: {
      [ctx.name]: {
        build: { context: '.' },
        image: ctx.image,
        // Several replicas cannot share one host port: let Docker pick host ports then.
        ports: [replicas > 1 ? String(port) : `127.0.0.1:${port}:${port}`],
        environment: { ...ctx.config.env, PORT: String(port), ...secrets },
        healthcheck: {
          test: ['CMD', ...healthProbeCommand(ctx)],
          interval: `${liveness.period_seconds}s`,
          timeout: `${liveness.timeout_seconds}s`,
          retries: liveness.failure_threshold,
          start_period: `${liveness.initial_delay_seconds}s`,
        },
        restart: 'unless-stopped',
        deploy: { replicas, resources: { limits: { cpus: String(cpuCount(cpu)), memory: `${memoryMiB(memory)}M` } } },
        labels: { 'dev.visual-builder.project': ctx.projectId, 'dev.visual-builder.version': String(ctx.projectVersion) },
      },
    },
  };
}

export function composeArtifacts(ctx: ArtifactContext): StoredFile[] {
  return [...dockerArtifacts(ctx), yamlFile('docker-compose.yml', composeDocument(ctx))];
}

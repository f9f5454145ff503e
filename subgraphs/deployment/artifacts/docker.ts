/** DOCKER: a Dockerfile that runs the program in serve mode as a non-root user with a health check, and its .dockerignore. */
import type { StoredFile } from '../deployment-store';
import { containerCommand } from '../program-entry';
import { containerPort, healthProbeCommand, type ArtifactContext } from './artifact-context';

const exec = (argv: string[]) => JSON.stringify(argv);

function nodeDockerfile(ctx: ArtifactContext): string[] {
  const install = ctx.program.hasPackageJson ? ['COPY package*.json ./', 'RUN npm install --omit=dev --no-audit --no-fund'] : [];
  // TypeScript runs through tsx; it is installed here so the runtime needs no compiler step.
  const tsx = ctx.program.language === 'typescript' ? ['RUN npm install --no-save --no-audit --no-fund tsx@4'] : [];
  return [
    'FROM node:20-bookworm-slim',
    'ENV NODE_ENV=production',
    'WORKDIR /app',
    ...install,
    ...tsx,
    'COPY --chown=node:node . .',
    // The base image ships an unprivileged `node` user (uid 1000).
    'USER node',
  ];
}

function pythonDockerfile(ctx: ArtifactContext): string[] {
  const install = ctx.program.hasRequirements ? ['COPY requirements.txt ./', 'RUN pip install --no-cache-dir -r requirements.txt'] : [];
  return [
    'FROM python:3.12-slim',
    'ENV PYTHONUNBUFFERED=1',
    'WORKDIR /app',
    'RUN useradd --create-home --uid 10001 app',
    ...install,
    'COPY --chown=app:app . .',
    'USER 10001',
  ];
}

export function dockerfile(ctx: ArtifactContext): string {
  const port = containerPort(ctx);
  const { liveness } = ctx.config.health_checks;
  const lines = [
    '# syntax=docker/dockerfile:1',
    `# ${ctx.name} v${ctx.projectVersion}: the generated workflow program in serve mode (GET /health, POST /run).`,
    ...(ctx.program.language === 'python' ? pythonDockerfile(ctx) : nodeDockerfile(ctx)),
    `ENV PORT=${port}`,
    `EXPOSE ${port}`,
    `HEALTHCHECK --interval=${liveness.period_seconds}s --timeout=${liveness.timeout_seconds}s --start-period=${liveness.initial_delay_seconds}s --retries=${liveness.failure_threshold} CMD ${exec(healthProbeCommand(ctx))}`,
    `CMD ${exec(containerCommand(ctx.program, port))}`,
  ];
  return `${lines.join('\n')}\n`;
}

export const DOCKERIGNORE = [
  '.git',
  'node_modules',
  '__pycache__',
  '*.pyc',
  '.env',
  '.env.*',
  '*.log',
  'k8s',
  'chart',
  'cloudrun',
  'docker-compose.yml',
  '',
].join('\n');

export function dockerArtifacts(ctx: ArtifactContext): StoredFile[] {
  return [
    { path: 'Dockerfile', content: dockerfile(ctx) },
    { path: '.dockerignore', content: DOCKERIGNORE },
  ];
}

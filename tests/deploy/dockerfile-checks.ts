import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFormArgs, parseDockerfile, type DockerInstruction } from './docker-files';

/** Problems with a Dockerfile's text (empty = fine); a separate function so a broken copy can prove each check bites. */

const RUNTIME_BASE = 'node:20-bookworm-slim';
const REQUIRED_ENV = { NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: 'true' };
const BUILD_TOOLS = ['python3', 'make', 'g++'];

/** `ENV A=1 B="2"` → {A: '1', B: '2'} (the legacy `ENV A 1` form too). */
function envPairs(instructions: DockerInstruction[]): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const { keyword, args } of instructions) {
    if (keyword !== 'ENV') continue;
    if (!args.includes('=')) {
      const [key, ...value] = args.split(/\s+/);
      pairs[key] = value.join(' ');
      continue;
    }
    for (const [, key, quoted, bare] of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|(\S*))/g)) {
      pairs[key] = quoted ?? bare;
    }
  }
  return pairs;
}

function isRootUser(user: string): boolean {
  const [name] = user.split(':');
  return name === 'root' || name === '0' || name === '';
}

export function dockerfileProblems(text: string, scripts: Record<string, string>, projectRoot: string): string[] {
  const problems: string[] = [];
  const stages = parseDockerfile(text);
  if (stages.length < 2) return [`expected a multi-stage build, found ${stages.length} stage(s)`];
  const runtime = stages[stages.length - 1];
  const builders = stages.slice(0, -1);
  const runs = (instructions: DockerInstruction[]) =>
    instructions
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join('\n');

  const deps = builders.find((stage) => /\bnpm ci\b/.test(runs(stage.instructions)));
  if (!deps) problems.push('no build stage runs npm ci');
  else {
    const missingTools = BUILD_TOOLS.filter((tool) => !new RegExp(`(^|\\s)${tool.replace('+', '\\+')}(\\s|$)`, 'm').test(runs(deps.instructions)));
    if (missingTools.length > 0) problems.push(`the npm ci stage must install ${missingTools.join(', ')} (better-sqlite3 compiles from source)`);
    const copiesModules = runtime.instructions.some((i) => i.keyword === 'COPY' && i.args.includes(`--from=${deps.name}`) && i.args.includes('node_modules'));
    if (!copiesModules) problems.push(`the runtime stage must copy node_modules from the ${deps.name ?? 'deps'} stage`);
  }
  if (runtime.baseImage !== RUNTIME_BASE) problems.push(`runtime stage must be ${RUNTIME_BASE}, got ${runtime.baseImage}`);
  if (/\b(g\+\+|build-essential|make)\b/.test(runs(runtime.instructions))) problems.push('the runtime stage must not install build tools');

  const env = envPairs(runtime.instructions);
  for (const [key, value] of Object.entries(REQUIRED_ENV)) {
    if (env[key] !== value) problems.push(`runtime ENV ${key} must be ${value}, got ${env[key] ?? '(unset)'}`);
  }

  const users = runtime.instructions.filter((i) => i.keyword === 'USER');
  const cmd = runtime.instructions.filter((i) => i.keyword === 'CMD').pop();
  const lastUser = users[users.length - 1];
  if (!lastUser || isRootUser(lastUser.args)) problems.push('the runtime stage must switch to a non-root USER');
  else if (cmd && lastUser.line > cmd.line) problems.push('USER must come before CMD');

  const healthcheck = runtime.instructions.filter((i) => i.keyword === 'HEALTHCHECK').pop();
  const probe = healthcheck ? execFormArgs(healthcheck.args) : undefined;
  if (!healthcheck || /\bNONE\b/.test(healthcheck.args)) problems.push('the runtime stage needs a HEALTHCHECK');
  else if (!probe || probe[0] !== 'node') problems.push('HEALTHCHECK must run node in exec form (slim images have no curl)');
  else if (!existsSync(join(projectRoot, probe[1].replace(/^\/app\//, '')))) problems.push(`HEALTHCHECK script ${probe[1]} does not exist`);

  // Compiled JavaScript at run time: a stage builds dist/ with the build script (tsc), the runtime copies it and runs it.
  const build = builders.find((stage) => /\bnpm run build\b/.test(runs(stage.instructions)));
  if (scripts.build !== 'node deploy/build.mjs')
    problems.push('package.json needs the "build" script node deploy/build.mjs (tsc with tsconfig.build.json, plus run-time files)');
  if (!build) problems.push('no build stage runs npm run build');
  else if (!runtime.instructions.some((i) => i.keyword === 'COPY' && i.args.includes(`--from=${build.name}`) && /\bdist\b/.test(i.args)))
    problems.push(`the runtime stage must copy dist from the ${build.name ?? 'build'} stage`);
  if (runtime.instructions.some((i) => i.keyword === 'COPY' && /^\.\s/.test(i.args))) problems.push('the runtime stage must not copy the sources (COPY . .)');

  const cmdArgs = cmd ? execFormArgs(cmd.args) : undefined;
  if (!cmdArgs) problems.push('CMD must be in exec form');
  else if (cmdArgs[0] !== 'node' || cmdArgs[1] !== 'dist/main.js')
    problems.push(`CMD ${JSON.stringify(cmdArgs)} must run node dist/main.js (compiled JavaScript, node as PID 1)`);
  else if (cmdArgs.slice(2).join(' ') !== 'router') problems.push('the default CMD must start the router');
  return problems;
}

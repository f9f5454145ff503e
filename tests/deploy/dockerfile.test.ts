import { dockerfileProblems } from './dockerfile-checks';
import { dockerIgnoreMatcher, packageScripts, parseDockerfile, PROJECT_ROOT, readProjectFile } from './docker-files';

const dockerfile = readProjectFile('Dockerfile');
const scripts = packageScripts();

describe('Dockerfile', () => {
  it('passes every check (multi-stage, build tools, non-root, healthcheck, env, CMD)', () => {
    expect(dockerfileProblems(dockerfile, scripts, PROJECT_ROOT)).toEqual([]);
  });

  it('names its stages and their base images', () => {
    expect(parseDockerfile(dockerfile).map(({ name, baseImage }) => `${name} ${baseImage}`)).toEqual([
      'deps node:20-bookworm-slim',
      'runtime node:20-bookworm-slim',
    ]);
  });

  it('runs npm scripts that exist, through tsx, which the production install keeps', () => {
    const { dependencies, devDependencies } = JSON.parse(readProjectFile('package.json')) as Record<string, Record<string, string>>;
    for (const service of ['router', 'workflow', 'registry', 'codegen', 'debugger', 'deployment', 'assistant']) {
      expect(scripts[`start:${service}`]).toBe(`tsx main.ts ${service}`);
    }
    // `npm ci --omit=dev` in the image: the runner must be a runtime dependency.
    expect(dependencies.tsx).toBeDefined();
    expect(devDependencies.tsx).toBeUndefined();
  });

  it('reports each fault of a deliberately broken copy', () => {
    const broken = dockerfile
      .replace(/^USER .*$/m, 'USER root')
      .replace(/^HEALTHCHECK[^\n]*\\\n[^\n]*\n/m, '')
      .replace('python3 make g++', 'python3')
      .replace('start:router', 'start:gateway')
      .replace('NODE_ENV=production', 'NODE_ENV=development');
    expect(dockerfileProblems(broken, scripts, PROJECT_ROOT)).toEqual([
      'the npm ci stage must install make, g++ (better-sqlite3 compiles from source)',
      'runtime ENV NODE_ENV must be production, got development',
      'the runtime stage must switch to a non-root USER',
      'the runtime stage needs a HEALTHCHECK',
      'CMD ["npm","run","start:gateway"] must run an existing npm script',
    ]);
  });

  it('rejects a single-stage build and a shell-form CMD', () => {
    expect(dockerfileProblems('FROM node:20\nCMD ["npm", "start"]\n', scripts, PROJECT_ROOT)).toEqual([
      'expected a multi-stage build, found 1 stage(s)',
    ]);
    const shellCmd = dockerfile.replace(/^CMD .*$/m, 'CMD npm run start:router');
    expect(dockerfileProblems(shellCmd, scripts, PROJECT_ROOT)).toEqual(['CMD must be in exec form']);
  });
});

describe('.dockerignore', () => {
  const ignored = dockerIgnoreMatcher(readProjectFile('.dockerignore'));

  it.each(['node_modules/yaml/package.json', '.git/HEAD', '.env', '.env.production', 'data/workflow.sqlite', 'tests/deploy/compose.test.ts', 'bench/run.ts', 'engine/runtime/executor.test.ts'])(
    'keeps %s out of the image', (path) => expect(ignored(path)).toBe(true),
  );

  it.each(['package.json', 'package-lock.json', 'main.ts', 'deploy/healthcheck.js', 'schema/supergraph.graphql', 'platform/config.ts', 'engine/runtime/executor.ts', 'subgraphs/workflow/index.ts', 'router/index.ts'])(
    'keeps %s in the image', (path) => expect(ignored(path)).toBe(false),
  );

  it('follows dockerignore semantics: directories, globs, last match wins, ! re-includes', () => {
    const matcher = dockerIgnoreMatcher('docs\n**/*.log\n*.md\n!README.md\n');
    expect(matcher('docs/a/b.txt')).toBe(true);
    expect(matcher('x/y/z.log')).toBe(true);
    expect(matcher('CHANGES.md')).toBe(true);
    expect(matcher('README.md')).toBe(false);
    expect(matcher('sub/CHANGES.md')).toBe(false);
  });
});

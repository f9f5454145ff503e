import { dockerfileProblems } from './dockerfile-checks';
import { dockerIgnoreMatcher, execFormArgs, packageScripts, parseDockerfile, PROJECT_ROOT, readProjectFile } from './docker-files';

const dockerfile = readProjectFile('Dockerfile');
const scripts = packageScripts();

describe('Dockerfile', () => {
  it('passes every check (multi-stage, build tools, non-root, healthcheck, env, CMD)', () => {
    expect(dockerfileProblems(dockerfile, scripts, PROJECT_ROOT)).toEqual([]);
  });

  it('names its stages and their base images', () => {
    expect(parseDockerfile(dockerfile).map(({ name, baseImage }) => `${name} ${baseImage}`)).toEqual([
      'deps node:20-bookworm-slim',
      'web node:20-bookworm-slim',
      'build deps',
      'runtime node:20-bookworm-slim',
    ]);
  });

  it('runs the compiled JavaScript with node, one service per container', () => {
    const cmd = parseDockerfile(dockerfile)
      .pop()!
      .instructions.filter((i) => i.keyword === 'CMD')
      .pop()!;
    expect(execFormArgs(cmd.args)).toEqual(['node', 'dist/main.js', 'router']);
    // The production build compiles what the services run, not the tests.
    const build = JSON.parse(readProjectFile('tsconfig.build.json').replace(/^\s*\/\/.*$/gm, '')) as {
      compilerOptions: Record<string, unknown>;
      include: string[];
    };
    expect(build.compilerOptions).toMatchObject({ noEmit: false, outDir: 'dist' });
    expect(build.include).toEqual(expect.arrayContaining(['main.ts', 'engine', 'platform', 'subgraphs', 'router', 'schema']));
    expect(build.include).not.toContain('tests');
  });

  it('reports each fault of a deliberately broken copy', () => {
    const broken = dockerfile
      .replace(/^USER .*$/m, 'USER root')
      .replace(/^HEALTHCHECK[^\n]*\\\n[^\n]*\n/m, '')
      .replace('python3 make g++', 'python3')
      .replace('"dist/main.js", "router"', '"dist/main.js", "gateway"')
      .replace('COPY --from=build /app/dist ./dist', 'COPY . .')
      .replace('NODE_ENV=production', 'NODE_ENV=development');
    expect(dockerfileProblems(broken, scripts, PROJECT_ROOT)).toEqual([
      'the npm ci stage must install make, g++ (better-sqlite3 compiles from source)',
      'runtime ENV NODE_ENV must be production, got development',
      'the runtime stage must switch to a non-root USER',
      'the runtime stage needs a HEALTHCHECK',
      'the runtime stage must copy dist from the build stage',
      'the runtime stage must not copy the sources (COPY . .)',
      'the default CMD must start the router',
    ]);
  });

  it('rejects a single-stage build and a shell-form CMD', () => {
    expect(dockerfileProblems('FROM node:20\nCMD ["node", "dist/main.js"]\n', scripts, PROJECT_ROOT)).toEqual([
      'expected a multi-stage build, found 1 stage(s)',
    ]);
    const shellCmd = dockerfile.replace(/^CMD .*$/m, 'CMD node dist/main.js router');
    expect(dockerfileProblems(shellCmd, scripts, PROJECT_ROOT)).toEqual(['CMD must be in exec form']);
  });
});

describe('.dockerignore', () => {
  const ignored = dockerIgnoreMatcher(readProjectFile('.dockerignore'));

  it.each([
    'node_modules/yaml/package.json',
    '.git/HEAD',
    '.env',
    '.env.production',
    'data/workflow.sqlite',
    'tests/deploy/compose.test.ts',
    'bench/run.ts',
    'engine/runtime/executor.test.ts',
  ])('keeps %s out of the image', (path) => expect(ignored(path)).toBe(true));

  it.each([
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'main.ts',
    'deploy/healthcheck.js',
    'schema/supergraph.graphql',
    'platform/config.ts',
    'engine/runtime/executor.ts',
    'subgraphs/workflow/index.ts',
    'router/index.ts',
  ])('keeps %s in the image', (path) => expect(ignored(path)).toBe(false));

  it('follows dockerignore semantics: directories, globs, last match wins, ! re-includes', () => {
    const matcher = dockerIgnoreMatcher('docs\n**/*.log\n*.md\n!README.md\n');
    expect(matcher('docs/a/b.txt')).toBe(true);
    expect(matcher('x/y/z.log')).toBe(true);
    expect(matcher('CHANGES.md')).toBe(true);
    expect(matcher('README.md')).toBe(false);
    expect(matcher('sub/CHANGES.md')).toBe(false);
  });
});

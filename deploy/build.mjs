// `npm run build` (the Docker image's build stage): compiles the services with tsconfig.build.json into dist/ (or the
// directory given as the first argument) and copies next to the compiled code the files it reads at run time.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(root, process.argv[2] ?? 'dist');
/** Non-TypeScript files the services read relative to their own location (`__dirname`). */
const ASSETS = [
  ...fs
    .readdirSync(path.join(root, 'schema'))
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => `schema/${f}`),
  'engine/codegen/runtime',
  'subgraphs/deployment/sandbox-bridge.js',
];

fs.rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', out], { cwd: root, stdio: 'inherit' });
for (const asset of ASSETS) fs.cpSync(path.join(root, asset), path.join(out, asset), { recursive: true });
process.stdout.write(`built ${path.relative(root, out) || '.'}\n`);

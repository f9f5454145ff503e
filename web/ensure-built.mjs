/**
 * Builds the web app when web/dist is missing or stale (run by the root `postinstall` and `prestart`). Stale = the
 * hash of the app's sources (src/, index.html, configs, lock file, and the engine modules it imports) differs from the
 * one stamped into dist at the last build. Dependencies are installed with `npm ci` when the lock file's hash differs
 * from the one stamped into web/node_modules at the last install (content, not file times: a fresh checkout or a git
 * worktree has a new lock-file mtime but the same dependencies). Set SKIP_WEB_BUILD=1 to skip (e.g. server-only images).
 */
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(fileURLToPath(import.meta.url));
const stampFile = path.join(web, 'dist', '.source-hash');
const lockStampFile = path.join(web, 'node_modules', '.lock-hash');
const inputs = [
  'src',
  'index.html',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  // The engine modules the app imports (and theirs).
  '../engine/model',
  '../engine/components',
  '../engine/expressions',
];

function files(entry) {
  const full = path.join(web, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [full];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files)) hash.update(path.relative(web, file)).update('\0').update(fs.readFileSync(file));
  return hash.digest('hex');
}

function lockHash() {
  return createHash('sha256')
    .update(fs.readFileSync(path.join(web, 'package-lock.json')))
    .digest('hex');
}

export function ensureBuilt({ log = console.log } = {}) {
  if (process.env.SKIP_WEB_BUILD === '1') return false;
  const hash = sourceHash();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return false;
  const lock = lockHash();
  if (!fs.existsSync(lockStampFile) || fs.readFileSync(lockStampFile, 'utf8') !== lock) {
    log('web: installing dependencies (npm ci)…');
    execSync('npm ci --no-audit --no-fund', { cwd: web, stdio: 'inherit' });
    fs.writeFileSync(lockStampFile, lock);
  }
  log('web: building (vite build)…');
  execSync('npm run build', { cwd: web, stdio: 'inherit' });
  fs.writeFileSync(stampFile, hash);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureBuilt();

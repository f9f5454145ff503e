/**
 * The isolation of LOCAL deployments in multi-user mode (issue 15): each program runs under Debian's bubblewrap with
 * - its own pid, network, IPC and UTS namespaces: no other process's /proc, no host network at all;
 * - a file system of read-only system directories (/usr, a few /etc files), the interpreter it needs, and its own
 *   deployment directory at /deployment — never DATA_DIR, the platform's files or another deployment's directory;
 * - its own unprivileged uid (from a range no host account uses; setpriv drops root and every capability) when the
 *   platform runs as root, else a user namespace of the platform's own unprivileged uid;
 * - only the platform's fixed variables plus the deployment's own (validated by `assertLocalEnv`);
 * - inbound only through a Unix socket in the deployment directory (the bridge inside carries it to the program's
 *   loopback port), which the deployment service proxies to after checking the caller's project access;
 * - outbound through slirp4netns with the host's loopback cut (`--disable-host-loopback`), when installed;
 * - resource limits (util-linux's prlimit): processes of its uid (only with a uid of its own), open files, file
 *   size, no core dumps, and for JavaScript/TypeScript writable memory per process (RLIMIT_DATA: V8 reserves its
 *   address space unwritable, so the limit bounds what is used). Python programs get no memory limit: their runtime
 *   gives every thread a 256 MiB writable stack (deep recursion), which RLIMIT_DATA counts in full.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { positiveInt } from '../../platform/config';

export const SANDBOX_PACKAGES = 'bubblewrap slirp4netns';
export const SANDBOX_INSTALL_HINT = `install Debian's ${SANDBOX_PACKAGES} (apt-get install -y ${SANDBOX_PACKAGES})`;

/** Where the deployment directory appears inside the sandbox. */
export const SANDBOX_ROOT = '/deployment';
/** The program's port inside the sandbox's own network namespace (nothing else listens there). */
export const SANDBOX_PORT = 8080;
const BRIDGE_SCRIPT = path.join(__dirname, 'sandbox-bridge.js');
const BRIDGE_INSIDE = '/opt/visual-builder/sandbox-bridge.js';
const UID_BASE = 200_000;
const UID_SPAN = 60_000;

export interface SandboxTools {
  bwrap: string;
  /** Sets the program's resource limits (util-linux). */
  prlimit: string;
  /** Needed to drop root inside the sandbox. */
  setpriv?: string;
  /** Outbound network; without it the program has none. */
  slirp4netns?: string;
}

export function findExecutable(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(':')) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      /* next */
    }
  }
  return undefined;
}

const runsAsRoot = () => process.getuid?.() === 0;

/** The tools on this machine, or why LOCAL cannot be isolated here (a message naming what to install). */
export function sandboxTools(searchPath = `${process.env.PATH ?? ''}:/usr/bin:/usr/sbin:/bin`): { tools: SandboxTools } | { missing: string } {
  const bwrap = findExecutable('bwrap', searchPath);
  if (!bwrap) return { missing: `LOCAL deployments run isolated in multi-user mode and bubblewrap (bwrap) is not installed: ${SANDBOX_INSTALL_HINT}` };
  const setpriv = findExecutable('setpriv', searchPath);
  if (runsAsRoot() && !setpriv) return { missing: 'the platform runs as root and cannot drop privileges for LOCAL deployments: install util-linux (setpriv)' };
  const prlimit = findExecutable('prlimit', searchPath);
  if (!prlimit) return { missing: 'LOCAL deployments run with resource limits in multi-user mode and prlimit is not installed: install util-linux' };
  return { tools: { bwrap, setpriv, prlimit, slirp4netns: findExecutable('slirp4netns', searchPath) } };
}

/** What one isolated deployment may use (LOCAL_DEPLOYMENT_* variables; docs/ARCHITECTURE.md, execution plane). */
export interface SandboxLimits {
  /** Writable memory of each of its processes, MiB (LOCAL_DEPLOYMENT_MEMORY_MB); 0 = none. */
  memoryMb: number;
  /** Processes and threads of its uid (LOCAL_DEPLOYMENT_MAX_PROCESSES); applied only when it has a uid of its own. */
  processes: number;
  /** Open files per process (LOCAL_DEPLOYMENT_MAX_OPEN_FILES). */
  openFiles: number;
  /** Largest file it may write, its output log included, MiB (LOCAL_DEPLOYMENT_MAX_FILE_MB). */
  fileMb: number;
}

export function sandboxLimits(env: NodeJS.ProcessEnv): SandboxLimits {
  return {
    memoryMb: positiveInt(env, 'LOCAL_DEPLOYMENT_MEMORY_MB', 512),
    processes: positiveInt(env, 'LOCAL_DEPLOYMENT_MAX_PROCESSES', 128),
    openFiles: positiveInt(env, 'LOCAL_DEPLOYMENT_MAX_OPEN_FILES', 1024),
    fileMb: positiveInt(env, 'LOCAL_DEPLOYMENT_MAX_FILE_MB', 256),
  };
}

const MIB = 1024 * 1024;

/** prlimit's argv for `limits` (a process count only for a uid of the deployment's own: the uid is what it counts). */
function limitArgv(prlimit: string, limits: SandboxLimits, ownUid: boolean): string[] {
  const args = [prlimit, `--nofile=${limits.openFiles}`, `--fsize=${limits.fileMb * MIB}`, '--core=0'];
  if (limits.memoryMb > 0) args.push(`--data=${limits.memoryMb * MIB}`);
  if (ownUid) args.push(`--nproc=${limits.processes}`);
  return [...args, '--'];
}

/** A uid of its own per deployment (stable across restarts), in a range that no host account uses. */
export function sandboxUid(deploymentId: string): number {
  return UID_BASE + (createHash('sha256').update(deploymentId).digest().readUInt32BE(0) % UID_SPAN);
}

export interface SandboxSpec {
  deploymentId: string;
  /** The deployment's directory (program in `app/`, the socket in `run/`). */
  directory: string;
  /** Executable and arguments as seen inside the sandbox (absolute paths). */
  command: string;
  args: string[];
  /** The program's variables (already checked against the allow-list) — nothing of this process's environment. */
  env: Record<string, string>;
  /** Host paths the program needs read-only at the same place (its interpreter, tsx's node_modules). */
  readOnly: string[];
  limits: SandboxLimits;
}

export interface SandboxLayout {
  socket: string;
  workdir: string;
  uid: number | undefined;
}

export function sandboxLayout(spec: Pick<SandboxSpec, 'directory' | 'deploymentId'>): SandboxLayout {
  return {
    socket: path.join(spec.directory, 'run', 'endpoint.sock'),
    workdir: path.join(spec.directory, 'app'),
    uid: runsAsRoot() ? sandboxUid(spec.deploymentId) : undefined,
  };
}

/** Directories bwrap must create (0755) before a bind at `target`, outermost first, skipping those already made. */
function parents(target: string, made: Set<string>): string[] {
  const out: string[] = [];
  let dir = path.dirname(target);
  const chain: string[] = [];
  while (dir !== '/' && !made.has(dir)) {
    chain.unshift(dir);
    dir = path.dirname(dir);
  }
  for (const d of chain) {
    made.add(d);
    out.push('--perms', '0755', '--dir', d);
  }
  return out;
}

/** Small /etc files written by us (root-owned, bound read-only): name resolution through slirp's DNS, no host secrets. */
function writeEtc(directory: string, uid: number | undefined): string {
  const etc = path.join(directory, 'etc');
  fs.mkdirSync(etc, { recursive: true });
  const id = uid ?? process.getuid?.() ?? 1000;
  fs.writeFileSync(path.join(etc, 'resolv.conf'), 'nameserver 10.0.2.3\n');
  fs.writeFileSync(path.join(etc, 'hosts'), '127.0.0.1 localhost\n::1 localhost\n');
  fs.writeFileSync(
    path.join(etc, 'passwd'),
    `root:x:0:0:root:/root:/usr/sbin/nologin\ndeployment:x:${id}:${id}:deployment:${SANDBOX_ROOT}/app:/usr/sbin/nologin\n`,
  );
  fs.writeFileSync(path.join(etc, 'group'), `root:x:0:\ndeployment:x:${id}:\n`);
  return etc;
}

const HOST_ETC = ['/etc/ssl', '/etc/ca-certificates', '/etc/ld.so.cache', '/etc/localtime', '/etc/nsswitch.conf', '/etc/alternatives'];

/** bwrap's argv for `spec` (the caller spawns it with fd 3 for `--info-fd`). */
export function sandboxArgv(spec: SandboxSpec, tools: SandboxTools): string[] {
  const layout = sandboxLayout(spec);
  const etc = writeEtc(spec.directory, layout.uid);
  const made = new Set<string>();
  const args = ['--unshare-pid', '--unshare-net', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--die-with-parent', '--info-fd', '3'];
  if (layout.uid === undefined) {
    const own = process.getuid?.() ?? 1000;
    args.push('--unshare-user', '--uid', String(own), '--gid', String(process.getgid?.() ?? own));
  }
  args.push('--hostname', 'deployment', '--ro-bind', '/usr', '/usr');
  for (const dir of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(dir);
    } catch {
      continue;
    }
    if (stat.isSymbolicLink()) args.push('--symlink', fs.readlinkSync(dir), dir);
    else args.push('--ro-bind', dir, dir);
  }
  args.push('--perms', '0755', '--dir', '/etc');
  made.add('/etc');
  for (const file of HOST_ETC) if (fs.existsSync(file)) args.push('--ro-bind', file, file);
  for (const file of ['resolv.conf', 'hosts', 'passwd', 'group']) args.push('--ro-bind', path.join(etc, file), `/etc/${file}`);
  args.push('--proc', '/proc', '--dev', '/dev', '--perms', '1777', '--tmpfs', '/tmp');
  made.add('/tmp');
  for (const host of spec.readOnly) {
    if (host.startsWith('/usr/') || !fs.existsSync(host)) continue;
    args.push(...parents(host, made), '--ro-bind', host, host);
    made.add(host);
  }
  args.push(...parents(BRIDGE_INSIDE, made), '--ro-bind', BRIDGE_SCRIPT, BRIDGE_INSIDE);
  args.push('--bind', spec.directory, SANDBOX_ROOT, '--chdir', `${SANDBOX_ROOT}/app`, '--clearenv');
  for (const [name, value] of Object.entries(spec.env)) args.push('--setenv', name, value);
  args.push('--');
  if (layout.uid !== undefined) {
    const id = String(layout.uid);
    args.push(tools.setpriv!, `--reuid=${id}`, `--regid=${id}`, '--clear-groups', '--no-new-privs', '--inh-caps=-all', '--bounding-set=-all', '--');
  }
  args.push(...limitArgv(tools.prlimit, spec.limits, layout.uid !== undefined));
  args.push(process.execPath, BRIDGE_INSIDE, `${SANDBOX_ROOT}/run/endpoint.sock`, String(SANDBOX_PORT), spec.command, ...spec.args);
  return args;
}

/** Gives the deployment's uid its program and socket directories (root mode); the rest stays root's and read-only. */
export function prepareDirectories(layout: SandboxLayout) {
  const run = path.dirname(layout.socket);
  fs.rmSync(run, { recursive: true, force: true });
  fs.mkdirSync(run, { recursive: true });
  if (layout.uid === undefined) return;
  for (const dir of [layout.workdir, run]) {
    fs.chownSync(dir, layout.uid, layout.uid);
    for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) fs.lchownSync(path.join(dir, entry), layout.uid, layout.uid);
  }
}

/** Reads bwrap's `--info-fd` JSON: the pid of the sandbox's first process (whose namespaces slirp4netns joins). */
export function readChildPid(stream: NodeJS.ReadableStream, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('bubblewrap did not report its sandbox')), timeoutMs);
    const done = (err?: Error, pid?: number) => {
      clearTimeout(timer);
      stream.removeAllListeners('data');
      if (err) reject(err);
      else resolve(pid!);
    };
    stream.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /"child-pid":\s*(\d+)/.exec(text);
      if (match) done(undefined, Number(match[1]));
    });
    stream.once('end', () => done(new Error(`bubblewrap ended before reporting its sandbox${text ? `: ${text}` : ''}`)));
  });
}

/**
 * Attaches user-mode networking to the sandbox's network namespace: outbound TCP/UDP through this host, the host's
 * own loopback refused. Resolves once the interface is configured; the returned pid must be ended with the sandbox.
 */
export function startSlirp(slirp4netns: string, childPid: number, timeoutMs = 5_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(slirp4netns, ['--configure', '--mtu=65520', '--disable-host-loopback', '--ready-fd=3', String(childPid), 'tap0'], {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString('utf8')).slice(-1_000)));
    const timer = setTimeout(() => fail(new Error('slirp4netns did not configure the network in time')), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`slirp4netns exited with code ${code}: ${errors.trim()}`)));
    (child.stdio[3] as NodeJS.ReadableStream).once('data', () => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stderr!.destroy();
      (child.stdio[3] as NodeJS.ReadableStream & { destroy(): void }).destroy();
      child.unref();
      resolve(child.pid!);
    });
  });
}

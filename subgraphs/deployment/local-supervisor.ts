/**
 * The LOCAL target: runs a generated program in serve mode as a supervised child process — natively on a loopback
 * port (single-user mode), or isolated under bubblewrap behind a Unix socket (multi-user mode, see local-sandbox.ts).
 * - Minimal environment: PATH, HOME (its own directory), PORT and the deployment's own plain variables — none of
 *   the platform's (INTERNAL_TOKEN_SECRET, DATABASE_URL, LLM_API_KEY, …), which stay in this process.
 * - Detached, in its own process group, output to a file: the program outlives a restart of this service, which
 *   then re-adopts it (pid alive and /health answering) instead of orphaning or double-starting it.
 * - Ready only once GET /health answers 200; an exit before that, a taken port or a timeout is a failure whose
 *   reason carries the program's last output.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Agent, request } from 'undici';
import type { LocalProcess, StoredFile } from './deployment-store';
import {
  prepareDirectories,
  readChildPid,
  SANDBOX_PORT,
  SANDBOX_ROOT,
  sandboxArgv,
  sandboxLayout,
  startSlirp,
  type SandboxLimits,
  type SandboxTools,
} from './local-sandbox';
import { localCommand, type ProgramEntry } from './program-entry';
import { freePort } from '../../platform/free-port';

export class LocalStartError extends Error {}

export interface LocalStartOptions {
  deploymentId: string;
  /** Directory owned by this deployment (program in `app/`, output in `output.log`). */
  directory: string;
  files: readonly StoredFile[];
  program: ProgramEntry;
  /** A fixed port, or null for any free one. */
  port: number | null;
  env: Record<string, string>;
  startupTimeoutMs: number;
  signal?: AbortSignal;
  /** Multi-user mode: run isolated with these tools and limits (never natively). */
  sandbox?: { tools: SandboxTools; limits: SandboxLimits };
  /** The operator's HTTP_ALLOWLIST, handed to the generated program's outbound guard. */
  httpAllowlist?: string;
}

/** Called when a supervised program ends without being asked to. */
export type ExitListener = (deploymentId: string, reason: string) => void;

const STOP_GRACE_MS = 5_000;
const ADOPTED_POLL_MS = 1_000;
const OUTPUT_TAIL_BYTES = 2_000;
const SANDBOX_ATTEMPTS = 3;

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function outputTail(logFile: string, bytes = OUTPUT_TAIL_BYTES): string {
  try {
    const size = fs.statSync(logFile).size;
    const fd = fs.openSync(logFile, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(bytes, size));
      fs.readSync(fd, buffer, 0, buffer.length, size - buffer.length);
      return buffer.toString('utf8').trim();
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

async function probePort(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** GET /health answers 200: on the loopback port, or through the sandbox's Unix socket. */
export async function healthy(target: number | Pick<LocalProcess, 'port' | 'socket'>): Promise<boolean> {
  const { port, socket } = typeof target === 'number' ? { port: target, socket: undefined } : target;
  try {
    const dispatcher = socket ? socketAgent(socket) : undefined;
    const response = await request(socket ? 'http://deployment/health' : `http://127.0.0.1:${port}/health`, {
      headersTimeout: 1_000,
      bodyTimeout: 1_000,
      dispatcher,
    });
    await response.body.dump();
    return response.statusCode === 200;
  } catch {
    return false;
  }
}

const socketAgents = new Map<string, Agent>();
/** One keep-alive agent per deployment socket (health checks and the proxied endpoint share it). */
export function socketAgent(socket: string): Agent {
  let agent = socketAgents.get(socket);
  if (!agent) socketAgents.set(socket, (agent = new Agent({ connect: { socketPath: socket } })));
  return agent;
}

function dropSocketAgent(socket: string | undefined) {
  if (!socket) return;
  void socketAgents
    .get(socket)
    ?.close()
    .catch(() => undefined);
  socketAgents.delete(socket);
}

/** Files land only inside `root`: a generated path with `..` or an absolute path is refused. */
function writeProgram(root: string, files: readonly StoredFile[]) {
  for (const file of files) {
    const target = path.resolve(root, file.path);
    if (!target.startsWith(root + path.sep)) throw new LocalStartError(`refusing to write outside the program directory: ${file.path}`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
}

let pythonPath: string | undefined;
/** The real interpreter path: version-manager shims need variables the minimal environment does not carry. */
function pythonExecutable(): string {
  pythonPath ??= execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  return pythonPath;
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** The isolated program's slirp4netns ends with it (it does not notice on its own). */
function endHelper(info: Pick<LocalProcess, 'helperPid'>) {
  if (info.helperPid && isAlive(info.helperPid)) signalGroup(info.helperPid, 'SIGKILL');
}

/** `/x/node_modules/tsx/dist/cli.mjs` → `/x/node_modules` (tsx and its dependencies, bound read-only). */
function nodeModulesOf(file: string): string {
  const at = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  return at < 0 ? path.dirname(file) : file.slice(0, at + '/node_modules'.length);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class LocalSupervisor {
  private readonly stopping = new Set<string>();
  private readonly pollers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly onExit: ExitListener) {}

  async start(options: LocalStartOptions): Promise<LocalProcess> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.startOnce(options);
      } catch (err) {
        // bubblewrap 0.8 now and then fails to bring up the new namespace's loopback (netlink answers ECHILD) when
        // sandboxes start in quick succession; a fresh attempt succeeds.
        if (!options.sandbox || attempt >= SANDBOX_ATTEMPTS || !String((err as Error).message).includes('loopback: Failed')) throw err;
      }
    }
  }

  private async startOnce(options: LocalStartOptions): Promise<LocalProcess> {
    const workdir = path.join(options.directory, 'app');
    const logFile = path.join(options.directory, 'output.log');
    fs.rmSync(workdir, { recursive: true, force: true });
    fs.mkdirSync(workdir, { recursive: true });
    writeProgram(workdir, options.files);
    const launched = options.sandbox
      ? await this.launchIsolated(options, logFile, options.sandbox.tools, options.sandbox.limits)
      : await this.launchNative(options, workdir, logFile);
    const { child, pid, port } = launched;
    const info: LocalProcess = { pid, port, workdir, logFile, ...launched.isolation };
    let exit: string | undefined;
    child.once('exit', (code, signal) => {
      exit = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      endHelper(info);
      if (this.stopping.delete(options.deploymentId) || !ready || this.closed) return;
      this.onExit(options.deploymentId, `the program ${exit}${this.tail(info)}`);
    });
    child.once('error', (err) => (exit = `could not start: ${err.message}`));
    child.unref();

    let ready = false;
    const deadline = Date.now() + options.startupTimeoutMs;
    while (!ready) {
      // An exit while the sandbox was being set up happened before the listener existed.
      if (!exit && (child.exitCode !== null || child.signalCode !== null))
        exit = child.signalCode ? `was killed by ${child.signalCode}` : `exited with code ${child.exitCode}`;
      if (exit) {
        endHelper(info);
        throw new LocalStartError(`the program ${exit} before answering /health${this.tail(info)}`);
      }
      if (options.signal?.aborted) {
        await this.stop(options.deploymentId, info);
        throw new LocalStartError('cancelled while starting');
      }
      if (Date.now() > deadline) {
        await this.stop(options.deploymentId, info);
        throw new LocalStartError(`the program did not answer GET /health within ${options.startupTimeoutMs / 1000}s${this.tail(info)}`);
      }
      ready = await healthy(info);
      if (!ready) await sleep(options.sandbox ? 50 : 150);
    }
    return info;
  }

  /** Takes a program started before this service restarted back under supervision, if it still answers. */
  async adopt(deploymentId: string, info: LocalProcess): Promise<boolean> {
    if (!isAlive(info.pid) || !(await healthy(info))) return false;
    const timer = setInterval(() => {
      if (isAlive(info.pid)) return;
      this.unwatch(deploymentId);
      endHelper(info);
      if (!this.stopping.delete(deploymentId)) this.onExit(deploymentId, `the re-adopted program (pid ${info.pid}) ended${this.tail(info)}`);
    }, ADOPTED_POLL_MS);
    timer.unref();
    this.pollers.set(deploymentId, timer);
    return true;
  }

  /** Ends the program's whole process group: SIGTERM, then SIGKILL after a grace period. */
  async stop(deploymentId: string, info: LocalProcess): Promise<void> {
    this.unwatch(deploymentId);
    dropSocketAgent(info.socket);
    if (!isAlive(info.pid)) return endHelper(info);
    this.stopping.add(deploymentId);
    signalGroup(info.pid, 'SIGTERM');
    const deadline = Date.now() + STOP_GRACE_MS;
    while (isAlive(info.pid) && Date.now() < deadline) await sleep(50);
    if (isAlive(info.pid)) signalGroup(info.pid, 'SIGKILL');
    while (isAlive(info.pid) && Date.now() < deadline + 2_000) await sleep(50);
    endHelper(info);
  }

  /** Single-user mode: the program runs as this user, on a loopback port, with a minimal environment. */
  private async launchNative(options: LocalStartOptions, workdir: string, logFile: string) {
    let port = options.port;
    if (port != null && !(await probePort(port))) throw new LocalStartError(`port ${port} is already in use`);
    port ??= await freePort();
    const { command, args } = localCommand(options.program, port);
    const env: Record<string, string> = {
      ...options.env,
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: workdir,
      LANG: 'C.UTF-8',
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      PYTHONUNBUFFERED: '1',
    };
    const output = fs.openSync(logFile, 'a');
    const child = spawn(command === 'python3' ? pythonExecutable() : command, args, { cwd: workdir, env, detached: true, stdio: ['ignore', output, output] });
    fs.closeSync(output);
    if (child.pid === undefined) throw new LocalStartError(`could not start ${command}`);
    child.unref();
    return { child, pid: child.pid, port, isolation: {} };
  }

  /** Multi-user mode: the program runs under bubblewrap (local-sandbox.ts), reachable only through its socket. */
  private async launchIsolated(options: LocalStartOptions, logFile: string, tools: SandboxTools, limits: SandboxLimits) {
    const layout = sandboxLayout(options);
    prepareDirectories(layout);
    const { command, args } = localCommand(options.program, SANDBOX_PORT);
    const readOnly: string[] = [];
    let executable = command;
    if (command === 'python3') {
      executable = pythonExecutable();
      readOnly.push(path.dirname(path.dirname(executable))); // the interpreter's prefix (a pyenv install outside /usr)
    } else {
      readOnly.push(path.dirname(path.dirname(process.execPath)));
      if (options.program.language === 'typescript') readOnly.push(nodeModulesOf(args[0]));
    }
    const env: Record<string, string> = {
      ...options.env,
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: `${SANDBOX_ROOT}/app`,
      TMPDIR: '/tmp',
      LANG: 'C.UTF-8',
      HOST: '127.0.0.1',
      PORT: String(SANDBOX_PORT),
      NODE_ENV: 'production',
      PYTHONUNBUFFERED: '1',
      HTTP_ALLOWLIST: options.httpAllowlist ?? '',
    };
    const argv = sandboxArgv(
      {
        deploymentId: options.deploymentId,
        directory: options.directory,
        command: executable,
        args,
        env,
        readOnly,
        // Python's runtime gives each thread a 256 MiB writable stack, which a memory limit would count (local-sandbox.ts).
        limits: command === 'python3' ? { ...limits, memoryMb: 0 } : limits,
      },
      tools,
    );
    const output = fs.openSync(logFile, 'a');
    const child = spawn(tools.bwrap, argv, { env: {}, detached: true, stdio: ['ignore', output, output, 'pipe'] });
    fs.closeSync(output);
    if (child.pid === undefined) throw new LocalStartError('could not start bubblewrap');
    child.unref();
    const info = { pid: child.pid, logFile };
    let helperPid: number | undefined;
    try {
      const sandboxPid = await readChildPid(child.stdio[3] as NodeJS.ReadableStream);
      if (tools.slirp4netns) helperPid = await startSlirp(tools.slirp4netns, sandboxPid);
    } catch (err) {
      signalGroup(child.pid, 'SIGKILL');
      throw new LocalStartError(`could not isolate the program: ${(err as Error).message}${this.tail(info)}`);
    } finally {
      (child.stdio[3] as NodeJS.ReadableStream & { destroy(): void }).destroy();
    }
    return { child, pid: child.pid, port: SANDBOX_PORT, isolation: { socket: layout.socket, helperPid, uid: layout.uid } };
  }

  /** Stops watching (the programs keep running: a restarted service re-adopts them). */
  close() {
    this.closed = true;
    for (const id of [...this.pollers.keys()]) this.unwatch(id);
  }

  private unwatch(deploymentId: string) {
    clearInterval(this.pollers.get(deploymentId));
    this.pollers.delete(deploymentId);
  }

  private tail(info: Pick<LocalProcess, 'logFile'>): string {
    const tail = outputTail(info.logFile, 500);
    return tail ? `; last output: ${tail}` : '';
  }
}

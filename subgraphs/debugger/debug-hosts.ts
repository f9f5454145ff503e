/**
 * The debugger's execution plane (docs/ARCHITECTURE.md §5.1): a small pool of debug host threads
 * (debug-host-thread.ts, DEBUG_THREADS, default 2) on which every session's interpreter runs, so the thread that
 * serves requests only stores, publishes and evaluates the session's bounded expressions. Threads start on first use;
 * a run goes to an idle thread, a new one while the pool is not full, else the thread with the fewest runs.
 * A thread that dies (crash, termination) loses its runs (RemoteDriver.lost; session-runner.ts decides what becomes
 * of their sessions) and is replaced by the next launch.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { spawnTsWorker } from '../../engine/threads/spawn';
import { appError } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { DriverLaunch, HostCommand, HostReply } from './debug-host-protocol';
import { RemoteDriver, type RunCallbacks } from './remote-driver';

const THREAD_MODULE = path.join(__dirname, 'debug-host-thread');

export interface DebugHostsOptions {
  threads: number;
  /** The environment the threads build their world from (LLM_*, HTTP_ALLOWLIST, SANDBOX_THREADS). */
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  /** How a host thread is started (tests wrap it to reach the threads). */
  spawn?: typeof spawnTsWorker;
}

interface Host {
  worker: Worker;
  drivers: Map<string, RemoteDriver>;
  closing: boolean;
}

export class DebugHosts {
  private readonly hosts: Host[] = [];
  private closed = false;

  constructor(private readonly options: DebugHostsOptions) {}

  /** Host threads started now. */
  get threads(): number {
    return this.hosts.length;
  }

  /** Starts a run on a host thread; the returned driver is the run's handle on this thread. */
  launch(launch: DriverLaunch, callbacks: RunCallbacks): RemoteDriver {
    if (this.closed) throw appError('SERVICE_UNAVAILABLE', 'the debugger is shutting down');
    const host = this.pick();
    const driver = new RemoteDriver(randomUUID(), callbacks, (command) => this.post(host, command));
    host.drivers.set(driver.id, driver);
    void driver.done.then(() => host.drivers.delete(driver.id));
    this.post(host, { kind: 'launch', driverId: driver.id, ...launch });
    return driver;
  }

  /** Starts a thread now if none is idle, so the run a new session is about to launch does not wait for one. */
  warm(): void {
    if (!this.closed && !this.hosts.some((h) => h.drivers.size === 0) && this.hosts.length < Math.max(1, this.options.threads)) this.spawn();
  }

  /** Shutdown: stops every host thread (their runs should have been detached; any left are lost). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.hosts.splice(0).map((host) => this.retire(host)));
  }

  private pick(): Host {
    const idle = this.hosts.find((h) => h.drivers.size === 0);
    if (idle) return idle;
    if (this.hosts.length < Math.max(1, this.options.threads)) return this.spawn();
    return this.hosts.reduce((least, h) => (h.drivers.size < least.drivers.size ? h : least));
  }

  private spawn(): Host {
    const spawn = this.options.spawn ?? spawnTsWorker;
    const host: Host = { worker: spawn(THREAD_MODULE, { workerData: { env: this.options.env } }), drivers: new Map(), closing: false };
    host.worker.on('message', (reply: HostReply) => this.receive(host, reply));
    host.worker.on('error', (error) => this.lost(host, `the debug host thread failed: ${error.message}`));
    host.worker.on('exit', (code) => this.lost(host, `the debug host thread exited (code ${code})`));
    // Idle threads do not keep the process alive; a session's run is held by its session, not by the thread.
    host.worker.unref();
    this.hosts.push(host);
    return host;
  }

  private receive(host: Host, reply: HostReply): void {
    const driver = host.drivers.get(reply.driverId);
    if (reply.kind !== 'call') {
      void Promise.resolve(driver?.receive(reply)).catch((err) =>
        this.options.log?.warn({ err, driverId: reply.driverId }, 'recording the end of a debug run failed'),
      );
      return;
    }
    const answer = driver ? driver.answer(reply.call) : Promise.reject(new Error('the run was abandoned'));
    answer.then(
      (value) => this.post(host, { kind: 'answer', callId: reply.callId, ok: true, value }),
      (err: Error) => this.post(host, { kind: 'answer', callId: reply.callId, ok: false, message: err.message }),
    );
  }

  private post(host: Host, command: HostCommand): void {
    if (!host.closing) host.worker.postMessage(command);
  }

  private lost(host: Host, reason: string): void {
    const index = this.hosts.indexOf(host);
    if (index >= 0) this.hosts.splice(index, 1);
    if (host.closing) return;
    host.closing = true;
    if (host.drivers.size) this.options.log?.warn({ sessions: host.drivers.size, reason }, 'a debug host thread stopped with runs on it');
    for (const driver of host.drivers.values()) driver.lose();
    host.drivers.clear();
    void host.worker.terminate().catch(() => undefined);
  }

  private async retire(host: Host): Promise<void> {
    host.closing = true;
    for (const driver of host.drivers.values()) driver.lose();
    host.drivers.clear();
    await host.worker.terminate().catch(() => undefined);
  }
}

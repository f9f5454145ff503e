/**
 * Worker-thread side of the debug hosts (debug-hosts.ts): runs the DebugDriver of many sessions — the interpreter
 * with its step hooks — off the thread that serves requests (docs/ARCHITECTURE.md §5.1). Each driver callback becomes
 * a `call` message that the request thread answers (it owns the session, its store and its expressions); the run
 * awaits the answer as it awaited the callback in one thread. Code nodes go on to this thread's own SandboxPool
 * (nested worker threads), so a spinning code node holds neither this thread nor the other sessions on it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RunResult } from '../../engine/runtime/types';
import { worldServicesFromEnv } from '../../engine/runtime/world';
import { DebugDriver, type DriverCallbacks } from './debug-driver';
import type { DriverCall, HostCommand, HostReply } from './debug-host-protocol';

const world = worldServicesFromEnv((workerData as { env?: NodeJS.ProcessEnv } | undefined)?.env ?? process.env);
const drivers = new Map<string, DebugDriver>();
const calls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
let nextCallId = 1;

const post = (reply: HostReply) => parentPort!.postMessage(reply);

function call<T>(driverId: string, request: DriverCall): Promise<T> {
  const callId = nextCallId++;
  return new Promise<T>((resolve, reject) => {
    calls.set(callId, { resolve: resolve as (value: unknown) => void, reject });
    post({ kind: 'call', driverId, callId, call: request });
  });
}

function callbacksOf(driverId: string): DriverCallbacks {
  return {
    breakpointStops: (position) => call(driverId, { name: 'breakpointStops', position }),
    breakOnError: () => call(driverId, { name: 'breakOnError' }),
    paused: (position, reason, error) => call(driverId, { name: 'paused', position, reason, error }),
    restored: (position) => call(driverId, { name: 'restored', position }),
    stepped: (step) => call(driverId, { name: 'stepped', step }),
  };
}

function launch(command: Extract<HostCommand, { kind: 'launch' }>): void {
  const { driverId } = command;
  const startedAt = new Date().toISOString();
  const failed = (err: Error): RunResult => ({
    runId: driverId,
    status: 'failed',
    outputs: {},
    error: { code: 'INTERNAL', message: `The interpreter failed unexpectedly: ${err.message}` },
    steps: [],
    startedAt,
    finishedAt: new Date().toISOString(),
  });
  let done: Promise<RunResult | undefined>;
  try {
    const driver = new DebugDriver({ ...command, world, callbacks: callbacksOf(driverId) });
    drivers.set(driverId, driver);
    done = driver.done.catch(failed);
  } catch (err) {
    done = Promise.resolve(failed(err as Error));
  }
  void done.then((result) => {
    drivers.delete(driverId);
    post({ kind: 'ended', driverId, result: result ?? null });
  });
}

/** A command that no longer fits the run (it ended or resumed meanwhile) is dropped: it must not end this thread. */
function control(driver: DebugDriver, command: Extract<HostCommand, { kind: 'resume' | 'pause' | 'stop' | 'detach' }>): void {
  try {
    if (command.kind === 'resume') driver.resumeWith(command.mode);
    else if (command.kind === 'pause') driver.requestPause();
    else if (command.kind === 'stop') driver.stop();
    else driver.detach();
  } catch {
    /* see above */
  }
}

function edit(driver: DebugDriver | undefined, command: Extract<HostCommand, { kind: 'edit' }>): void {
  const { driverId, requestId } = command;
  try {
    if (!driver) throw new Error('the run has ended');
    post({ kind: 'edited', driverId, requestId, ok: true, previous: driver.edit(command.frames, command.nodeId, command.port, command.value) });
  } catch (err) {
    post({ kind: 'edited', driverId, requestId, ok: false, message: (err as Error).message });
  }
}

parentPort?.on('message', (command: HostCommand) => {
  if (command.kind === 'answer') {
    const pending = calls.get(command.callId);
    calls.delete(command.callId);
    if (command.ok) pending?.resolve(command.value);
    else pending?.reject(new Error(command.message));
    return;
  }
  if (command.kind === 'launch') return launch(command);
  const driver = drivers.get(command.driverId);
  if (command.kind === 'edit') return edit(driver, command);
  if (driver) control(driver, command);
});

import { DefaultIntrinsics, type QuickJSContext, type QuickJSHandle, type QuickJSWASMModule, type VmCallResult } from 'quickjs-emscripten';
import type { CodeSandbox } from '../components/types';
import { discardQuickJsModule, loadQuickJsModule } from './quickjs-module';
import { SandboxError, type SandboxErrorCode } from './sandbox-error';

const MiB = 1024 * 1024;
export const SANDBOX_DEFAULTS = {
  timeoutMs: 1_000,
  maxTimeoutMs: 30_000,
  memoryBytes: 64 * MiB,
  maxMemoryBytes: 256 * MiB,
  /**
   * QuickJS measures its stack on the WASM shadow stack, but the interpreter's frames also use the host's (V8's)
   * native stack; above ~256 KiB plain recursion overflowed V8 before QuickJS noticed (measured). Some natives
   * (JSON.stringify of deep objects) still can: that case is caught and the module is discarded, see below.
   */
  stackBytes: 256 * 1024,
  /** Characters of the JSON result. */
  maxResultChars: 1 * MiB,
  maxLogLines: 100,
  maxLogLineChars: 1_000,
} as const;

export interface SandboxLimits {
  timeoutMs?: number;
  memoryBytes?: number;
}

export interface SandboxOutcome {
  result: unknown;
  /** What the code wrote with console.log/info/warn/error (capped). */
  logs: string[];
}

/** Names the user's code in QuickJS stack traces, so we can find its line numbers. */
const USER_FILE = 'user-code.js';
/** The wrapper puts one line before the user's first line. */
const WRAPPER_LINES_BEFORE = 1;

/**
 * Runs inside each fresh context before the user's code. Captures JSON and the log buffer first so user code
 * cannot tamper with how its arguments are decoded or how its result is encoded. Pure JavaScript: no host
 * function is ever exposed to the VM.
 */
const PRELUDE = `(function () {
  "use strict";
  const parse = JSON.parse, stringify = JSON.stringify, isPromise = (v) => v instanceof Promise;
  const logs = [];
  const show = (v) => { if (typeof v === "string") return v; try { const s = stringify(v); return s === undefined ? String(v) : s; } catch (e) { return String(v); } };
  const log = (...parts) => { if (logs.length < ${SANDBOX_DEFAULTS.maxLogLines}) logs.push(parts.map(show).join(" ").slice(0, ${SANDBOX_DEFAULTS.maxLogLineChars})); };
  globalThis.console = Object.freeze({ log, info: log, warn: log, error: log, debug: log });
  return {
    parseArgs: (json) => parse(json),
    toJson: (value) => {
      if (isPromise(value)) throw new TypeError("the code returned a Promise; asynchronous code is not supported");
      const out = stringify(value === undefined ? null : value);
      if (out === undefined) throw new TypeError("a " + typeof value + " cannot be represented as JSON");
      return out;
    },
    logs: () => stringify(logs),
  };
})()`;

/**
 * How long past a VM's own deadline a pool waits before stopping its thread from outside. QuickJS polls its interrupt
 * handler only every 10,000 jumps or calls, so code making a few huge allocations (each near the memory limit costs a
 * full GC) can run for seconds past its deadline without being asked to stop.
 */
export const VM_DEADLINE_GRACE_MS = 1_000;

/** The time limit a VM runs with for the `limits` a caller asked for. */
export const vmTimeoutMs = (limits?: SandboxLimits) => clamp(limits?.timeoutMs, SANDBOX_DEFAULTS.timeoutMs, 1, SANDBOX_DEFAULTS.maxTimeoutMs);

/**
 * `CodeSandbox` on QuickJS compiled to WebAssembly. Every call gets a fresh runtime and context, so no state is
 * shared between runs, and only the standard JavaScript built-ins exist inside: no `process`, `require`, timers,
 * `fetch`, or any host object. Values cross the boundary only as JSON strings.
 *
 * Limits: a deadline (interrupt handler), a heap limit, and a stack limit. Typed arrays are disabled because their
 * backing stores were not counted by the heap limit (measured: 300 MB of Uint8Arrays under a 64 MiB limit).
 *
 * The VM runs synchronously and blocks its thread until it ends, which can be well past its deadline (see
 * VM_DEADLINE_GRACE_MS): callers run it on threads that serve no requests, with a watchdog outside the thread.
 */
export class QuickJsSandbox implements CodeSandbox {
  /** `watch` hears each VM's time limit just before it runs, and calls back when it is done (run-thread.ts). */
  constructor(private readonly watch?: (timeoutMs: number) => () => void) {}

  async run(code: string, args: { inputs: unknown; config: unknown }, limits?: SandboxLimits): Promise<unknown> {
    return (await this.runWithLogs(code, args, limits)).result;
  }

  async runWithLogs(code: string, args: { inputs: unknown; config: unknown }, limits?: SandboxLimits): Promise<SandboxOutcome> {
    const argsJson = encodeArgs(args);
    const timeoutMs = vmTimeoutMs(limits);
    const memoryBytes = clamp(limits?.memoryBytes, SANDBOX_DEFAULTS.memoryBytes, 1 * MiB, SANDBOX_DEFAULTS.maxMemoryBytes);
    const module = await loadQuickJsModule();
    const done = this.watch?.(timeoutMs);
    try {
      return runInFreshVm(module, code, argsJson, { timeoutMs, memoryBytes });
    } catch (error) {
      if (error instanceof SandboxError) throw error;
      if (error instanceof RangeError) {
        // The host's stack overflowed inside WASM; this module instance is corrupt from here on.
        discardQuickJsModule(module);
        throw new SandboxError('CODE_MEMORY', 'the code exceeded the sandbox stack limit (nesting too deep)');
      }
      throw error;
    } finally {
      done?.();
    }
  }
}

function runInFreshVm(module: QuickJSWASMModule, code: string, argsJson: string, limits: { timeoutMs: number; memoryBytes: number }): SandboxOutcome {
  const runtime = module.newRuntime();
  const handles: QuickJSHandle[] = [];
  let context: QuickJSContext | undefined;
  let hostStackOverflowed = false;
  try {
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(SANDBOX_DEFAULTS.stackBytes);
    const deadline = Date.now() + limits.timeoutMs;
    const clock = { timedOut: false };
    runtime.setInterruptHandler(() => (clock.timedOut ||= Date.now() > deadline));
    context = runtime.newContext({ intrinsics: { ...DefaultIntrinsics, TypedArrays: false } });
    const vm = context;
    const keep = (handle: QuickJSHandle): QuickJSHandle => (handles.push(handle), handle);
    const settle = (result: VmCallResult<QuickJSHandle>, phase: Phase): QuickJSHandle => {
      if (result.error) {
        keep(result.error);
        throw toSandboxError(vm, result.error, phase, clock.timedOut, limits);
      }
      return keep(result.value);
    };

    const prelude = settle(vm.evalCode(PRELUDE, 'sandbox-prelude.js'), 'setup');
    const userFunction = settle(vm.evalCode(`(function (inputs, config) {\n${code}\n})`, USER_FILE), 'code');
    if (vm.typeof(userFunction) !== 'function') {
      throw new SandboxError('CODE_ERROR', 'the code must be the body of a function (it closed the wrapper function)');
    }
    const parsedArgs = settle(vm.callFunction(keep(vm.getProp(prelude, 'parseArgs')), vm.undefined, keep(vm.newString(argsJson))), 'setup');
    const inputs = keep(vm.getProp(parsedArgs, 'inputs'));
    const config = keep(vm.getProp(parsedArgs, 'config'));
    const returned = settle(vm.callFunction(userFunction, vm.undefined, inputs, config), 'code');
    const json = settle(vm.callFunction(keep(vm.getProp(prelude, 'toJson')), vm.undefined, returned), 'result');
    const length = vm.getNumber(keep(vm.getProp(json, 'length')));
    if (length > SANDBOX_DEFAULTS.maxResultChars) {
      throw new SandboxError('CODE_RESULT', `the result is too large: ${length} characters of JSON (limit ${SANDBOX_DEFAULTS.maxResultChars})`);
    }
    const result: unknown = JSON.parse(vm.getString(json));
    const logsJson = settle(vm.callFunction(keep(vm.getProp(prelude, 'logs')), vm.undefined), 'setup');
    return { result, logs: JSON.parse(vm.getString(logsJson)) as string[] };
  } catch (error) {
    hostStackOverflowed = error instanceof RangeError;
    throw error;
  } finally {
    // After a host stack overflow the module is corrupt; touching it again could misbehave, so just drop it.
    if (!hostStackOverflowed) {
      for (const handle of handles.reverse()) if (handle.alive) handle.dispose();
      context?.dispose();
      runtime.dispose();
    }
  }
}

type Phase = 'setup' | 'code' | 'result';

function toSandboxError(
  vm: QuickJSContext,
  errorHandle: QuickJSHandle,
  phase: Phase,
  timedOut: boolean,
  limits: { timeoutMs: number; memoryBytes: number },
): SandboxError {
  if (timedOut) return new SandboxError('CODE_TIMEOUT', `the code did not finish within its time limit of ${limits.timeoutMs} ms`);
  const thrown = describeThrown(vm.dump(errorHandle));
  const line = userLine(thrown.stack);
  const where = line === undefined ? '' : ` (line ${line})`;
  const resource = resourceExhaustion(thrown, limits.memoryBytes);
  if (resource) return new SandboxError('CODE_MEMORY', resource + where, line);
  const code: SandboxErrorCode = phase === 'result' ? 'CODE_RESULT' : 'CODE_ERROR';
  const prefix = phase === 'result' ? 'the result cannot be returned as JSON: ' : '';
  return new SandboxError(code, `${prefix}${thrown.name}: ${thrown.message}${where}`, line);
}

interface ThrownValue {
  name: string;
  message: string;
  stack?: string;
}

function describeThrown(dumped: unknown): ThrownValue {
  if (dumped && typeof dumped === 'object' && 'message' in dumped) {
    const { name, message, stack } = dumped as Record<string, unknown>;
    return { name: typeof name === 'string' ? name : 'Error', message: String(message), stack: typeof stack === 'string' ? stack : undefined };
  }
  // `throw "text"` or `throw 42`: no Error object, no stack.
  return { name: 'Error', message: typeof dumped === 'string' ? dumped : (JSON.stringify(dumped) ?? String(dumped)) };
}

/** QuickJS reports its own limits as InternalErrors with these messages. */
function resourceExhaustion(thrown: ThrownValue, memoryBytes: number): string | undefined {
  if (thrown.name !== 'InternalError') return undefined;
  if (thrown.message === 'out of memory' || thrown.message === 'string too long') {
    return `the code exceeded its memory limit of ${Math.round(memoryBytes / MiB)} MiB (${thrown.message})`;
  }
  if (thrown.message === 'stack overflow') return 'the code exceeded the sandbox stack limit (recursion too deep)';
  return undefined;
}

function userLine(stack: string | undefined): number | undefined {
  const match = stack && new RegExp(`${USER_FILE.replace('.', '\\.')}:(\\d+)`).exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]) - WRAPPER_LINES_BEFORE;
  return line >= 1 ? line : undefined;
}

function encodeArgs(args: { inputs: unknown; config: unknown }): string {
  try {
    return JSON.stringify({ inputs: args.inputs ?? null, config: args.config ?? null });
  } catch (error) {
    throw new SandboxError('CODE_ERROR', `the inputs or config cannot be passed to the code as JSON: ${(error as Error).message}`);
  }
}

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.min(Math.max(value, min), max) : fallback;
}

/**
 * Worker-thread side of the sandbox pool: runs one QuickJS evaluation per message and answers with its outcome or
 * its error (as plain data; classes do not cross threads). Its first message, id 0, says it is ready for calls.
 */
import { parentPort } from 'node:worker_threads';
import { loadQuickJsModule } from './quickjs-module';
import { QuickJsSandbox } from './quickjs-sandbox';
import { SandboxError } from './sandbox-error';

export interface SandboxTask {
  id: number;
  code: string;
  args: { inputs: unknown; config: unknown };
  limits?: { timeoutMs?: number; memoryBytes?: number };
}

/** Task ids start at 1; the reply with id 0 is the thread's "ready". */
export type SandboxReply =
  | { id: 0; ready: true }
  | { id: number; ok: true; result: unknown; logs: string[] }
  | { id: number; ok: false; error: { sandbox: boolean; code?: string; message: string; line?: number } };

const sandbox = new QuickJsSandbox();

parentPort?.on('message', (task: SandboxTask) => {
  sandbox.runWithLogs(task.code, task.args, task.limits).then(
    (outcome) => parentPort!.postMessage({ id: task.id, ok: true, result: outcome.result, logs: outcome.logs } satisfies SandboxReply),
    (error: Error) =>
      parentPort!.postMessage({
        id: task.id,
        ok: false,
        error:
          error instanceof SandboxError
            ? { sandbox: true, code: error.code, message: error.message, line: error.line }
            : { sandbox: false, message: error.message },
      } satisfies SandboxReply),
  );
});

// Ready once QuickJS itself is loaded, so the first call's deadline covers only the call.
void loadQuickJsModule().then(
  () => parentPort?.postMessage({ id: 0, ready: true } satisfies SandboxReply),
  () => parentPort?.postMessage({ id: 0, ready: true } satisfies SandboxReply),
);

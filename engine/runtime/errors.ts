/**
 * Errors raised by the interpreter itself. Every failure reaching a run or a step is reduced to `{ code, message }`
 * (RunResult.error / StepRecord.error), so codes are the stable part clients and tests match on.
 */
export type EngineErrorCode =
  | 'UNKNOWN_COMPONENT'
  | 'UNKNOWN_NODE'
  | 'GRAPH_CYCLE'
  | 'NODE_TIMEOUT'
  | 'COMPONENT_ERROR'
  | 'CANCELLED'
  | 'ABORTED'
  | 'LIMIT_NODES'
  | 'LIMIT_MAP_ITEMS'
  | 'LIMIT_RUN_TIME'
  | 'LIMIT_OUTPUT_SIZE'
  | 'INTERNAL';

export interface ErrorInfo {
  code: string;
  message: string;
}

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode | string,
    message: string,
    /** Limit breaches and graph errors fail the same way every time: retrying them only wastes the backoff. */
    readonly retryable = true,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Component errors carry their own `code` (ComponentError); anything else thrown by a component is COMPONENT_ERROR. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' && code ? code : 'COMPONENT_ERROR', message: error.message };
  }
  return { code: 'COMPONENT_ERROR', message: typeof error === 'string' ? error : `non-error thrown: ${safeString(error)}` };
}

/** Any error may declare `retryable: false` (bad input, missing configuration): retrying it cannot help. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof EngineError) return error.retryable;
  return (error as { retryable?: unknown } | null)?.retryable !== false;
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Why a sandboxed run did not produce a result. */
export type SandboxErrorCode =
  /** The user's code threw (or did not compile). */
  | 'CODE_ERROR'
  /** The deadline passed; the VM was interrupted. */
  | 'CODE_TIMEOUT'
  /** The memory or stack limit was hit. */
  | 'CODE_MEMORY'
  /** The code ran, but its result is not JSON or is too large. */
  | 'CODE_RESULT';

export class SandboxError extends Error {
  override readonly name = 'SandboxError';

  constructor(
    readonly code: SandboxErrorCode,
    message: string,
    /** 1-based line in the user's code, when QuickJS reported one. */
    readonly line?: number,
  ) {
    super(message);
  }
}

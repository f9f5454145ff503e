/**
 * Errors and hard limits of the expression language (SPEC.md §Errors, §Limits).
 * Every failure — syntax, type, unknown name, limit — is an `ExpressionError` with a 0-based source position, so
 * the editor can underline it and hostile input never surfaces as a host exception.
 */
export type ExpressionErrorCode = 'EXPRESSION_SYNTAX' | 'EXPRESSION_TYPE' | 'EXPRESSION_UNKNOWN_NAME' | 'EXPRESSION_LIMIT';

export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  /** 0-based character offset into the source. */
  readonly position: number;
  /** The message without the trailing " at N". */
  readonly reason: string;

  constructor(code: ExpressionErrorCode, reason: string, position: number) {
    super(`${reason} at ${position}`);
    this.code = code;
    this.position = position;
    this.reason = reason;
  }
}

/** Bounds that keep hostile expressions from exhausting the host. Code generators must enforce the same values. */
export const EXPRESSION_LIMITS = Object.freeze({
  maxSourceLength: 10_000,
  maxDepth: 100,
  maxRange: 100_000,
  maxStringLength: 1_000_000,
  maxArrayLength: 1_000_000,
  maxJsonDepth: 1_000,
});

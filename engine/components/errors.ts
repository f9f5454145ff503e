/**
 * The error every built-in component throws for a problem of its own making (bad input, bad reply from a service).
 * `code` lets the interpreter and clients tell the kinds apart without parsing messages; the message always names
 * the node so a failed run points at the culprit.
 */
export type ComponentErrorCode =
  | 'INVALID_INPUT'
  | 'MISSING_INPUT'
  | 'EXPRESSION_ERROR'
  | 'TEMPLATE_ERROR'
  | 'PATH_NOT_FOUND'
  | 'INVALID_JSON'
  | 'LLM_INVALID_RESPONSE'
  | 'HTTP_ERROR'
  | 'SUBGRAPH_ERROR'
  | 'CANCELLED';

/** Failures a retry may cure: another reply from a remote service. Everything else is the same on every attempt. */
const TRANSIENT: ReadonlySet<ComponentErrorCode> = new Set(['LLM_INVALID_RESPONSE', 'HTTP_ERROR', 'SUBGRAPH_ERROR']);

export class ComponentError extends Error {
  readonly retryable: boolean;

  constructor(
    readonly code: ComponentErrorCode,
    message: string,
    readonly nodeId?: string,
  ) {
    super(nodeId ? `node "${nodeId}": ${message}` : message);
    this.name = 'ComponentError';
    this.retryable = TRANSIENT.has(code);
  }
}

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

export class ComponentError extends Error {
  constructor(
    readonly code: ComponentErrorCode,
    message: string,
    readonly nodeId?: string,
  ) {
    super(nodeId ? `node "${nodeId}": ${message}` : message);
    this.name = 'ComponentError';
  }
}

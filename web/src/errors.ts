/** Server errors as people read them: the message, prefixed by the GraphQL error code. */
import { CombinedGraphQLErrors } from '@apollo/client';

export interface ServerIssue {
  code?: string;
  message: string;
  field?: string;
  extensions?: Record<string, unknown>;
}

export function serverIssues(error: unknown): ServerIssue[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => ({
      code: e.extensions?.code as string | undefined,
      message: e.message,
      field: e.extensions?.field as string | undefined,
      extensions: e.extensions,
    }));
  }
  return [{ message: error instanceof Error ? error.message : String(error) }];
}

export function errorText(error: unknown): string {
  return serverIssues(error)
    .map((i) => (i.code ? `${i.code}: ${i.message}` : i.message))
    .join('\n');
}

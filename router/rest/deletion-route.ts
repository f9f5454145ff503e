/** The original services' DELETE answer, `{status: "deleted", <id name>: id}`, for any entity with a delete mutation. */
import type { StoredOperation } from './gateway-call';
import type { RouteContext, RouteSpec } from './route-table';
import { deleted } from './schemas';

export function deletionRoute(options: {
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  /** The path parameter holding the id, also the id's name in the answer (`project_id`). */
  idParam: string;
  /** A mutation taking `$id`. */
  operation: StoredOperation;
  errors: number[];
  message: string;
  /** When the path's id is not the entity id itself (e.g. a library key): finds it, or throws 404. */
  resolveId?: (ctx: RouteContext) => Promise<string>;
}): RouteSpec {
  return {
    method: 'delete',
    path: options.path,
    operationId: options.operationId,
    tag: options.tag,
    summary: options.summary,
    response: deleted(options.idParam),
    errors: options.errors,
    async handle(ctx) {
      const id = options.resolveId ? await options.resolveId(ctx) : ctx.params[options.idParam];
      await ctx.call(options.operation, { id });
      return { data: { status: 'deleted', [options.idParam]: ctx.params[options.idParam] }, message: options.message };
    },
  };
}

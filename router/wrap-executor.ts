/**
 * A gateway that runs `wrap(executor)` in place of the inner gateway's executor, for every schema it loads: how the
 * router layers its own steps around `@apollo/gateway` (router/pass-through.ts, router/operation-dedup.ts).
 */
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';

export function wrapExecutor(gateway: GatewayInterface, wrap: (executor: GatewayExecutor) => GatewayExecutor): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
    async load(options) {
      const { executor } = await gateway.load(options);
      return { executor: executor && wrap(executor) };
    },
  };
}

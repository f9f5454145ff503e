/**
 * OpenTelemetry tracing, on only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (spans go there over OTLP/HTTP). Imported
 * first by main.ts, before anything loads `http`, so incoming requests get server spans that continue the caller's
 * W3C `traceparent`; the router's subgraph calls add client spans and send `traceparent` on (router/resilient-fetcher.ts),
 * so one trace covers router → subgraphs. It reads process.env directly because it must run before config loads.
 * Health checks and scrapes are not traced: they would drown the traces that matter.
 * The SDK is required only when tracing is on: loaded, it holds ≈10 MB of heap (its config validators, the semantic
 * conventions, their source maps) in every process, traced or not.
 */
import type * as OtlpHttp from '@opentelemetry/exporter-trace-otlp-http';
import type * as InstrumentationHttp from '@opentelemetry/instrumentation-http';
import type * as SdkNode from '@opentelemetry/sdk-node';

const UNTRACED_PATHS = new Set(['/health', '/metrics']);

let sdk: SdkNode.NodeSDK | undefined;

export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (sdk || !env.OTEL_EXPORTER_OTLP_ENDPOINT) return false;
  // Synchronous on purpose: `http` must be hooked before anything loads it.
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof SdkNode;
  const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-http') as typeof OtlpHttp;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof InstrumentationHttp;
  sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME || serviceName,
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '').split('?')[0]),
      }),
    ],
  });
  sdk.start();
  return true;
}

/** Flushes buffered spans; called at shutdown. */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown().catch(() => undefined);
  sdk = undefined;
}

// main.ts names the process after the services it runs (`main.ts debugger` → visual-builder-debugger).
const services = process.argv.slice(2).filter((arg) => /^[a-z]+$/.test(arg));
startTracing(services.length ? `visual-builder-${services.join('-')}` : 'visual-builder');

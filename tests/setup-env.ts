// Tests never phone home and never log noise.
process.env.APOLLO_TELEMETRY_DISABLED = 'true';
process.env.LOG_LEVEL ??= 'silent';
// The suite exercises real HTTP between router and subgraphs; the embedded default's in-process calls are tested on
// purpose (tests/integration/in-process-subgraphs.test.ts sets IN_PROCESS_SUBGRAPHS=true).
process.env.IN_PROCESS_SUBGRAPHS ??= 'false';

/** What every service is started with: configuration and the shared plumbing, injected (tests and main pass their own). */
import type { AppConfig } from './config';
import type { DurableStreams } from './durable-events';
import type { EventBus } from './events';
import type { Logger } from './logger';
import type { ServiceClient } from './service-client';

export interface ServiceStorage {
  dataDir: string;
  databaseUrl?: string;
  schema?: string;
  preparedStatements?: boolean;
}

/** Where a service keeps its tables, from the configuration (platform/db.ts opens it). */
export const storageOf = (config: AppConfig): ServiceStorage => ({
  dataDir: config.dataDir,
  databaseUrl: config.databaseUrl,
  schema: config.databaseSchema,
  preparedStatements: config.databasePreparedStatements,
});

export interface ServiceDeps {
  config: AppConfig;
  log: Logger;
  events: EventBus;
  /** Events that must not be lost (Redis Streams with consumer groups; in-process in the embedded default). */
  durable: DurableStreams;
  services: ServiceClient;
  storage: ServiceStorage;
  /** Port override (0 = any free port). */
  port?: number;
}

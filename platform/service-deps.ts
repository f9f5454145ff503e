/** What every service is started with: configuration and the shared plumbing, injected (tests and main pass their own). */
import type { AppConfig } from './config';
import type { EventBus } from './events';
import type { Logger } from './logger';
import type { ServiceClient } from './service-client';

export interface ServiceDeps {
  config: AppConfig;
  log: Logger;
  events: EventBus;
  services: ServiceClient;
  storage: { dataDir: string; databaseUrl?: string; schema?: string };
  /** Port override (0 = any free port). */
  port?: number;
}

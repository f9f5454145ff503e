/** Sets up authentication for one router: the local single-user mode, or JWT + API keys when AUTH_* is set. */
import type http from 'node:http';
import { assertAuthenticationConfigured, type AppConfig } from '../../platform/config';
import { createServiceClient } from '../../platform/service-client';
import { createAuthenticator, localAuthenticator, registerAuthenticator, type Authenticator } from '../authenticate';
import { createApiKeyResolver } from './api-key-resolver';
import { createJwtVerifier } from './jwt-verifier';

export function setUpAuthentication(config: AppConfig, httpServer: http.Server): { authenticator: Authenticator; close(): Promise<void> } {
  assertAuthenticationConfigured(config);
  if (!config.auth) {
    registerAuthenticator(httpServer, localAuthenticator);
    return { authenticator: localAuthenticator, close: async () => undefined };
  }
  const services = createServiceClient(config);
  const authenticator = createAuthenticator(createJwtVerifier(config.auth), createApiKeyResolver(services, config.auth));
  registerAuthenticator(httpServer, authenticator);
  return { authenticator, close: () => services.close() };
}

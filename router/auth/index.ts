/** Sets up authentication for one router: the local single-user mode, or JWT + API keys when AUTH_* is set. */
import { assertAuthenticationConfigured, type AppConfig } from '../../platform/config';
import { createServiceClient } from '../../platform/service-client';
import { createAuthenticator, localAuthenticator, requestAuthentication, type RequestAuthentication } from '../authenticate';
import { createApiKeyResolver } from './api-key-resolver';
import { createJwtVerifier } from './jwt-verifier';

export function setUpAuthentication(config: AppConfig): { auth: RequestAuthentication; close(): Promise<void> } {
  assertAuthenticationConfigured(config);
  if (!config.auth) {
    return { auth: requestAuthentication(localAuthenticator), close: async () => undefined };
  }
  const services = createServiceClient(config);
  const authenticator = createAuthenticator(createJwtVerifier(config.auth), createApiKeyResolver(services, config.auth));
  return { auth: requestAuthentication(authenticator), close: () => services.close() };
}

/**
 * Security headers (helmet) with a strict content security policy, and a GraphiQL-specific one: the offline GraphiQL
 * page is self-contained with two inline scripts, allowed by their SHA-256 hashes (not 'unsafe-inline'), and Monaco's
 * workers start from blob: URLs.
 */
import { createHash } from 'node:crypto';
import type express from 'express';
import helmet from 'helmet';

const BASE_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export function securityHeaders(): express.RequestHandler {
  return helmet({ contentSecurityPolicy: { useDefaults: false, directives: BASE_DIRECTIVES }, strictTransportSecurity: false });
}

function inlineScriptHashes(page: string): string[] {
  const hashes: string[] = [];
  for (const match of page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

let graphiqlPolicy: string | undefined;

/** The CSP for the GraphiQL page, computed once from the page itself (so it follows upgrades of the renderer). */
export function graphiqlContentSecurityPolicy(page: string): string {
  graphiqlPolicy ??= [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(page).join(' ')}`,
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return graphiqlPolicy;
}

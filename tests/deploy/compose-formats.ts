import { isIP } from 'node:net';

/**
 * The compose-spec schema names four formats of its own. Ajv rejects unknown formats in strict mode, and ajv-formats'
 * "duration" is ISO 8601 ("PT10S") while Compose means Go durations ("10s", "1m30s"), so each is defined here the way
 * Compose parses it.
 */

const GO_DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const PORT_RANGE = /^(\d+)(?:-(\d+))?$/;
const PROTOCOL_SUFFIX = /\/(?:tcp|udp|sctp)$/;

export function isComposeDuration(text: string): boolean {
  return text === '0' || GO_DURATION.test(text);
}

function isPortNumber(text: string | undefined): boolean {
  if (text === undefined) return true;
  const port = Number(text);
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

function isPortRange(text: string): boolean {
  const match = PORT_RANGE.exec(text);
  if (!match) return false;
  const [, first, last] = match;
  return isPortNumber(first) && isPortNumber(last) && (last === undefined || Number(last) >= Number(first));
}

/** `expose` entries: "8007", "8000-8010", "8007/tcp". */
export function isComposeExpose(text: string): boolean {
  return isPortRange(text.replace(PROTOCOL_SUFFIX, ''));
}

/** `ports` short syntax: [[ip:][host]:]container[/protocol], ranges allowed, IPv6 addresses in brackets. */
export function isComposePorts(text: string): boolean {
  let rest = text.replace(PROTOCOL_SUFFIX, '');
  const bracketed = /^\[([0-9A-Fa-f:.]+)\]:(.*)$/.exec(rest);
  let address: string | undefined;
  if (bracketed) {
    address = bracketed[1];
    rest = bracketed[2];
  }
  const parts = rest.split(':');
  if (!address && parts.length === 3) address = parts.shift();
  if (address !== undefined && isIP(address) === 0) return false;
  if (parts.length > 2) return false;
  const [hostOrContainer, container] = parts;
  if (container === undefined) return isPortRange(hostOrContainer);
  // "127.0.0.1::8006" publishes on a random host port, so an empty host part is legal only after an address.
  const hostOk = hostOrContainer === '' ? address !== undefined : isPortRange(hostOrContainer);
  return hostOk && isPortRange(container);
}

/** `ipam.config.subnet`: an address and a prefix length within its family. */
export function isSubnet(text: string): boolean {
  const [address, prefix, extra] = text.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined || !/^\d{1,3}$/.test(prefix ?? '')) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

export const composeFormats = {
  duration: isComposeDuration,
  expose: isComposeExpose,
  ports: isComposePorts,
  subnet_ip_address: isSubnet,
} as const;

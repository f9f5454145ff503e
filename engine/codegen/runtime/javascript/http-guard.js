'use strict';
/**
 * The engine's outbound HTTP guard (engine/sandbox/http-guard.ts, address-policy.ts), reproduced for generated
 * programs: an http_request may reach public unicast addresses only; loopback, private, link-local, shared, reserved
 * and metadata targets are refused (HTTP_FORBIDDEN_TARGET) unless HTTP_ALLOWLIST (comma-separated host names, IPs,
 * CIDRs) names them. A deployed program's inputs come from whoever calls it, so without this its http_request nodes
 * would be a server-side request forgery. As in the engine, every hop (the first request and each redirect) is checked
 * after DNS resolution, on every resolved address, and the socket is then opened through a lookup that can only
 * answer with those checked addresses, so a DNS answer that changes between check and connect (rebinding) cannot
 * redirect it.
 */
const net = require('node:net');
const http = require('node:http');
const https = require('node:https');
const dns = require('node:dns').promises;
const { WorkflowError } = require('./scheduler');

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Credentials meant for one origin must not follow a redirect to another. */
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const METADATA_ADDRESSES = new Set(['169.254.169.254', '100.100.100.200', 'fd00:ec2::254']);
const METADATA_HOSTNAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

function ranges(family, table) {
  return table.map(([reason, cidrs]) => {
    const list = new net.BlockList();
    for (const cidr of cidrs.split(' ')) list.addSubnet(cidr.split('/')[0], Number(cidr.split('/')[1]), family);
    return { reason, list };
  });
}
/** The special ranges of ipaddr.js (which the engine uses), in its order: the first match names the reason. */
const IPV4_RANGES = ranges('ipv4', [
  ['the unspecified address', '0.0.0.0/8'],
  ['the broadcast address', '255.255.255.255/32'],
  ['a multicast address', '224.0.0.0/4'],
  ['a link-local address', '169.254.0.0/16'],
  ['a loopback address', '127.0.0.0/8'],
  ['a carrier-grade NAT (shared) address', '100.64.0.0/10'],
  ['a private-network address', '10.0.0.0/8 172.16.0.0/12 192.168.0.0/16'],
  ['a reserved IPv4 address (reserved)', '192.0.0.0/24 192.0.2.0/24 192.88.99.0/24 198.18.0.0/15 198.51.100.0/24 203.0.113.0/24 240.0.0.0/4'],
  ['a reserved IPv4 address (as112)', '192.175.48.0/24 192.31.196.0/24'],
  ['a reserved IPv4 address (amt)', '192.52.193.0/24'],
]);
const IPV6_RANGES = ranges('ipv6', [
  ['the IPv6 unspecified address', '::/128'],
  ['an IPv6 link-local address', 'fe80::/10'],
  ['an IPv6 multicast address', 'ff00::/8'],
  ['the IPv6 loopback address', '::1/128'],
  ['an IPv6 unique-local (private) address', 'fc00::/7'],
  ['an IPv6 site-local address', 'fec0::/10'],
  ['a reserved IPv6 address (discard)', '100::/64'],
  ['an IPv6 address that embeds an IPv4 address (SIIT)', '::ffff:0:0:0/96'],
  ['an IPv6 address that embeds an IPv4 address (NAT64)', '64:ff9b::/96 64:ff9b:1::/48'],
  ['an IPv6 address that embeds an IPv4 address (6to4)', '2002::/16'],
  ['an IPv6 address that embeds an IPv4 address (Teredo)', '2001::/32'],
  ['a reserved IPv6 address (benchmarking)', '2001:2::/48'],
  ['a reserved IPv6 address (amt)', '2001:3::/32'],
  ['a reserved IPv6 address (as112v6)', '2001:4:112::/48 2620:4f:8000::/48'],
  ['a reserved IPv6 address (deprecatedOrchid)', '2001:10::/28'],
  ['a reserved IPv6 address (orchid2)', '2001:20::/28'],
  ['a reserved IPv6 address (droneRemoteIdProtocolEntityTags)', '2001:30::/28'],
  ['a reserved IPv6 address (segmentRouting)', '5f00::/16'],
  ['a reserved IPv6 address (reserved)', '2001::/23 2001:db8::/32 3fff::/20'],
]);
const [{ list: IPV6_GLOBAL_UNICAST }] = ranges('ipv6', [['', '2000::/3']]);

const normalise = (hostname) => hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();

/** An IP literal as WHATWG URLs write it (IPv4 dotted, IPv6 compressed hex), or undefined when it is none. */
function canonicalAddress(text) {
  const address = normalise(text);
  if (net.isIPv6(address) && !address.includes('%')) return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  if (!address.includes(':') && /^[0-9a-fx.]+$/.test(address)) {
    try {
      const { hostname } = new URL(`http://${address}/`);
      if (net.isIPv4(hostname)) return hostname; // 2130706433, 0x7f.1 and 0177.0.0.1 are 127.0.0.1, as for the engine
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The IPv4 address an IPv4-mapped IPv6 address (in canonical form) stands for, or undefined. */
function unmapped(address) {
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!mapped) return undefined;
  const [high, low] = [parseInt(mapped[1], 16), parseInt(mapped[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Why connecting to `address` (a canonical IP literal) is refused, or undefined when it is public. */
function refusalReason(address) {
  if (METADATA_ADDRESSES.has(address)) return 'a cloud metadata service address';
  const inner = unmapped(address);
  if (inner) return refusalReason(inner) && `an IPv4-mapped form of ${refusalReason(inner)}`;
  const family = net.isIPv4(address) ? 'ipv4' : 'ipv6';
  const match = (family === 'ipv4' ? IPV4_RANGES : IPV6_RANGES).find(({ list }) => list.check(address, family));
  if (match) return match.reason;
  return family === 'ipv6' && !IPV6_GLOBAL_UNICAST.check(address, 'ipv6') ? 'an IPv6 address outside global unicast space' : undefined;
}

/**
 * HTTP_ALLOWLIST: host names (exact), IP addresses and CIDR ranges. An allow-listed host name permits whatever it
 * resolves to (the operator vouches for the name); an allow-listed address or range permits that address.
 */
function allowList() {
  const names = new Set();
  const ranges = new net.BlockList();
  for (const raw of (process.env.HTTP_ALLOWLIST || '').split(',')) {
    const entry = normalise(raw.trim());
    if (!entry) continue;
    const [base, bits, extra] = entry.split('/');
    const address = canonicalAddress(base);
    const family = address && (net.isIPv4(address) ? 'ipv4' : 'ipv6');
    if (!address) {
      if (bits === undefined) names.add(entry);
    } else if (bits === undefined) ranges.addAddress(address, family);
    else if (extra === undefined && /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 'ipv4' ? 32 : 128)) ranges.addSubnet(address, Number(bits), family);
  }
  // An IPv4-mapped IPv6 address counts as its IPv4 address, so "127.0.0.1" also allows ::ffff:127.0.0.1.
  const allowsAddress = (address) => {
    const plain = unmapped(address) || address;
    return ranges.check(plain, net.isIPv4(plain) ? 'ipv4' : 'ipv6');
  };
  return { allowsName: (name) => names.has(name), allowsAddress };
}

const forbidden = (host, reason) => new WorkflowError('HTTP_FORBIDDEN_TARGET', `refusing to connect to ${host}: ${reason} (add it to HTTP_ALLOWLIST to permit it)`);

function untilAborted(work, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Refuses before any connection is attempted; returns the addresses the connection may use. */
async function checkTarget(url, allow, signal) {
  const host = normalise(url.hostname);
  const assertAllowed = (address, resolved) => {
    const reason = refusalReason(address);
    if (reason && !allow.allowsAddress(address)) throw forbidden(host, resolved ? `it resolves to ${address}, ${reason}` : reason);
  };
  const literal = canonicalAddress(host);
  if (literal) {
    assertAllowed(literal, false);
    return [{ address: literal, family: net.isIPv4(literal) ? 4 : 6 }];
  }
  const nameAllowed = allow.allowsName(host);
  if (!nameAllowed && (host === 'localhost' || host.endsWith('.localhost'))) throw forbidden(host, 'a loopback host name');
  if (!nameAllowed && METADATA_HOSTNAMES.has(host)) throw forbidden(host, 'a cloud metadata service host name');
  let addresses;
  try {
    addresses = await untilAborted(dns.lookup(host, { all: true, verbatim: true }), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw new WorkflowError('HTTP_FAILED', `could not resolve host ${host}: ${error.message}`);
  }
  if (addresses.length === 0) throw new WorkflowError('HTTP_FAILED', `could not resolve host ${host}: no addresses`);
  if (!nameAllowed) for (const { address } of addresses) assertAllowed(canonicalAddress(address) || address, true);
  return addresses;
}

/** A `net.connect` lookup that can only answer with the addresses checked for this hop. */
function pinnedLookup(host, addresses) {
  return (hostname, options, callback) => {
    if (normalise(hostname) !== host) return callback(forbidden(hostname, `it is not the checked host ${host}`));
    const usable = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
    if (usable.length === 0) return callback(Object.assign(new Error(`no IPv${options.family} address for ${hostname}`), { code: 'ENOTFOUND' }));
    if (options.all) return callback(null, usable);
    callback(null, usable[0].address, usable[0].family);
  };
}

/** One hop, no redirect followed, no pooled socket, no proxy: {status, headers, body}. */
function exchange(url, addresses, init, signal) {
  const headers = { ...init.headers };
  // UTF-8 with each lone surrogate as U+FFFD, as the engine sends text.
  const payload = init.body === undefined ? undefined : Buffer.from(init.body, 'utf8');
  // As undici: a length for every body, and 0 for the methods that expect one.
  if (payload !== undefined || ['POST', 'PUT', 'PATCH'].includes(init.method)) headers['content-length'] = String(payload === undefined ? 0 : payload.length);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, { method: init.method, headers, agent: false, signal, lookup: pinnedLookup(normalise(url.hostname), addresses) }, (response) => {
      const flat = {};
      for (const [name, value] of Object.entries(response.headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value;
      if (REDIRECT_STATUSES.has(response.statusCode) && flat.location) {
        response.destroy();
        return resolve({ status: response.statusCode, headers: flat, body: '' });
      }
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: flat, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(payload);
  });
}

function parseTarget(raw, base) {
  let url;
  try {
    url = new URL(raw, base);
  } catch {
    throw new WorkflowError('HTTP_BAD_URL', `not a valid URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WorkflowError('HTTP_BAD_URL', `only http and https URLs are allowed, got ${url.protocol.replace(/:$/, '')} in ${JSON.stringify(raw)}`);
  }
  return url;
}

const withoutHeaders = (headers, names) => Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name.toLowerCase())));

/**
 * http_request's request: every hop checked and pinned, at most 5 redirects followed as the engine follows them, all
 * within one deadline. Resolves to {status, headers, body}; fails with the engine guard's codes.
 */
async function guardedRequest(rawUrl, { method, headers, body, timeoutMs }) {
  const signal = AbortSignal.timeout(timeoutMs);
  const allow = allowList();
  let url = parseTarget(rawUrl);
  try {
    for (let hop = 0; ; hop++) {
      const addresses = await checkTarget(url, allow, signal);
      const reply = await exchange(url, addresses, { method, headers, body }, signal);
      if (!REDIRECT_STATUSES.has(reply.status) || !reply.headers.location) return reply;
      if (hop >= MAX_REDIRECTS) throw new WorkflowError('HTTP_FAILED', `too many redirects (more than ${MAX_REDIRECTS}) starting from ${rawUrl}`);
      const next = parseTarget(reply.headers.location, url);
      if (reply.status === 303 || ((reply.status === 301 || reply.status === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
        headers = withoutHeaders(headers, ['content-type', 'content-length']);
      }
      if (next.origin !== url.origin) headers = withoutHeaders(headers, ORIGIN_BOUND_HEADERS);
      url = next;
    }
  } catch (error) {
    if (error instanceof WorkflowError) throw error;
    if (signal.aborted) throw new WorkflowError('HTTP_TIMEOUT', `request to ${url.host} timed out after ${timeoutMs} ms`);
    const cause = error && error.cause;
    if (cause instanceof WorkflowError) throw cause;
    throw new WorkflowError('HTTP_FAILED', `request to ${url.host} failed: ${(cause && cause.message) || (error && error.message)}`);
  }
}

module.exports = { guardedRequest, refusalReason };

'use strict';
/**
 * The engine's outbound HTTP policy (engine/sandbox/address-policy.ts), reproduced for generated programs: an
 * http_request may reach public unicast addresses only; loopback, private, link-local, shared, reserved and metadata
 * targets are refused unless HTTP_ALLOWLIST (comma-separated host names, IPs, CIDRs) names them. A deployed program's
 * inputs come from whoever calls it, so without this its http_request nodes would be a server-side request forgery.
 * Every resolved address of a name is checked before the request (a DNS answer that changes between the check and
 * the connection is not caught here; isolated deployments also cut the host's loopback at the network namespace).
 */
const net = require('node:net');
const dns = require('node:dns').promises;
const { WorkflowError } = require('./scheduler');

const NON_PUBLIC_V4 = new net.BlockList();
for (const [address, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24],
  ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]]) {
  NON_PUBLIC_V4.addSubnet(address, prefix, 'ipv4');
}
/** IPv6: global unicast (2000::/3) only, minus documentation, 6to4 and the IETF special block (Teredo among them). */
const GLOBAL_V6 = new net.BlockList();
GLOBAL_V6.addSubnet('2000::', 3, 'ipv6');
const SPECIAL_V6 = new net.BlockList();
for (const [address, prefix] of [['2001::', 23], ['2001:db8::', 32], ['2002::', 16]]) SPECIAL_V6.addSubnet(address, prefix, 'ipv6');
const METADATA_HOSTNAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

const normalise = (hostname) => hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '').toLowerCase();

/** Why `address` (an IP literal) is refused, or undefined when it is public. */
function refusalReason(address) {
  if (net.isIPv4(address)) return NON_PUBLIC_V4.check(address, 'ipv4') ? 'a loopback, private, link-local or reserved IPv4 address' : undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return refusalReason(mapped[1]) && `an IPv4-mapped form of ${refusalReason(mapped[1])}`;
  if (!net.isIPv6(address)) return 'not an IP address';
  return GLOBAL_V6.check(address, 'ipv6') && !SPECIAL_V6.check(address, 'ipv6') ? undefined : 'a loopback, private, link-local or reserved IPv6 address';
}

function allowList() {
  const names = new Set();
  const ranges = new net.BlockList();
  for (const raw of (process.env.HTTP_ALLOWLIST || '').split(',')) {
    const entry = normalise(raw.trim());
    if (!entry) continue;
    const [base, bits] = entry.split('/');
    const family = net.isIPv4(base) ? 'ipv4' : net.isIPv6(base) ? 'ipv6' : undefined;
    if (!family) names.add(entry);
    else if (bits === undefined) ranges.addAddress(base, family);
    else ranges.addSubnet(base, Number(bits), family);
  }
  const allowsAddress = (address) => {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    const plain = mapped ? mapped[1] : address;
    return ranges.check(plain, net.isIPv4(plain) ? 'ipv4' : 'ipv6');
  };
  return { allowsName: (name) => names.has(name), allowsAddress };
}

const forbidden = (host, reason) => new WorkflowError('HTTP_FORBIDDEN_TARGET', `refusing to connect to ${host}: ${reason} (add it to HTTP_ALLOWLIST to permit it)`);

/** Throws HTTP_FORBIDDEN_TARGET unless every address `url` leads to may be reached. */
async function checkTarget(url) {
  const host = normalise(new URL(url).hostname);
  const allow = allowList();
  const check = (address, shown) => {
    const reason = refusalReason(address);
    if (reason && !allow.allowsAddress(address)) throw forbidden(host, shown ? `it resolves to ${address}, ${reason}` : reason);
  };
  if (net.isIP(host)) return check(host, false);
  if (allow.allowsName(host)) return;
  if (host === 'localhost' || host.endsWith('.localhost')) throw forbidden(host, 'a loopback host name');
  if (METADATA_HOSTNAMES.has(host)) throw forbidden(host, 'a cloud metadata service host name');
  let addresses;
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch (error) {
    throw new WorkflowError('HTTP_FAILED', `could not resolve host ${host}: ${error.message}`);
  }
  for (const { address } of addresses) check(address, true);
}

module.exports = { checkTarget, refusalReason };

import ipaddr from 'ipaddr.js';

/**
 * Which network targets outbound HTTP may reach. Default-deny for anything that is not a public unicast address:
 * the point is that a workflow author must not be able to make the server talk to itself, its private network or a
 * cloud metadata service (SSRF).
 */

/** Well-known metadata endpoints; named separately so the refusal message says what was at stake. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '100.100.100.200', 'fd00:ec2::254']);
const METADATA_HOSTNAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata']);

const IPV4_RANGE_REASONS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private-network address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT (shared) address',
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
};

const IPV6_RANGE_REASONS: Record<string, string> = {
  loopback: 'the IPv6 loopback address',
  uniqueLocal: 'an IPv6 unique-local (private) address',
  linkLocal: 'an IPv6 link-local address',
  deprecatedSiteLocal: 'an IPv6 site-local address',
  unspecified: 'the IPv6 unspecified address',
  multicast: 'an IPv6 multicast address',
  rfc6052: 'an IPv6 address that embeds an IPv4 address (NAT64)',
  rfc6145: 'an IPv6 address that embeds an IPv4 address (SIIT)',
  '6to4': 'an IPv6 address that embeds an IPv4 address (6to4)',
  teredo: 'an IPv6 address that embeds an IPv4 address (Teredo)',
};

/** Only the IPv6 global unicast block is reachable; ipaddr.js calls everything it has no name for "unicast". */
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/** Why connecting to `address` (an IP literal, either family) is refused, or undefined when it is public. */
export function refusalReasonForAddress(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  const parsed = ipaddr.parse(address);
  if (METADATA_ADDRESSES.has(parsed.toString())) return 'a cloud metadata service address';
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      const inner = refusalReasonForAddress(v6.toIPv4Address().toString());
      return inner && `an IPv4-mapped form of ${inner}`;
    }
    const range = v6.range();
    if (range !== 'unicast') return IPV6_RANGE_REASONS[range] ?? `a reserved IPv6 address (${range})`;
    return v6.match(IPV6_GLOBAL_UNICAST) ? undefined : 'an IPv6 address outside global unicast space';
  }
  const range = (parsed as ipaddr.IPv4).range();
  if (range !== 'unicast') return IPV4_RANGE_REASONS[range] ?? `a reserved IPv4 address (${range})`;
  return undefined;
}

/** Names refused before any DNS lookup (they are local by definition, or they are metadata services). */
export function refusalReasonForHostname(hostname: string): string | undefined {
  const name = normaliseHostname(hostname);
  if (name === 'localhost' || name.endsWith('.localhost')) return 'a loopback host name';
  if (METADATA_HOSTNAMES.has(name)) return 'a cloud metadata service host name';
  return undefined;
}

/** Lower-case, without IPv6 brackets or the DNS root dot, so `LOCALHOST.` and `localhost` compare equal. */
export function normaliseHostname(hostname: string): string {
  return hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(normaliseHostname(hostname));
}

/**
 * Operator exceptions: host names (exact), IP addresses and CIDR ranges. An allow-listed host name permits whatever it
 * resolves to (the operator vouches for the name); an allow-listed address or range permits that address under any name.
 */
export class AllowList {
  private readonly hostnames = new Set<string>();
  private readonly ranges: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> = [];

  constructor(entries: readonly string[] = []) {
    for (const raw of entries) {
      const entry = normaliseHostname(raw.trim());
      if (!entry) continue;
      if (entry.includes('/')) {
        if (!ipaddr.isValidCIDR(entry)) throw new Error(`invalid CIDR range in the HTTP allow-list: "${raw}"`);
        this.ranges.push(ipaddr.parseCIDR(entry));
      } else if (ipaddr.isValid(entry)) {
        const address = ipaddr.parse(entry);
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else if (/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(entry)) {
        this.hostnames.add(entry);
      } else {
        throw new Error(`invalid entry in the HTTP allow-list: "${raw}" (expected a host name, an IP address or a CIDR range)`);
      }
    }
  }

  allowsHostname(hostname: string): boolean {
    return this.hostnames.has(normaliseHostname(hostname));
  }

  allowsAddress(address: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    const parsed = ipaddr.process(address); // IPv4-mapped IPv6 becomes IPv4, so "127.0.0.1" also allows ::ffff:127.0.0.1
    return this.ranges.some(([base, bits]) => base.kind() === parsed.kind() && parsed.match(base, bits));
  }
}

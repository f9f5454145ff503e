"""The engine's outbound HTTP guard (engine/sandbox/http-guard.ts, address-policy.ts), reproduced for generated
programs: an http_request may reach public unicast addresses only; loopback, private, link-local, shared, reserved and
metadata targets are refused (HTTP_FORBIDDEN_TARGET) unless HTTP_ALLOWLIST (comma-separated host names, IPs, CIDRs)
names them. A deployed program's inputs come from whoever calls it, so without this its http_request nodes would be a
server-side request forgery. As in the engine, every hop (the first request and each redirect) is checked after DNS
resolution, on every resolved address, and the socket is then opened to one of those checked addresses only, so a DNS
answer that changes between check and connect (rebinding) cannot redirect it."""
import http.client
import ipaddress
import json
import os
import re
import socket
import ssl
import time
import urllib.parse

from .scheduler import WorkflowError

MAX_REDIRECTS = 5
_REDIRECT_STATUSES = {301, 302, 303, 307, 308}
# Credentials meant for one origin must not follow a redirect to another.
_ORIGIN_BOUND_HEADERS = ("authorization", "cookie", "proxy-authorization")
_METADATA_ADDRESSES = {ipaddress.ip_address(a) for a in ("169.254.169.254", "100.100.100.200", "fd00:ec2::254")}
_METADATA_HOSTNAMES = {"metadata.google.internal", "metadata.goog", "metadata"}


def _ranges(table):
    return [(reason, [ipaddress.ip_network(c) for c in cidrs.split()]) for reason, cidrs in table]


# The special ranges of ipaddr.js (which the engine uses), in its order: the first match names the reason.
_IPV4_RANGES = _ranges([
    ("the unspecified address", "0.0.0.0/8"),
    ("the broadcast address", "255.255.255.255/32"),
    ("a multicast address", "224.0.0.0/4"),
    ("a link-local address", "169.254.0.0/16"),
    ("a loopback address", "127.0.0.0/8"),
    ("a carrier-grade NAT (shared) address", "100.64.0.0/10"),
    ("a private-network address", "10.0.0.0/8 172.16.0.0/12 192.168.0.0/16"),
    ("a reserved IPv4 address (reserved)", "192.0.0.0/24 192.0.2.0/24 192.88.99.0/24 198.18.0.0/15 198.51.100.0/24 203.0.113.0/24 240.0.0.0/4"),
    ("a reserved IPv4 address (as112)", "192.175.48.0/24 192.31.196.0/24"),
    ("a reserved IPv4 address (amt)", "192.52.193.0/24"),
])
_IPV6_RANGES = _ranges([
    ("the IPv6 unspecified address", "::/128"),
    ("an IPv6 link-local address", "fe80::/10"),
    ("an IPv6 multicast address", "ff00::/8"),
    ("the IPv6 loopback address", "::1/128"),
    ("an IPv6 unique-local (private) address", "fc00::/7"),
    ("an IPv6 site-local address", "fec0::/10"),
    ("a reserved IPv6 address (discard)", "100::/64"),
    ("an IPv6 address that embeds an IPv4 address (SIIT)", "::ffff:0:0:0/96"),
    ("an IPv6 address that embeds an IPv4 address (NAT64)", "64:ff9b::/96 64:ff9b:1::/48"),
    ("an IPv6 address that embeds an IPv4 address (6to4)", "2002::/16"),
    ("an IPv6 address that embeds an IPv4 address (Teredo)", "2001::/32"),
    ("a reserved IPv6 address (benchmarking)", "2001:2::/48"),
    ("a reserved IPv6 address (amt)", "2001:3::/32"),
    ("a reserved IPv6 address (as112v6)", "2001:4:112::/48 2620:4f:8000::/48"),
    ("a reserved IPv6 address (deprecatedOrchid)", "2001:10::/28"),
    ("a reserved IPv6 address (orchid2)", "2001:20::/28"),
    ("a reserved IPv6 address (droneRemoteIdProtocolEntityTags)", "2001:30::/28"),
    ("a reserved IPv6 address (segmentRouting)", "5f00::/16"),
    ("a reserved IPv6 address (reserved)", "2001::/23 2001:db8::/32 3fff::/20"),
])
_IPV6_GLOBAL_UNICAST = ipaddress.ip_network("2000::/3")


def refusal_reason(ip):
    """Why connecting to `ip` (an ipaddress address) is refused, or None when it is public."""
    if ip in _METADATA_ADDRESSES:
        return "a cloud metadata service address"
    if ip.version == 6 and ip.ipv4_mapped is not None:
        inner = refusal_reason(ip.ipv4_mapped)
        return inner and "an IPv4-mapped form of " + inner
    for reason, networks in _IPV4_RANGES if ip.version == 4 else _IPV6_RANGES:
        if any(ip in n for n in networks):
            return reason
    if ip.version == 6 and ip not in _IPV6_GLOBAL_UNICAST:
        return "an IPv6 address outside global unicast space"
    return None


def _normalise(hostname):
    if hostname.startswith("[") and hostname.endswith("]"):
        hostname = hostname[1:-1]
    return (hostname[:-1] if hostname.endswith(".") else hostname).lower()


def _ipv4_number(part):
    """One part of a WHATWG IPv4 address (decimal, 0x-hex, 0-octal), or None."""
    base = 10
    if len(part) >= 2 and part[:2] in ("0x", "0X"):
        base, part = 16, part[2:]
    elif len(part) >= 2 and part[0] == "0":
        base, part = 8, part[1:]
    if part == "":
        return 0
    if not re.fullmatch("[0-9a-fA-F]+", part):
        return None
    try:
        return int(part, base)
    except ValueError:
        return None


def _ends_in_number(host):
    """The WHATWG URL rule that makes a host an IPv4 address: its last label is a number."""
    parts = host.split(".")
    if parts[-1] == "":
        if len(parts) == 1:
            return False
        parts.pop()
    last = parts[-1]
    if last and re.fullmatch("[0-9]+", last):
        return True
    return last[:2] in ("0x", "0X") and _ipv4_number(last) is not None


def _parse_ipv4(host):
    """The WHATWG URL IPv4 parser: 2130706433, 0x7f.1 and 0177.0.0.1 are all 127.0.0.1, as for the engine."""
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if len(parts) > 4:
        return None
    value = 0
    for i, part in enumerate(parts):
        n = _ipv4_number(part) if part else None
        last = i == len(parts) - 1
        if n is None or (not last and n > 255) or (last and n >= 256 ** (5 - len(parts))):
            return None
        value += n if last else n << (8 * (3 - i))
    return ipaddress.IPv4Address(value)


def _ip_literal(text):
    """An IPv4 (any WHATWG form) or IPv6 literal, brackets optional; None when the text is not one."""
    text = _normalise(text)
    if ":" in text:
        try:
            ip = ipaddress.IPv6Address(text)
        except ValueError:
            return None
        return None if getattr(ip, "scope_id", None) else ip
    return _parse_ipv4(text) if text and _ends_in_number(text) else None


def _format_ipv6(ip):
    """As WHATWG URLs write IPv6: lower-case hex, the longest run of zeros compressed, no dotted IPv4 tail."""
    pieces = [int.from_bytes(ip.packed[i:i + 2], "big") for i in range(0, 16, 2)]
    best_start, best_length, i = -1, 1, 0
    while i < 8:
        j = i
        while j < 8 and pieces[j] == 0:
            j += 1
        if j - i > best_length:
            best_start, best_length = i, j - i
        i = j if j > i else i + 1
    if best_start < 0:
        return ":".join("%x" % p for p in pieces)
    head = ":".join("%x" % p for p in pieces[:best_start])
    tail = ":".join("%x" % p for p in pieces[best_start + best_length:])
    return head + "::" + tail


def canonical_host(host):
    """The engine's (WHATWG) reading of a URL's host: lower case, an IPv4 address in any legacy numeric form as a
    dotted quad, an IPv6 address compressed (with its brackets); None when WHATWG would refuse the host."""
    if host.startswith("["):
        ip = _ip_literal(host) if host.endswith("]") else None
        return "[" + _format_ipv6(ip) + "]" if ip is not None and ip.version == 6 else None
    host = host.lower()
    # Non-ASCII would need IDNA; the rest are the WHATWG forbidden domain code points.
    if not host or any(ord(c) > 0x7E or ord(c) <= 0x20 or c in "#%/:<>?@[\\]^|" for c in host):
        return None
    if not _ends_in_number(host):
        return host
    ip = _parse_ipv4(host)
    return None if ip is None else str(ip)


class _AllowList:
    """HTTP_ALLOWLIST: host names (exact), IP addresses and CIDR ranges. An allow-listed host name permits whatever it
    resolves to (the operator vouches for the name); an allow-listed address or range permits that address."""

    def __init__(self):
        self.names, self.ranges = set(), []
        for raw in os.environ.get("HTTP_ALLOWLIST", "").split(","):
            entry = _normalise(raw.strip())
            if not entry:
                continue
            base, slash, bits = entry.partition("/")
            ip = _ip_literal(base)
            if ip is None:
                if not slash:
                    self.names.add(entry)
            elif not slash:
                self.ranges.append(ipaddress.ip_network(ip))
            elif re.fullmatch("[0-9]{1,3}", bits) and int(bits) <= ip.max_prefixlen:
                self.ranges.append(ipaddress.ip_network("%s/%s" % (ip, bits), strict=False))

    def allows_address(self, ip):
        """An IPv4-mapped IPv6 address counts as its IPv4 address, so "127.0.0.1" also allows ::ffff:127.0.0.1."""
        if ip.version == 6 and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        return any(ip.version == r.version and ip in r for r in self.ranges)


def _forbidden(host, reason):
    return WorkflowError("HTTP_FORBIDDEN_TARGET", "refusing to connect to %s: %s (add it to HTTP_ALLOWLIST to permit it)" % (host, reason))


def _check_target(host, allow):
    """Refuses before any connection is attempted; returns the addresses the connection may use."""
    host = _normalise(host)

    def assert_allowed(ip, resolved):
        reason = refusal_reason(ip)
        if reason and not allow.allows_address(ip):
            raise _forbidden(host, "it resolves to %s, %s" % (ip, reason) if resolved else reason)

    literal = _ip_literal(host)
    if literal is not None:
        assert_allowed(literal, False)
        return [literal]
    name_allowed = host in allow.names
    if not name_allowed and (host == "localhost" or host.endswith(".localhost")):
        raise _forbidden(host, "a loopback host name")
    if not name_allowed and host in _METADATA_HOSTNAMES:
        raise _forbidden(host, "a cloud metadata service host name")
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as error:
        raise WorkflowError("HTTP_FAILED", "could not resolve host %s: %s" % (host, error))
    addresses = []
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if not name_allowed:
            assert_allowed(ip, True)
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise WorkflowError("HTTP_FAILED", "could not resolve host %s: no addresses" % host)
    return addresses


class _Target:
    """A URL as the guard reads it: scheme, canonical host, port and the request target (path and query)."""

    def __init__(self, scheme, host, port, request_target):
        self.scheme, self.host, self.port, self.request_target = scheme, host, port, request_target
        self.hostname = _normalise(host)
        self.authority = host if port == (443 if scheme == "https" else 80) else "%s:%d" % (host, port)
        self.origin = scheme + "://" + self.authority
        self.url = self.origin + request_target


def _parse_target(raw, base=None):
    """Reads a URL (relative to `base` for a redirect) as the engine's guard does: http(s) only, its host canonical."""
    bad = WorkflowError("HTTP_BAD_URL", "not a valid URL: %s" % _quote(raw))
    try:
        parts = urllib.parse.urlsplit(urllib.parse.urljoin(base.url, raw) if base else raw)
        port = parts.port
    except ValueError:
        raise bad
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise WorkflowError("HTTP_BAD_URL", "only http and https URLs are allowed, got %s in %s" % (scheme, _quote(raw)))
    netloc = parts.netloc.rpartition("@")[2]
    host = canonical_host(netloc[: netloc.index("]") + 1] if netloc.startswith("[") and "]" in netloc else netloc.partition(":")[0])
    if host is None:
        raise bad
    path = _percent_encode(parts.path or "/", ' "<>`{}')
    query = "?" + _percent_encode(parts.query, " \"<>'") if parts.query else ""
    return _Target(scheme, host, port if port is not None else (443 if scheme == "https" else 80), path + query)


def _percent_encode(text, encode_set):
    """As WHATWG URLs encode a path or query: UTF-8, controls, spaces and `encode_set` (the caller made it well-formed)."""
    return "".join(c if 0x20 < ord(c) < 0x7F and c not in encode_set else "".join("%%%02X" % b for b in c.encode("utf-8", "replace")) for c in text)


def _quote(text):
    return json.dumps(text, ensure_ascii=False)


def _connect(addresses, port, deadline):
    last = None
    for ip in addresses:
        try:
            return socket.create_connection((str(ip), port), timeout=_remaining(deadline))
        except socket.timeout:
            raise
        except OSError as error:
            last = error
    raise last


def _remaining(deadline):
    left = deadline - time.monotonic()
    if left <= 0:
        raise socket.timeout("deadline")
    return left


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked addresses only (never a fresh lookup, never a proxy)."""

    def __init__(self, target, addresses, deadline):
        super().__init__(target.hostname, target.port, timeout=_remaining(deadline))
        self._addresses, self._deadline = addresses, deadline

    def connect(self):
        self.sock = _connect(self._addresses, self.port, self._deadline)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """The same over TLS, the certificate verified against the URL's host name."""

    def __init__(self, target, addresses, deadline):
        super().__init__(target.hostname, target.port, timeout=_remaining(deadline), context=ssl.create_default_context())
        self._addresses, self._deadline = addresses, deadline

    def connect(self):
        sock = _connect(self._addresses, self.port, self._deadline)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _exchange(target, addresses, method, headers, body, deadline):
    """One hop, no redirect followed: (status, headers with lower-case names, body text)."""
    connection_type = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = connection_type(target, addresses, deadline)
    try:
        connection.request(method, target.request_target, body=body, headers=headers)
        response = connection.getresponse()
        reply_headers = {}
        for name, value in response.getheaders():
            name = name.lower()
            reply_headers[name] = reply_headers[name] + ", " + value if name in reply_headers else value
        if response.status in _REDIRECT_STATUSES and reply_headers.get("location"):
            return response.status, reply_headers, ""
        chunks = []
        while True:
            connection.sock.settimeout(_remaining(deadline))
            chunk = response.read(65536)
            if not chunk:
                break
            chunks.append(chunk)
        return response.status, reply_headers, b"".join(chunks).decode("utf-8", "replace")
    finally:
        connection.close()


def _without(headers, names):
    return {k: v for k, v in headers.items() if k.lower() not in names}


def guarded_request(url, method, headers, body, timeout_ms):
    """http_request's request: every hop checked and pinned, at most 5 redirects followed as the engine follows them,
    all within one deadline. Returns (status, headers, text); fails with the engine guard's codes."""
    deadline = time.monotonic() + timeout_ms / 1000.0
    allow = _AllowList()
    target = _parse_target(url)
    try:
        for hop in range(MAX_REDIRECTS + 1):
            addresses = _check_target(target.hostname, allow)
            status, reply_headers, text = _exchange(target, addresses, method, headers, body, deadline)
            location = reply_headers.get("location")
            if status not in _REDIRECT_STATUSES or not location:
                return status, reply_headers, text
            if hop >= MAX_REDIRECTS:
                break
            following = _parse_target(location, target)
            if status == 303 or (status in (301, 302) and method == "POST"):
                method = "HEAD" if method == "HEAD" else "GET"
                body = None
                headers = _without(headers, ("content-type", "content-length"))
            if following.origin != target.origin:
                headers = _without(headers, _ORIGIN_BOUND_HEADERS)
            target = following
    except socket.timeout:
        raise WorkflowError("HTTP_TIMEOUT", "request to %s timed out after %d ms" % (target.authority, timeout_ms))
    except (OSError, ValueError, http.client.HTTPException) as error:
        raise WorkflowError("HTTP_FAILED", "request to %s failed: %s" % (target.authority, error))
    raise WorkflowError("HTTP_FAILED", "too many redirects (more than %d) starting from %s" % (MAX_REDIRECTS, url))

"""The engine's outbound HTTP policy (engine/sandbox/address-policy.ts), reproduced for generated programs: an
http_request may reach public unicast addresses only; loopback, private, link-local, shared, reserved and metadata
targets are refused unless HTTP_ALLOWLIST (comma-separated host names, IPs, CIDRs) names them. A deployed program's
inputs come from whoever calls it, so without this its http_request nodes would be a server-side request forgery.
Every resolved address of a name is checked before the request (a DNS answer that changes between the check and the
connection is not caught here; isolated deployments also cut the host's loopback at the network namespace)."""
import ipaddress
import os
import socket
import urllib.parse

from .scheduler import WorkflowError

_METADATA_HOSTNAMES = {"metadata.google.internal", "metadata.goog", "metadata"}
_GLOBAL_V6 = ipaddress.ip_network("2000::/3")
_SPECIAL_V6 = [ipaddress.ip_network(n) for n in ("2001::/23", "2001:db8::/32", "2002::/16")]


def _normalise(hostname):
    return hostname.strip("[]").rstrip(".").lower()


def refusal_reason(address):
    """Why connecting to `address` (an IP literal) is refused, or None when it is public."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "not an IP address"
    if ip.version == 6 and ip.ipv4_mapped is not None:
        inner = refusal_reason(str(ip.ipv4_mapped))
        return inner and "an IPv4-mapped form of " + inner
    if ip.version == 4:
        return None if ip.is_global and not ip.is_multicast else "a loopback, private, link-local or reserved IPv4 address"
    public = ip in _GLOBAL_V6 and not any(ip in n for n in _SPECIAL_V6)
    return None if public else "a loopback, private, link-local or reserved IPv6 address"


def _allow_list():
    names, ranges = set(), []
    for raw in os.environ.get("HTTP_ALLOWLIST", "").split(","):
        entry = _normalise(raw.strip())
        if not entry:
            continue
        try:
            ranges.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            names.add(entry)
    return names, ranges


def _forbidden(host, reason):
    return WorkflowError("HTTP_FORBIDDEN_TARGET", "refusing to connect to %s: %s (add it to HTTP_ALLOWLIST to permit it)" % (host, reason))


def check_target(url):
    """Raises HTTP_FORBIDDEN_TARGET unless every address `url` leads to may be reached."""
    host = _normalise(urllib.parse.urlsplit(url).hostname or "")
    names, ranges = _allow_list()

    def allowed(address):
        ip = ipaddress.ip_address(address)
        if ip.version == 6 and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        return any(ip.version == r.version and ip in r for r in ranges)

    def check(address, resolved):
        reason = refusal_reason(address)
        if reason and not allowed(address):
            raise _forbidden(host, "it resolves to %s, %s" % (address, reason) if resolved else reason)

    try:
        ipaddress.ip_address(host)
        return check(host, False)
    except ValueError:
        pass
    if host in names:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        raise _forbidden(host, "a loopback host name")
    if host in _METADATA_HOSTNAMES:
        raise _forbidden(host, "a cloud metadata service host name")
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as error:
        raise WorkflowError("HTTP_FAILED", "could not resolve host %s: %s" % (host, error))
    for info in infos:
        check(info[4][0].split("%")[0], True)
    return None

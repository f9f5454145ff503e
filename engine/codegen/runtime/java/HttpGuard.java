package workflowruntime;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import workflowruntime.Scheduler.WorkflowError;

/**
 * The engine's outbound HTTP guard (engine/sandbox/http-guard.ts, address-policy.ts), reproduced for generated
 * programs: an http_request may reach public unicast addresses only; loopback, private, link-local, shared, reserved
 * and metadata targets are refused (HTTP_FORBIDDEN_TARGET) unless HTTP_ALLOWLIST (comma-separated host names, IPs,
 * CIDRs) names them. A deployed program's inputs come from whoever calls it, so without this its http_request nodes
 * would be a server-side request forgery. As in the engine, every hop (the first request and each redirect) is checked
 * after DNS resolution, on every resolved address, and the socket is opened to one of those checked addresses only, so
 * a DNS answer that changes between check and connect (rebinding) cannot redirect it. java.net.http cannot be told
 * which address to connect to, hence the small HTTP/1.1 exchange below (TLS still verifies the URL's host name).
 */
final class HttpGuard {
  private HttpGuard() {}

  static final int MAX_REDIRECTS = 5;
  private static final Set<Integer> REDIRECT_STATUSES = Set.of(301, 302, 303, 307, 308);
  /** Credentials meant for one origin must not follow a redirect to another. */
  private static final List<String> ORIGIN_BOUND_HEADERS = List.of("authorization", "cookie", "proxy-authorization");
  /** Headers this client writes itself (java.net.http refused them too). */
  private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");
  private static final Set<String> METADATA_HOSTNAMES = Set.of("metadata.google.internal", "metadata.goog", "metadata");
  private static final List<byte[]> METADATA_ADDRESSES = List.of(ip("169.254.169.254"), ip("100.100.100.200"), ip("fd00:ec2::254"));
  private static final int MAX_LINE = 64 * 1024;

  /** A CIDR range and why addresses in it are refused. */
  private record Range(byte[] base, int bits, String reason) {}

  /** The special ranges of ipaddr.js (which the engine uses), in its order: the first match names the reason. */
  private static final List<Range> IPV4_RANGES = ranges(
      "the unspecified address", "0.0.0.0/8",
      "the broadcast address", "255.255.255.255/32",
      "a multicast address", "224.0.0.0/4",
      "a link-local address", "169.254.0.0/16",
      "a loopback address", "127.0.0.0/8",
      "a carrier-grade NAT (shared) address", "100.64.0.0/10",
      "a private-network address", "10.0.0.0/8 172.16.0.0/12 192.168.0.0/16",
      "a reserved IPv4 address (reserved)", "192.0.0.0/24 192.0.2.0/24 192.88.99.0/24 198.18.0.0/15 198.51.100.0/24 203.0.113.0/24 240.0.0.0/4",
      "a reserved IPv4 address (as112)", "192.175.48.0/24 192.31.196.0/24",
      "a reserved IPv4 address (amt)", "192.52.193.0/24");
  private static final List<Range> IPV6_RANGES = ranges(
      "the IPv6 unspecified address", "::/128",
      "an IPv6 link-local address", "fe80::/10",
      "an IPv6 multicast address", "ff00::/8",
      "the IPv6 loopback address", "::1/128",
      "an IPv6 unique-local (private) address", "fc00::/7",
      "an IPv6 site-local address", "fec0::/10",
      "a reserved IPv6 address (discard)", "100::/64",
      "an IPv6 address that embeds an IPv4 address (SIIT)", "::ffff:0:0:0/96",
      "an IPv6 address that embeds an IPv4 address (NAT64)", "64:ff9b::/96 64:ff9b:1::/48",
      "an IPv6 address that embeds an IPv4 address (6to4)", "2002::/16",
      "an IPv6 address that embeds an IPv4 address (Teredo)", "2001::/32",
      "a reserved IPv6 address (benchmarking)", "2001:2::/48",
      "a reserved IPv6 address (amt)", "2001:3::/32",
      "a reserved IPv6 address (as112v6)", "2001:4:112::/48 2620:4f:8000::/48",
      "a reserved IPv6 address (deprecatedOrchid)", "2001:10::/28",
      "a reserved IPv6 address (orchid2)", "2001:20::/28",
      "a reserved IPv6 address (droneRemoteIdProtocolEntityTags)", "2001:30::/28",
      "a reserved IPv6 address (segmentRouting)", "5f00::/16",
      "a reserved IPv6 address (reserved)", "2001::/23 2001:db8::/32 3fff::/20");
  private static final Range IPV6_GLOBAL_UNICAST = ranges("", "2000::/3").get(0);

  private static List<Range> ranges(String... reasonsAndCidrs) {
    List<Range> out = new ArrayList<>();
    for (int i = 0; i < reasonsAndCidrs.length; i += 2) {
      for (String cidr : reasonsAndCidrs[i + 1].split(" ")) {
        String[] parts = cidr.split("/");
        out.add(new Range(ip(parts[0]), Integer.parseInt(parts[1]), reasonsAndCidrs[i]));
      }
    }
    return out;
  }

  private static byte[] ip(String literal) {
    byte[] address = parseIpLiteral(literal);
    if (address == null) throw new IllegalArgumentException(literal);
    return address;
  }

  // ---- addresses ----

  static boolean inRange(byte[] address, byte[] base, int bits) {
    if (address.length != base.length) return false;
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((address[i / 8] & mask) != (base[i / 8] & mask)) return false;
    }
    return true;
  }

  static boolean isIpv4Mapped(byte[] address) {
    if (address.length != 16 || address[10] != (byte) 0xff || address[11] != (byte) 0xff) return false;
    for (int i = 0; i < 10; i++) if (address[i] != 0) return false;
    return true;
  }

  static byte[] unmapped(byte[] address) {
    return isIpv4Mapped(address) ? java.util.Arrays.copyOfRange(address, 12, 16) : address;
  }

  /** Why connecting to `address` (4 or 16 bytes) is refused, or null when it is a public unicast address. */
  static String refusalReason(byte[] address) {
    for (byte[] metadata : METADATA_ADDRESSES) if (java.util.Arrays.equals(metadata, address)) return "a cloud metadata service address";
    if (isIpv4Mapped(address)) {
      String inner = refusalReason(unmapped(address));
      return inner == null ? null : "an IPv4-mapped form of " + inner;
    }
    for (Range r : address.length == 4 ? IPV4_RANGES : IPV6_RANGES) if (inRange(address, r.base, r.bits)) return r.reason;
    if (address.length == 16 && !inRange(address, IPV6_GLOBAL_UNICAST.base, IPV6_GLOBAL_UNICAST.bits)) return "an IPv6 address outside global unicast space";
    return null;
  }

  /** Lower case, without IPv6 brackets or the DNS root dot, so `LOCALHOST.` and `localhost` compare equal. */
  static String normaliseHostname(String hostname) {
    if (hostname.startsWith("[") && hostname.endsWith("]")) hostname = hostname.substring(1, hostname.length() - 1);
    if (hostname.endsWith(".")) hostname = hostname.substring(0, hostname.length() - 1);
    return hostname.toLowerCase(Locale.ROOT);
  }

  /** One part of a WHATWG IPv4 address: decimal, 0x-hex or 0-octal; -1 when it is none of them. */
  private static long ipv4Number(String part) {
    int radix = 10;
    if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
      radix = 16;
      part = part.substring(2);
    } else if (part.length() >= 2 && part.charAt(0) == '0') {
      radix = 8;
      part = part.substring(1);
    }
    if (part.isEmpty()) return 0;
    if (part.length() > 12) return -1; // far beyond 2^32 in any radix
    for (char c : part.toCharArray()) if (Character.digit(c, radix) < 0 || c > 'z') return -1;
    return Long.parseLong(part, radix);
  }

  /** The WHATWG URL rule that makes a host an IPv4 address: its last label is a number. */
  private static boolean endsInNumber(String host) {
    List<String> parts = new ArrayList<>(List.of(host.split("\\.", -1)));
    if (parts.get(parts.size() - 1).isEmpty()) {
      if (parts.size() == 1) return false;
      parts.remove(parts.size() - 1);
    }
    String last = parts.get(parts.size() - 1);
    if (!last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9')) return true;
    return (last.startsWith("0x") || last.startsWith("0X")) && ipv4Number(last) >= 0;
  }

  /** The WHATWG URL IPv4 parser: 2130706433, 0x7f.1 and 0177.0.0.1 are all 127.0.0.1, as for the engine. */
  private static byte[] parseIpv4(String host) {
    List<String> parts = new ArrayList<>(List.of(host.split("\\.", -1)));
    if (parts.size() > 1 && parts.get(parts.size() - 1).isEmpty()) parts.remove(parts.size() - 1);
    if (parts.size() > 4) return null;
    long value = 0;
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).isEmpty()) return null;
      long n = ipv4Number(parts.get(i));
      boolean last = i == parts.size() - 1;
      if (n < 0 || (!last && n > 255) || (last && n >= 1L << (8 * (5 - parts.size())))) return null;
      value += last ? n : n << (8 * (3 - i));
    }
    return new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
  }

  /** An RFC 4291 IPv6 address (an IPv4 tail allowed), or null. No zone: URLs cannot carry one. */
  private static byte[] parseIpv6(String text) {
    int compress = text.indexOf("::");
    if (compress >= 0 && text.indexOf("::", compress + 1) >= 0) return null;
    List<Integer> head = new ArrayList<>(), tail = new ArrayList<>();
    if (!ipv6Pieces(compress < 0 ? text : text.substring(0, compress), head, compress < 0)) return null;
    if (compress >= 0 && !ipv6Pieces(text.substring(compress + 2), tail, true)) return null;
    int total = head.size() + tail.size();
    if (compress < 0 ? total != 8 : total > 7) return null;
    byte[] out = new byte[16];
    for (int i = 0; i < head.size(); i++) setPiece(out, i, head.get(i));
    for (int i = 0; i < tail.size(); i++) setPiece(out, 8 - tail.size() + i, tail.get(i));
    return out;
  }

  private static void setPiece(byte[] out, int index, int piece) {
    out[2 * index] = (byte) (piece >> 8);
    out[2 * index + 1] = (byte) piece;
  }

  private static boolean ipv6Pieces(String text, List<Integer> pieces, boolean ipv4TailAllowed) {
    if (text.isEmpty()) return true;
    String[] parts = text.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (i == parts.length - 1 && ipv4TailAllowed && part.contains(".")) {
        String[] octets = part.split("\\.", -1);
        if (octets.length != 4) return false;
        int[] value = new int[4];
        for (int j = 0; j < 4; j++) {
          if (!octets[j].matches("0|[1-9][0-9]{0,2}") || Integer.parseInt(octets[j]) > 255) return false;
          value[j] = Integer.parseInt(octets[j]);
        }
        pieces.add(value[0] << 8 | value[1]);
        pieces.add(value[2] << 8 | value[3]);
      } else {
        if (!part.matches("[0-9A-Fa-f]{1,4}")) return false;
        pieces.add(Integer.parseInt(part, 16));
      }
    }
    return true;
  }

  /** An IPv4 (any WHATWG form) or IPv6 literal, brackets optional; null when the text is not one. */
  static byte[] parseIpLiteral(String text) {
    text = normaliseHostname(text);
    if (text.contains(":")) return parseIpv6(text);
    return text.isEmpty() || !endsInNumber(text) ? null : parseIpv4(text);
  }

  /** An address as WHATWG URLs write it: dotted IPv4; IPv6 in lower-case hex, the longest run of zeros compressed. */
  static String format(byte[] address) {
    if (address.length == 4) return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
    int[] pieces = new int[8];
    for (int i = 0; i < 8; i++) pieces[i] = (address[2 * i] & 0xff) << 8 | (address[2 * i + 1] & 0xff);
    int bestStart = -1, bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && pieces[j] == 0) j++;
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? j + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') out.append(':');
      out.append(Integer.toHexString(pieces[i]));
    }
    return out.toString();
  }

  /**
   * The engine's (WHATWG) reading of a URL's host: lower case, an IPv4 address in any legacy numeric form as a dotted
   * quad, an IPv6 address compressed (with its brackets); null when WHATWG would refuse the host.
   */
  static String canonicalHost(String host) {
    if (host.startsWith("[")) {
      byte[] address = host.endsWith("]") ? parseIpv6(host.substring(1, host.length() - 1)) : null;
      return address == null ? null : "[" + format(address) + "]";
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.isEmpty()) return null;
    for (char c : host.toCharArray()) {
      // Non-ASCII would need IDNA; the rest are the WHATWG forbidden domain code points.
      if (c > 0x7e || c <= 0x20 || "#%/:<>?@[\\]^|".indexOf(c) >= 0) return null;
    }
    if (!endsInNumber(host)) return host;
    byte[] address = parseIpv4(host);
    return address == null ? null : format(address);
  }

  // ---- the allow-list ----

  /**
   * HTTP_ALLOWLIST: host names (exact), IP addresses and CIDR ranges. An allow-listed host name permits whatever it
   * resolves to (the operator vouches for the name); an allow-listed address or range permits that address.
   */
  record AllowList(Set<String> names, List<Range> ranges) {
    static AllowList fromEnv() {
      AllowList list = new AllowList(new HashSet<>(), new ArrayList<>());
      String raw = System.getenv("HTTP_ALLOWLIST");
      for (String item : (raw == null ? "" : raw).split(",")) {
        String entry = normaliseHostname(item.trim());
        if (entry.isEmpty()) continue;
        int slash = entry.indexOf('/');
        byte[] address = parseIpLiteral(slash < 0 ? entry : entry.substring(0, slash));
        if (address != null && slash >= 0) {
          String bits = entry.substring(slash + 1);
          if (bits.matches("[0-9]{1,3}") && Integer.parseInt(bits) <= address.length * 8) list.ranges.add(new Range(address, Integer.parseInt(bits), ""));
        } else if (address != null) {
          list.ranges.add(new Range(address, address.length * 8, ""));
        } else if (slash < 0) {
          list.names.add(entry);
        }
      }
      return list;
    }

    /** An IPv4-mapped IPv6 address counts as its IPv4 address, so "127.0.0.1" also allows ::ffff:127.0.0.1. */
    boolean allowsAddress(byte[] address) {
      byte[] plain = unmapped(address);
      return ranges.stream().anyMatch(r -> inRange(plain, r.base, r.bits));
    }
  }

  // ---- URLs ----

  /** A URL as the guard reads it: scheme, canonical host, port and the request target (path and query). */
  record Target(String scheme, String host, int port, String requestTarget) {
    String hostname() {
      return normaliseHostname(host);
    }

    String authority() {
      boolean defaultPort = port == (scheme.equals("https") ? 443 : 80);
      return defaultPort ? host : host + ":" + port;
    }

    String origin() {
      return scheme + "://" + authority();
    }
  }

  /** Characters java.net.URI refuses but URLs in the wild (and WHATWG parsers) carry: sent percent-encoded. */
  private static String lenient(String url) {
    StringBuilder out = new StringBuilder();
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) out.append((char) c);
      else out.append('%').append(String.format("%02X", c));
    }
    return out.toString();
  }

  /** Reads a URL (relative to `base` for a redirect) as the engine's guard does: http(s) only, its host canonical; null if invalid. */
  static Target parse(String raw, Target base) {
    URI uri;
    try {
      uri = new URI(lenient(raw));
      if (base != null) {
        String basePath = base.requestTarget.replaceFirst("\\?.*", "");
        // java.net.URI resolves "?q" against the base's directory; RFC 3986 (and WHATWG) keep the base's path.
        uri = raw.startsWith("?") ? new URI(base.scheme + "://" + base.authority() + basePath + lenient(raw)) : new URI(base.scheme + "://" + base.authority() + base.requestTarget).resolve(uri);
      }
    } catch (URISyntaxException error) {
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new WorkflowError("HTTP_BAD_URL", "only http and https URLs are allowed, got " + scheme + " in " + Json.quote(raw));
    }
    String authority = uri.getRawAuthority();
    if (authority == null) return null;
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    int portAt = authority.startsWith("[") ? authority.indexOf(':', authority.indexOf(']')) : authority.lastIndexOf(':');
    String host = canonicalHost(portAt < 0 ? authority : authority.substring(0, portAt));
    String portText = portAt < 0 ? "" : authority.substring(portAt + 1);
    if (host == null || !portText.matches("[0-9]{0,5}") || (!portText.isEmpty() && Integer.parseInt(portText) > 65535)) return null;
    int port = portText.isEmpty() ? (scheme.equals("https") ? 443 : 80) : Integer.parseInt(portText);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new Target(scheme, host, port, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
  }

  private static Target parseOrFail(String raw, Target base) {
    Target target = parse(raw, base);
    if (target == null) throw new WorkflowError("HTTP_BAD_URL", "not a valid URL: " + Json.quote(raw));
    return target;
  }

  // ---- the check ----

  private static WorkflowError forbidden(String host, String reason) {
    return new WorkflowError("HTTP_FORBIDDEN_TARGET", "refusing to connect to " + host + ": " + reason + " (add it to HTTP_ALLOWLIST to permit it)");
  }

  /** Refuses before any connection is attempted; returns the addresses the connection may use. */
  static List<InetAddress> checkTarget(String host, AllowList allow) {
    byte[] literal = parseIpLiteral(host);
    if (literal != null) {
      String reason = refusalReason(literal);
      if (reason != null && !allow.allowsAddress(literal)) throw forbidden(host, reason);
      return List.of(address(literal));
    }
    boolean nameAllowed = allow.names.contains(host);
    if (!nameAllowed && (host.equals("localhost") || host.endsWith(".localhost"))) throw forbidden(host, "a loopback host name");
    if (!nameAllowed && METADATA_HOSTNAMES.contains(host)) throw forbidden(host, "a cloud metadata service host name");
    InetAddress[] found;
    try {
      found = InetAddress.getAllByName(host);
    } catch (UnknownHostException error) {
      throw new WorkflowError("HTTP_FAILED", "could not resolve host " + host + ": " + error.getMessage());
    }
    for (InetAddress address : found) {
      String reason = refusalReason(address.getAddress());
      if (!nameAllowed && reason != null && !allow.allowsAddress(address.getAddress())) {
        throw forbidden(host, "it resolves to " + format(address.getAddress()) + ", " + reason);
      }
    }
    return List.of(found);
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  // ---- the exchange ----

  /** A reply: status, headers (lower-case names, repeated ones joined with ", ") and the body as text. */
  record Reply(int status, Map<String, String> headers, String body) {}

  /**
   * http_request's request: every hop checked and pinned, at most 5 redirects followed as the engine follows them,
   * all within one deadline. Fails with the engine guard's codes.
   */
  static Reply send(String method, String url, Map<String, String> headers, String body, double timeoutMs) {
    long deadline = System.nanoTime() + (long) (timeoutMs * 1e6);
    AllowList allow = AllowList.fromEnv();
    Target target = parseOrFail(url, null);
    for (Map.Entry<String, String> header : headers.entrySet()) {
      // A line break would inject headers; the names this client writes itself would contradict it.
      boolean valid = header.getKey().matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+") && header.getValue().chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff));
      if (!valid || RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        throw new WorkflowError("HTTP_FAILED", "request to " + target.authority() + " failed: invalid or restricted header " + Json.quote(header.getKey()));
      }
    }
    try {
      for (int hop = 0; ; hop++) {
        List<InetAddress> addresses = checkTarget(target.hostname(), allow);
        if (System.nanoTime() >= deadline) throw new SocketTimeoutException("deadline");
        Reply reply = exchange(target, addresses, method, headers, body, deadline);
        String location = reply.headers.get("location");
        if (!REDIRECT_STATUSES.contains(reply.status) || location == null || location.isEmpty()) return reply;
        if (hop >= MAX_REDIRECTS) throw new WorkflowError("HTTP_FAILED", "too many redirects (more than " + MAX_REDIRECTS + ") starting from " + url);
        Target next = parseOrFail(location, target);
        if (reply.status == 303 || ((reply.status == 301 || reply.status == 302) && method.equals("POST"))) {
          method = method.equals("HEAD") ? "HEAD" : "GET";
          body = null;
          headers = without(headers, List.of("content-type", "content-length"));
        }
        if (!next.origin().equals(target.origin())) headers = without(headers, ORIGIN_BOUND_HEADERS);
        target = next;
      }
    } catch (SocketTimeoutException error) {
      throw new WorkflowError("HTTP_TIMEOUT", "request to " + target.authority() + " timed out after " + Rt.formatNumber(timeoutMs) + " ms");
    } catch (IOException error) {
      throw new WorkflowError("HTTP_FAILED", "request to " + target.authority() + " failed: " + error);
    }
  }

  private static Map<String, String> without(Map<String, String> headers, List<String> names) {
    Map<String, String> kept = new LinkedHashMap<>();
    headers.forEach((k, v) -> {
      if (!names.contains(k.toLowerCase(Locale.ROOT))) kept.put(k, v);
    });
    return kept;
  }

  private static int remainingMs(long deadline) throws SocketTimeoutException {
    long ms = (deadline - System.nanoTime()) / 1_000_000;
    if (ms <= 0) throw new SocketTimeoutException("deadline");
    return (int) Math.min(ms, Integer.MAX_VALUE);
  }

  /** Opens a socket to one of the checked addresses (no proxy), TLS verified against the URL's host name. */
  private static Socket connect(Target target, List<InetAddress> addresses, long deadline) throws IOException {
    IOException last = null;
    for (InetAddress address : addresses) {
      Socket socket = new Socket(Proxy.NO_PROXY);
      try {
        socket.connect(new InetSocketAddress(address, target.port), remainingMs(deadline));
        if (!target.scheme.equals("https")) return socket;
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, target.hostname(), target.port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (parseIpLiteral(target.hostname()) == null) parameters.setServerNames(List.of(new SNIHostName(target.hostname())));
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(remainingMs(deadline));
        tls.startHandshake();
        return tls;
      } catch (SocketTimeoutException error) {
        socket.close();
        throw error;
      } catch (IOException error) {
        socket.close();
        last = error;
      }
    }
    throw last;
  }

  private static Reply exchange(Target target, List<InetAddress> addresses, String method, Map<String, String> headers, String body, long deadline) throws IOException {
    try (Socket socket = connect(target, addresses, deadline)) {
      byte[] payload = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method).append(' ').append(target.requestTarget).append(" HTTP/1.1\r\n");
      head.append("host: ").append(target.authority()).append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      // As undici: a length for every body, and 0 for the methods that expect one.
      if (payload != null || method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
        head.append("content-length: ").append(payload == null ? 0 : payload.length).append("\r\n");
      }
      head.append("connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (payload != null) out.write(payload);
      out.flush();
      InputStream in = new BufferedInputStream(new DeadlineStream(socket, deadline));
      int status;
      Map<String, List<String>> received;
      do {
        String statusLine = readLine(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) throw new IOException("malformed status line " + Json.quote(statusLine));
        status = Integer.parseInt(parts[1]);
        received = new TreeMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
          int colon = line.indexOf(':');
          if (colon <= 0) throw new IOException("malformed header line " + Json.quote(line));
          received.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
      } while (status >= 100 && status < 200 && status != 101); // interim replies (100 Continue, 103 Early Hints)
      Map<String, String> replyHeaders = new LinkedHashMap<>();
      received.forEach((k, v) -> replyHeaders.put(k, String.join(", ", v)));
      if (REDIRECT_STATUSES.contains(status) && replyHeaders.containsKey("location")) return new Reply(status, replyHeaders, "");
      byte[] content = readBody(in, method, status, replyHeaders);
      return new Reply(status, replyHeaders, new String(content, StandardCharsets.UTF_8));
    }
  }

  private static byte[] readBody(InputStream in, String method, int status, Map<String, String> headers) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (method.equals("HEAD") || status == 204 || status == 304 || status < 200) return body.toByteArray();
    String encoding = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
    if (encoding.contains("chunked")) {
      while (true) {
        String sizeLine = readLine(in);
        int extension = sizeLine.indexOf(';');
        String size = (extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim();
        if (!size.matches("[0-9A-Fa-f]{1,8}")) throw new IOException("malformed chunk size " + Json.quote(sizeLine));
        long n = Long.parseLong(size, 16);
        if (n == 0) break;
        copy(in, body, n);
        readLine(in);
      }
      while (!readLine(in).isEmpty()) {
        // trailers
      }
    } else if (headers.containsKey("content-length")) {
      String length = headers.get("content-length").split(",")[0].trim();
      if (!length.matches("[0-9]{1,18}")) throw new IOException("malformed content-length " + Json.quote(length));
      copy(in, body, Long.parseLong(length));
    } else {
      in.transferTo(body);
    }
    return body.toByteArray();
  }

  private static void copy(InputStream in, ByteArrayOutputStream out, long n) throws IOException {
    byte[] buffer = new byte[8192];
    while (n > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
      if (read < 0) throw new EOFException("the connection closed before the end of the body");
      out.write(buffer, 0, read);
      n -= read;
    }
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) throw new EOFException("the connection closed mid-reply");
      if (line.length() >= MAX_LINE) throw new IOException("a reply line longer than " + MAX_LINE + " bytes");
      line.append((char) c);
    }
    int end = line.length();
    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
  }

  /** Every socket read waits at most until the request's deadline (one deadline across all hops, as the engine's). */
  private static final class DeadlineStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final long deadline;

    DeadlineStream(Socket socket, long deadline) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
      socket.setSoTimeout(remainingMs(deadline));
      return in.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      socket.setSoTimeout(remainingMs(deadline));
      return in.read(buffer, offset, length);
    }
  }
}

package rt

// The engine's outbound HTTP guard (engine/sandbox/http-guard.ts, address-policy.ts), reproduced for generated
// programs: an http_request may reach public unicast addresses only; loopback, private, link-local, shared, reserved
// and metadata targets are refused (HTTP_FORBIDDEN_TARGET) unless HTTP_ALLOWLIST (comma-separated host names, IPs,
// CIDRs) names them. A deployed program's inputs come from whoever calls it, so without this its http_request nodes
// would be a server-side request forgery. As in the engine, every hop (the first request and each redirect) is
// checked after DNS resolution, on every resolved address, and the socket is then opened to one of those checked
// addresses only, so a DNS answer that changes between check and connect (rebinding) cannot redirect it.

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

const maxRedirects = 5

var (
	metadataAddresses = map[string]bool{"169.254.169.254": true, "100.100.100.200": true, "fd00:ec2::254": true}
	metadataHostnames = map[string]bool{"metadata.google.internal": true, "metadata.goog": true, "metadata": true}
	redirectStatuses  = map[int]bool{301: true, 302: true, 303: true, 307: true, 308: true}
	// Credentials meant for one origin must not follow a redirect to another.
	originBoundHeaders = []string{"authorization", "cookie", "proxy-authorization"}
)

type addressRange struct {
	prefixes []netip.Prefix
	reason   string
}

func ranges(reason string, cidrs ...string) addressRange {
	r := addressRange{reason: reason}
	for _, cidr := range cidrs {
		r.prefixes = append(r.prefixes, netip.MustParsePrefix(cidr))
	}
	return r
}

// The special ranges of ipaddr.js (which the engine uses), in its order: the first match names the reason.
var (
	ipv4Ranges = []addressRange{
		ranges("the unspecified address", "0.0.0.0/8"),
		ranges("the broadcast address", "255.255.255.255/32"),
		ranges("a multicast address", "224.0.0.0/4"),
		ranges("a link-local address", "169.254.0.0/16"),
		ranges("a loopback address", "127.0.0.0/8"),
		ranges("a carrier-grade NAT (shared) address", "100.64.0.0/10"),
		ranges("a private-network address", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"),
		ranges("a reserved IPv4 address (reserved)", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4"),
		ranges("a reserved IPv4 address (as112)", "192.175.48.0/24", "192.31.196.0/24"),
		ranges("a reserved IPv4 address (amt)", "192.52.193.0/24"),
	}
	ipv6Ranges = []addressRange{
		ranges("the IPv6 unspecified address", "::/128"),
		ranges("an IPv6 link-local address", "fe80::/10"),
		ranges("an IPv6 multicast address", "ff00::/8"),
		ranges("the IPv6 loopback address", "::1/128"),
		ranges("an IPv6 unique-local (private) address", "fc00::/7"),
		ranges("an IPv6 site-local address", "fec0::/10"),
		ranges("a reserved IPv6 address (discard)", "100::/64"),
		ranges("an IPv6 address that embeds an IPv4 address (SIIT)", "::ffff:0:0:0/96"),
		ranges("an IPv6 address that embeds an IPv4 address (NAT64)", "64:ff9b::/96", "64:ff9b:1::/48"),
		ranges("an IPv6 address that embeds an IPv4 address (6to4)", "2002::/16"),
		ranges("an IPv6 address that embeds an IPv4 address (Teredo)", "2001::/32"),
		ranges("a reserved IPv6 address (benchmarking)", "2001:2::/48"),
		ranges("a reserved IPv6 address (amt)", "2001:3::/32"),
		ranges("a reserved IPv6 address (as112v6)", "2001:4:112::/48", "2620:4f:8000::/48"),
		ranges("a reserved IPv6 address (deprecatedOrchid)", "2001:10::/28"),
		ranges("a reserved IPv6 address (orchid2)", "2001:20::/28"),
		ranges("a reserved IPv6 address (droneRemoteIdProtocolEntityTags)", "2001:30::/28"),
		ranges("a reserved IPv6 address (segmentRouting)", "5f00::/16"),
		ranges("a reserved IPv6 address (reserved)", "2001::/23", "2001:db8::/32", "3fff::/20"),
	}
	ipv6GlobalUnicast = netip.MustParsePrefix("2000::/3")
)

// refusalReason says why connecting to `address` is refused, or "" when it is a public unicast address.
func refusalReason(address netip.Addr) string {
	address = address.WithZone("")
	if metadataAddresses[address.String()] {
		return "a cloud metadata service address"
	}
	if address.Is4In6() {
		if inner := refusalReason(address.Unmap()); inner != "" {
			return "an IPv4-mapped form of " + inner
		}
		return ""
	}
	table := ipv4Ranges
	if address.Is6() {
		table = ipv6Ranges
	}
	for _, r := range table {
		for _, prefix := range r.prefixes {
			if prefix.Contains(address) {
				return r.reason
			}
		}
	}
	if address.Is6() && !ipv6GlobalUnicast.Contains(address) {
		return "an IPv6 address outside global unicast space"
	}
	return ""
}

// normaliseHostname: lower case, without IPv6 brackets or the DNS root dot, so `LOCALHOST.` and `localhost` compare equal.
func normaliseHostname(hostname string) string {
	if strings.HasPrefix(hostname, "[") && strings.HasSuffix(hostname, "]") {
		hostname = hostname[1 : len(hostname)-1]
	}
	return strings.ToLower(strings.TrimSuffix(hostname, "."))
}

// ipv4Number reads one part of a WHATWG IPv4 address: decimal, 0x-hex or 0-octal.
func ipv4Number(part string) (uint64, bool) {
	base := 10
	if len(part) >= 2 && (part[:2] == "0x" || part[:2] == "0X") {
		base, part = 16, part[2:]
	} else if len(part) >= 2 && part[0] == '0' {
		base, part = 8, part[1:]
	}
	if part == "" {
		return 0, true
	}
	n, err := strconv.ParseUint(part, base, 64)
	return n, err == nil && !strings.ContainsAny(part, "+-_")
}

// endsInNumber is the WHATWG URL rule that makes a host an IPv4 address: its last label is a number.
func endsInNumber(host string) bool {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" {
		if len(parts) == 1 {
			return false
		}
		parts = parts[:len(parts)-1]
	}
	last := parts[len(parts)-1]
	if last != "" && strings.Trim(last, "0123456789") == "" {
		return true
	}
	_, ok := ipv4Number(last)
	return ok && len(last) >= 2 && (last[:2] == "0x" || last[:2] == "0X")
}

// parseIPv4 is the WHATWG URL IPv4 parser: 2130706433, 0x7f.1 and 0177.0.0.1 are all 127.0.0.1, as for the engine.
func parseIPv4(host string) (netip.Addr, bool) {
	parts := strings.Split(host, ".")
	if parts[len(parts)-1] == "" && len(parts) > 1 {
		parts = parts[:len(parts)-1]
	}
	if len(parts) > 4 {
		return netip.Addr{}, false
	}
	var value uint64
	for i, part := range parts {
		if part == "" {
			return netip.Addr{}, false
		}
		n, ok := ipv4Number(part)
		last := i == len(parts)-1
		if !ok || (!last && n > 255) || (last && n >= 1<<(8*(5-len(parts)))) {
			return netip.Addr{}, false
		}
		if last {
			value += n
		} else {
			value += n << (8 * (3 - i))
		}
	}
	return netip.AddrFrom4([4]byte{byte(value >> 24), byte(value >> 16), byte(value >> 8), byte(value)}), true
}

// parseIPLiteral reads an IPv4 (any WHATWG form) or IPv6 literal, brackets optional.
func parseIPLiteral(text string) (netip.Addr, bool) {
	text = normaliseHostname(text)
	if strings.Contains(text, ":") {
		address, err := netip.ParseAddr(text)
		return address, err == nil && address.Zone() == ""
	}
	if !endsInNumber(text) {
		return netip.Addr{}, false
	}
	return parseIPv4(text)
}

// serialiseIPv6 writes an address as WHATWG URLs do: lower-case hex, the longest run of zeros compressed, no dotted tail.
func serialiseIPv6(address netip.Addr) string {
	bytes := address.As16()
	var pieces [8]uint16
	for i := range pieces {
		pieces[i] = uint16(bytes[2*i])<<8 | uint16(bytes[2*i+1])
	}
	bestStart, bestLength := -1, 1
	for i := 0; i < 8; {
		j := i
		for j < 8 && pieces[j] == 0 {
			j++
		}
		if j-i > bestLength {
			bestStart, bestLength = i, j-i
		}
		if j == i {
			j++
		}
		i = j
	}
	var out strings.Builder
	for i := 0; i < 8; i++ {
		if i == bestStart {
			out.WriteString("::")
			i += bestLength - 1
			continue
		}
		if out.Len() > 0 && !strings.HasSuffix(out.String(), ":") {
			out.WriteByte(':')
		}
		out.WriteString(strconv.FormatUint(uint64(pieces[i]), 16))
	}
	return out.String()
}

// canonicalHost is the engine's (WHATWG) reading of a URL's host: lower case, an IPv4 address in any legacy numeric
// form as a dotted quad, an IPv6 address compressed (with its brackets). False when WHATWG would refuse the host.
func canonicalHost(host string) (string, bool) {
	if strings.HasPrefix(host, "[") {
		address, ok := parseIPLiteral(host)
		if !ok || !address.Is6() {
			return "", false
		}
		return "[" + serialiseIPv6(address) + "]", true
	}
	host = strings.ToLower(host)
	for _, r := range host {
		// Non-ASCII would need IDNA (not in Go's standard library); the WHATWG forbidden domain code points.
		if r > 0x7e || r <= 0x20 || strings.ContainsRune("#%/:<>?@[\\]^|", r) {
			return "", false
		}
	}
	if host == "" {
		return "", false
	}
	if endsInNumber(host) {
		address, ok := parseIPv4(host)
		if !ok {
			return "", false
		}
		return address.String(), true
	}
	return host, true
}

// allowList is HTTP_ALLOWLIST: host names (exact), IP addresses and CIDR ranges. An allow-listed host name permits
// whatever it resolves to (the operator vouches for the name); an allow-listed address or range permits that address.
type allowList struct {
	names  map[string]bool
	ranges []netip.Prefix
}

func readAllowList() allowList {
	list := allowList{names: map[string]bool{}}
	for _, raw := range strings.Split(os.Getenv("HTTP_ALLOWLIST"), ",") {
		entry := normaliseHostname(strings.TrimSpace(raw))
		if entry == "" {
			continue
		}
		base, bits, isRange := strings.Cut(entry, "/")
		address, isAddress := parseIPLiteral(base)
		switch {
		case isRange && isAddress:
			if n, err := strconv.Atoi(bits); err == nil && n >= 0 && n <= address.BitLen() {
				list.ranges = append(list.ranges, netip.PrefixFrom(address, n).Masked())
			}
		case isAddress:
			list.ranges = append(list.ranges, netip.PrefixFrom(address, address.BitLen()))
		case !isRange:
			list.names[entry] = true
		}
	}
	return list
}

// allowsAddress: an IPv4-mapped IPv6 address counts as its IPv4 address, so "127.0.0.1" also allows ::ffff:127.0.0.1.
func (a allowList) allowsAddress(address netip.Addr) bool {
	address = address.WithZone("").Unmap()
	for _, prefix := range a.ranges {
		if prefix.Addr().Is4() == address.Is4() && prefix.Contains(address) {
			return true
		}
	}
	return false
}

func forbidden(host, reason string) {
	Fail("HTTP_FORBIDDEN_TARGET", "refusing to connect to "+host+": "+reason+" (add it to HTTP_ALLOWLIST to permit it)")
}

// checkTarget refuses before any connection is attempted; it returns the addresses the connection may use, or the
// resolver's error.
func checkTarget(ctx context.Context, host string, allow allowList) ([]netip.Addr, error) {
	host = normaliseHostname(host)
	assertAllowed := func(address netip.Addr, resolved bool) {
		if reason := refusalReason(address); reason != "" && !allow.allowsAddress(address) {
			if resolved {
				reason = "it resolves to " + address.WithZone("").String() + ", " + reason
			}
			forbidden(host, reason)
		}
	}
	if address, ok := parseIPLiteral(host); ok {
		assertAllowed(address, false)
		return []netip.Addr{address}, nil
	}
	nameAllowed := allow.names[host]
	if !nameAllowed && (host == "localhost" || strings.HasSuffix(host, ".localhost")) {
		forbidden(host, "a loopback host name")
	}
	if !nameAllowed && metadataHostnames[host] {
		forbidden(host, "a cloud metadata service host name")
	}
	found, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err == nil && len(found) == 0 {
		err = errors.New("no addresses")
	}
	if err != nil {
		return nil, err
	}
	for i, address := range found {
		found[i] = address.Unmap() // Go may answer IPv4 in its IPv6-mapped form
		if !nameAllowed {
			assertAllowed(found[i], true)
		}
	}
	return found, nil
}

// parseTarget reads a URL (relative to `base` for a redirect) as the engine's guard does: http(s) only, its host canonical.
func parseTarget(raw string, base *url.URL) *url.URL {
	target, err := url.Parse(raw)
	if err == nil && base != nil {
		target = base.ResolveReference(target)
	}
	if err == nil && target.Scheme != "http" && target.Scheme != "https" {
		Fail("HTTP_BAD_URL", "only http and https URLs are allowed, got "+target.Scheme+" in "+Quote(raw))
	}
	if err != nil {
		Fail("HTTP_BAD_URL", "not a valid URL: "+Quote(raw))
	}
	hostname := target.Hostname()
	if strings.HasPrefix(target.Host, "[") {
		hostname = "[" + hostname + "]"
	}
	host, ok := canonicalHost(hostname)
	if !ok {
		Fail("HTTP_BAD_URL", "not a valid URL: "+Quote(raw))
	}
	if port := target.Port(); port != "" && !((target.Scheme == "http" && port == "80") || (target.Scheme == "https" && port == "443")) {
		host += ":" + port
	}
	target.Host = host
	return target
}

// pinnedTransport opens connections to `host` only, and only at the addresses checked for it; one per hop, so no
// pooled connection from an earlier (differently checked) hop is reused, and no proxy is consulted. No gzip either:
// the engine neither asks for nor decodes it.
func pinnedTransport(host string, addresses []netip.Addr) *http.Transport {
	dialer := &net.Dialer{}
	return &http.Transport{
		Proxy:              nil,
		DisableKeepAlives:  true,
		DisableCompression: true,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			dialed, port, err := net.SplitHostPort(addr)
			if err != nil || normaliseHostname(dialed) != normaliseHostname(host) {
				return nil, &forbiddenDial{"refusing to connect to " + dialed + ": it is not the checked host " + host}
			}
			var last error
			for _, address := range addresses {
				conn, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(address.WithZone("").String(), port))
				if err == nil {
					return conn, nil
				}
				last = err
			}
			return nil, last
		},
	}
}

type forbiddenDial struct{ message string }

func (f *forbiddenDial) Error() string { return f.message }

// guardedSend is http_request's request: every hop checked and pinned, at most 5 redirects followed as the engine
// follows them, all within one deadline. Fails with the engine guard's codes.
func guardedSend(method string, target *url.URL, headers map[string]string, body *string, timeoutMs float64) (int, http.Header, string) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(timeoutMs*float64(time.Millisecond)))
	defer cancel()
	start := target.String()
	current := parseTarget(start, nil)
	allow := readAllowList()
	fail := func(err error) {
		var refused *forbiddenDial
		switch {
		case errors.As(err, &refused):
			Fail("HTTP_FORBIDDEN_TARGET", refused.message)
		case ctx.Err() == context.DeadlineExceeded || isTimeout(err):
			Fail("HTTP_TIMEOUT", "request to "+current.Host+" timed out after "+FormatNumber(timeoutMs)+" ms")
		default:
			Fail("HTTP_FAILED", "request to "+current.Host+" failed: "+err.Error())
		}
	}
	for hop := 0; ; hop++ {
		if ctx.Err() != nil {
			fail(ctx.Err())
		}
		addresses, err := checkTarget(ctx, current.Hostname(), allow)
		if err != nil && ctx.Err() == nil {
			Fail("HTTP_FAILED", "could not resolve host "+normaliseHostname(current.Hostname())+": "+err.Error())
		} else if err != nil {
			fail(err)
		}
		var reader io.Reader
		if body != nil {
			reader = strings.NewReader(*body)
		}
		request, err := http.NewRequestWithContext(ctx, method, current.String(), reader)
		if err != nil {
			fail(err)
		}
		for k, v := range headers {
			request.Header.Set(k, v)
		}
		transport := pinnedTransport(current.Hostname(), addresses)
		client := &http.Client{Transport: transport, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		response, err := client.Do(request)
		if err != nil {
			fail(err)
		}
		location := response.Header.Get("location")
		if !redirectStatuses[response.StatusCode] || location == "" {
			data, err := io.ReadAll(response.Body)
			response.Body.Close()
			if err != nil {
				fail(err)
			}
			return response.StatusCode, response.Header, strings.ToValidUTF8(string(data), "\uFFFD")
		}
		response.Body.Close()
		transport.CloseIdleConnections()
		if hop >= maxRedirects {
			Fail("HTTP_FAILED", "too many redirects (more than "+strconv.Itoa(maxRedirects)+") starting from "+start)
		}
		next := parseTarget(location, current)
		if response.StatusCode == 303 || ((response.StatusCode == 301 || response.StatusCode == 302) && method == "POST") {
			if method != "HEAD" {
				method = "GET"
			}
			body = nil
			headers = withoutHeaders(headers, "content-type", "content-length")
		}
		if next.Scheme != current.Scheme || next.Host != current.Host {
			headers = withoutHeaders(headers, originBoundHeaders...)
		}
		current = next
	}
}

func withoutHeaders(headers map[string]string, names ...string) map[string]string {
	kept := map[string]string{}
	for k, v := range headers {
		drop := false
		for _, name := range names {
			drop = drop || strings.EqualFold(k, name)
		}
		if !drop {
			kept[k] = v
		}
	}
	return kept
}

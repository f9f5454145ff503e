package rt

// Text as JavaScript sees it: numbers printed by ECMAScript Number::toString, strings as UTF-16 code units (stored
// as WTF-8 so that lone surrogates survive), JSON string quoting as JSON.stringify, and JavaScript's case mapping
// and whitespace.

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FormatNumber is ECMAScript Number::toString (SPEC §4.1), from Go's shortest round-trip digits.
func FormatNumber(x float64) string {
	if x == 0 {
		return "0"
	}
	if x < 0 {
		return "-" + FormatNumber(-x)
	}
	text := strconv.FormatFloat(x, 'e', -1, 64) // d.ddde±xx
	at := strings.IndexByte(text, 'e')
	exponent, _ := strconv.Atoi(text[at+1:])
	digits := strings.TrimRight(strings.Replace(text[:at], ".", "", 1), "0")
	n, k := exponent+1, len(digits)
	switch {
	case k <= n && n <= 21:
		return digits + strings.Repeat("0", n-k)
	case 0 < n && n <= 21:
		return digits[:n] + "." + digits[n:]
	case -6 < n && n <= 0:
		return "0." + strings.Repeat("0", -n) + digits
	}
	mantissa := digits[:1]
	if k > 1 {
		mantissa += "." + digits[1:]
	}
	sign := "+"
	if n-1 < 0 {
		sign = "-"
	}
	e := n - 1
	if e < 0 {
		e = -e
	}
	return mantissa + "e" + sign + strconv.Itoa(e)
}

// wellFormed replaces each lone surrogate by U+FFFD, as the engine's fetch does when it encodes text as UTF-8
// (request bodies and query parameters).
func wellFormed(s string) string {
	if strings.IndexByte(s, 0xED) < 0 {
		return s
	}
	s = normalText(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := decodeWTF8(s, i)
		if r >= 0xD800 && r < 0xE000 {
			r = 0xFFFD
		}
		b.WriteRune(r)
		i += size
	}
	return b.String()
}

// decodeWTF8 returns the code point at s[i:] and its byte length; surrogates (ED A0..BF xx) are code points too.
func decodeWTF8(s string, i int) (rune, int) {
	b := s[i]
	if b < 0x80 {
		return rune(b), 1
	}
	if b >= 0xE0 && b < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return r, size
}

// utf16Len is the length in UTF-16 code units.
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b&0xC0 != 0x80 {
			n++
			if b >= 0xF0 {
				n++
			}
		}
	}
	return n
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// toUTF16 splits a string into UTF-16 code units.
func toUTF16(s string) []uint16 {
	units := make([]uint16, 0, len(s))
	for i := 0; i < len(s); {
		r, size := decodeWTF8(s, i)
		i += size
		if r >= 0x10000 {
			r -= 0x10000
			units = append(units, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		} else {
			units = append(units, uint16(r))
		}
	}
	return units
}

// fromUTF16 joins code units into WTF-8: pairs become one code point, lone surrogates stay (3 bytes each).
func fromUTF16(units []uint16) string {
	var b strings.Builder
	b.Grow(len(units))
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		if u >= 0xD800 && u < 0xDC00 && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] < 0xE000 {
			b.WriteRune(0x10000 + (u-0xD800)<<10 + rune(units[i+1]) - 0xDC00)
			i++
		} else if u >= 0xD800 && u < 0xE000 {
			b.Write([]byte{byte(0xE0 | u>>12), byte(0x80 | (u>>6)&0x3F), byte(0x80 | u&0x3F)})
		} else {
			b.WriteRune(u)
		}
	}
	return b.String()
}

// normalText rejoins surrogate halves that became adjacent (concatenating "\ud83d" and "\ude00" gives "😀").
func normalText(s string) string {
	if strings.IndexByte(s, 0xED) < 0 {
		return s
	}
	return fromUTF16(toUTF16(s))
}

func concatText(a, b string) string {
	if len(a) > 0 && len(b) > 0 && a[len(a)-1]&0xC0 == 0x80 && b[0] == 0xED {
		return normalText(a + b)
	}
	return a + b
}

// compareText orders strings by UTF-16 code units.
func compareText(a, b string) int {
	if isASCII(a) && isASCII(b) {
		return strings.Compare(a, b)
	}
	x, y := toUTF16(a), toUTF16(b)
	for i := 0; i < len(x) && i < len(y); i++ {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return len(x) - len(y)
}

const hexDigits = "0123456789abcdef"

// quoteJSON writes a JSON string literal exactly as ECMAScript JSON.stringify does.
func quoteJSON(b *strings.Builder, s string) {
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			switch c {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				if c < 0x20 {
					b.WriteString(`\u00`)
					b.WriteByte(hexDigits[c>>4])
					b.WriteByte(hexDigits[c&0xF])
				} else {
					b.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, size := decodeWTF8(s, i)
		if r >= 0xD800 && r < 0xE000 {
			b.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				b.WriteByte(hexDigits[(r>>uint(shift))&0xF])
			}
		} else if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
}

// Quote is a JSON string literal (error messages quote user text this way, as the engine does).
func Quote(s string) string {
	var b strings.Builder
	quoteJSON(&b, s)
	return b.String()
}

// isJSSpace: ECMAScript WhiteSpace and LineTerminator, what JavaScript's trim removes.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

func trimJS(s string) string { return strings.TrimFunc(s, isJSSpace) }

// upperJS / lowerJS: Unicode default case mapping as JavaScript's toUpperCase / toLowerCase, including the
// one-to-many mappings (ß → SS) and the final sigma, which Go's per-rune mapping lacks.
func upperJS(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := decodeWTF8(s, i)
		if special, ok := upperSpecial[r]; ok {
			b.WriteString(special)
		} else if r >= 0xD800 && r < 0xE000 {
			b.WriteString(s[i : i+size])
		} else {
			b.WriteRune(unicode.ToUpper(r))
		}
		i += size
	}
	return b.String()
}

func lowerJS(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := decodeWTF8(s, i)
		switch {
		case r == 'Σ' && finalSigma(s, i, size):
			b.WriteRune('ς')
		case r >= 0xD800 && r < 0xE000:
			b.WriteString(s[i : i+size])
		default:
			if special, ok := lowerSpecial[r]; ok {
				b.WriteString(special)
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
		}
		i += size
	}
	return b.String()
}

func caseIgnorable(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk) || r == '\'' || r == '.' || r == ':' || r == 0x2019
}

func cased(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) }

// finalSigma: Σ preceded by a cased letter and not followed by one (case-ignorable characters skipped).
func finalSigma(s string, at, size int) bool {
	before := false
	for _, r := range []rune(s[:at]) {
		if cased(r) {
			before = true
		} else if !caseIgnorable(r) {
			before = false
		}
	}
	if !before {
		return false
	}
	for _, r := range s[at+size:] {
		if caseIgnorable(r) {
			continue
		}
		return !cased(r)
	}
	return true
}

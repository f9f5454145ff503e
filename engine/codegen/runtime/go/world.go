package rt

// The outside world: an OpenAI-compatible LLM (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_EMBEDDING_MODEL,
// LLM_TIMEOUT_MS) and plain HTTP (through the outbound guard, http_guard.go), both through net/http. Same requests,
// replies and error codes as the builder.

import (
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

const llmHint = "set LLM_BASE_URL (e.g. http://127.0.0.1:1234/v1), LLM_API_KEY (if the server needs one) and LLM_MODEL"

func truncate(text string, n int) string {
	if units := toUTF16(text); len(units) > n {
		return fromUTF16(units[:n]) + "…"
	}
	return text
}

func isTimeout(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

// send makes one request without following redirects; it returns the status, headers and body text.
func send(method, target string, headers map[string]string, body *string, timeout time.Duration) (int, http.Header, string, error) {
	var reader io.Reader
	if body != nil {
		reader = strings.NewReader(*body)
	}
	request, err := http.NewRequest(method, target, reader)
	if err != nil {
		return 0, nil, "", err
	}
	for k, v := range headers {
		request.Header.Set(k, v)
	}
	client := &http.Client{Timeout: timeout, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	response, err := client.Do(request)
	if err != nil {
		return 0, nil, "", err
	}
	defer response.Body.Close()
	data, err := io.ReadAll(response.Body)
	if err != nil {
		return 0, nil, "", err
	}
	return response.StatusCode, response.Header, strings.ToValidUTF8(string(data), "\uFFFD"), nil
}

func llmBase() string {
	base := strings.TrimRight(strings.TrimSpace(os.Getenv("LLM_BASE_URL")), "/")
	if base == "" {
		Fail("LLM_NOT_CONFIGURED", "no LLM server is configured: "+llmHint)
	}
	return base
}

func llmPost(path string, payload *Object) any {
	base := llmBase()
	headers := map[string]string{"content-type": "application/json", "accept": "application/json"}
	if key := os.Getenv("LLM_API_KEY"); key != "" {
		headers["authorization"] = "Bearer " + key
	}
	timeoutMs, err := strconv.ParseFloat(os.Getenv("LLM_TIMEOUT_MS"), 64)
	if err != nil || timeoutMs <= 0 {
		timeoutMs = 60000
	}
	body := JSJSON(payload)
	status, _, text, err := send("POST", base+path, headers, &body, time.Duration(timeoutMs*float64(time.Millisecond)))
	if err != nil {
		if isTimeout(err) {
			Fail("LLM_TIMEOUT", "the LLM server at "+base+" did not answer "+path+" within "+FormatNumber(timeoutMs)+" ms")
		}
		Fail("LLM_UNREACHABLE", "could not reach the LLM server at "+base+": "+err.Error())
	}
	if status < 200 || status > 299 {
		detail := truncate(text, 500)
		if detail == "" {
			detail = "(empty body)"
		}
		Fail("LLM_HTTP_"+strconv.Itoa(status), "the LLM server answered "+path+" with HTTP "+strconv.Itoa(status)+": "+detail)
	}
	reply, err := ParseJSON(text)
	if err != nil {
		Fail("LLM_BAD_RESPONSE", "the LLM server's answer to "+path+" is malformed: the body is not JSON: "+truncate(text, 500))
	}
	return reply
}

func pickModel(requested any, fallback string) string {
	llmBase()
	if model, ok := requested.(string); ok && model != "" {
		return model
	}
	if fallback == "" {
		Fail("LLM_NOT_CONFIGURED", "no model chosen: name one on the node or set LLM_MODEL ("+llmHint+")")
	}
	return fallback
}

func chat(model any, messages []any, temperature, maxTokens any, jsonMode bool) string {
	payload := ObjectOf("model", pickModel(model, os.Getenv("LLM_MODEL")), "messages", messages).(*Object)
	if temperature != nil {
		payload.Set("temperature", temperature)
	}
	if maxTokens != nil {
		payload.Set("max_tokens", maxTokens)
	}
	if jsonMode {
		payload.Set("response_format", ObjectOf("type", "json_object"))
	}
	reply := llmPost("/chat/completions", payload)
	content, ok := Member(Index(Member(reply, "choices"), float64(0)), "message").(*Object)
	if ok {
		if text, isText := Member(content, "content").(string); isText {
			return text
		}
	}
	Fail("LLM_BAD_RESPONSE", "the LLM server's answer to /chat/completions is malformed: no choices[0].message.content string")
	return ""
}

func embed(model any, texts []any) []any {
	fallback := os.Getenv("LLM_EMBEDDING_MODEL")
	if fallback == "" {
		fallback = os.Getenv("LLM_MODEL")
	}
	chosen := pickModel(model, fallback)
	data, ok := Member(llmPost("/embeddings", ObjectOf("model", chosen, "input", texts).(*Object)), "data").([]any)
	bad := func(detail string) {
		Fail("LLM_BAD_RESPONSE", "the LLM server's answer to /embeddings is malformed: "+detail)
	}
	if !ok || len(data) != len(texts) {
		bad("expected " + strconv.Itoa(len(texts)) + " embeddings in \"data\"")
	}
	vectors := make([]any, len(texts))
	for position, item := range data {
		index := float64(position)
		if i, isNumber := Member(item, "index").(float64); isNumber {
			index = i
		}
		vector, isArray := Member(item, "embedding").([]any)
		valid := isArray && index == float64(int(index)) && index >= 0 && int(index) < len(vectors) && vectors[int(index)] == nil
		for _, x := range vector {
			if _, isNumber := x.(float64); !isNumber {
				valid = false
			}
		}
		if !valid {
			bad("item " + strconv.Itoa(position) + " is not a numeric embedding with a distinct index")
		}
		vectors[int(index)] = vector
	}
	return vectors
}

func labelFromReply(reply string, labels []any) (string, bool) {
	var candidate any = trimJS(reply)
	if parsed, err := ParseJSON(reply); err == nil {
		if object, ok := parsed.(*Object); ok {
			candidate, _ = object.Get("label")
		} else {
			candidate = parsed
		}
	}
	text, ok := candidate.(string)
	if !ok {
		return "", false
	}
	wanted := lowerJS(trimJS(text))
	for _, label := range labels {
		if s := label.(string); lowerJS(s) == wanted {
			return s, true
		}
	}
	return "", false
}

// CLlm sends the prompt (after an optional system message) to the chat model.
func CLlm(ctx *Ctx, c *Object) Ports {
	prompt := readValue(ctx, "prompt", "string")
	messages := []any{}
	if system := cfgString(c, "system"); system != "" {
		messages = append(messages, ObjectOf("role", "system", "content", system))
	}
	messages = append(messages, ObjectOf("role", "user", "content", prompt))
	jsonMode := cfgBool(c, "json")
	content := chat(cfg(c, "model"), messages, cfg(c, "temperature"), cfg(c, "maxTokens"), jsonMode)
	if !jsonMode {
		return Ports{"text": content}
	}
	if parsed, err := ParseJSON(content); err == nil {
		return Ports{"text": content, "json": parsed}
	}
	return Ports{"text": content}
}

// CClassifier asks the model for exactly one of config.labels.
func CClassifier(ctx *Ctx, c *Object) Ports {
	text := readValue(ctx, "text", "string")
	labels := cfg(c, "labels").([]any)
	lines := []string{"Classify the text given by the user into exactly one of these labels: " + JSJSON(labels)}
	if instructions := cfgString(c, "instructions"); instructions != "" {
		lines = append(lines, instructions)
	}
	lines = append(lines, "Reply with a JSON object only, of the form {\"label\": \"<one of the labels>\"}.")
	messages := []any{ObjectOf("role", "system", "content", strings.Join(lines, "\n")), ObjectOf("role", "user", "content", text)}
	content := chat(cfg(c, "model"), messages, float64(0), nil, true)
	label, ok := labelFromReply(content, labels)
	if !ok {
		names := make([]string, len(labels))
		for i, l := range labels {
			names[i] = l.(string)
		}
		ComponentFail("LLM_INVALID_RESPONSE", "the model replied "+Quote(truncate(content, 200))+", which names none of the labels "+strings.Join(names, ", "), ctx.NodeID)
	}
	return Ports{"label": label}
}

// CEmbedder embeds one text (`embedding`) or many (`embeddings`).
func CEmbedder(ctx *Ctx, c *Object) Ports {
	text := readValue(ctx, "text", "any")
	if s, single := text.(string); single {
		return Ports{"embedding": embed(cfg(c, "model"), []any{s})[0]}
	}
	if mismatch := typeMismatch(text, "array<string>"); mismatch != "" {
		ComponentFail("INVALID_INPUT", "input \"text\": expected a string or an array of strings ("+mismatch+")", ctx.NodeID)
	}
	texts := text.([]any)
	if len(texts) == 0 {
		return Ports{"embeddings": []any{}}
	}
	return Ports{"embeddings": embed(cfg(c, "model"), texts)}
}

var (
	httpScheme  = regexp.MustCompile(`(?i)^https?://`)
	// urlShape is the engine's URL shape check (engine/components/http_request.ts), the same in every language.
	urlShape = regexp.MustCompile(`^[Hh][Tt][Tt][Pp][Ss]?://(?:[^\x00-\x20\x7f/?#@\\]*@)?(?:[A-Za-z0-9._~!$&'()*+,;=%-]+|\[[0-9A-Fa-f:.]+\])(?::([0-9]*))?(?:[/?#][^\x00-\x20\x7f]*)?$`)
	jsonContent = regexp.MustCompile(`(?i)\bjson\b`)
)

func validURL(text string) bool {
	m := urlShape.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	port := strings.TrimLeft(m[1], "0")
	return len(port) < 5 || (len(port) == 5 && port <= "65535")
}

// CHTTPRequest calls an HTTP API and emits {status, headers, body, json?}.
func CHTTPRequest(ctx *Ctx, c *Object) Ports {
	method := cfgString(c, "method")
	baseURL := cfgString(c, "url")
	if value, ok := read(ctx, "url", "string", false); ok {
		baseURL = value.(string)
	}
	if baseURL == "" {
		ComponentFail("MISSING_INPUT", "no URL: set config.url or connect the \"url\" input", ctx.NodeID)
	}
	if !httpScheme.MatchString(baseURL) {
		ComponentFail("INVALID_INPUT", "URL "+Quote(baseURL)+" is not http(s)", ctx.NodeID)
	}
	if !validURL(baseURL) {
		ComponentFail("INVALID_INPUT", "URL "+Quote(baseURL)+" is not valid", ctx.NodeID)
	}
	target, err := url.Parse(baseURL)
	if err != nil || target.Host == "" {
		ComponentFail("INVALID_INPUT", "URL "+Quote(baseURL)+" is not valid", ctx.NodeID)
	}
	if query, ok := read(ctx, "query", "object", false); ok {
		var pairs []string
		for _, k := range query.(*Object).Keys() {
			value, _ := query.(*Object).Get(k)
			if value == nil {
				continue
			}
			text, isText := value.(string)
			if !isText {
				text = JSJSON(value)
			}
			pairs = append(pairs, url.QueryEscape(wellFormed(k))+"="+url.QueryEscape(wellFormed(text)))
		}
		if len(pairs) > 0 {
			if target.RawQuery != "" {
				target.RawQuery += "&"
			}
			target.RawQuery += strings.Join(pairs, "&")
		}
	}
	headers := map[string]string{}
	hasContentType := false
	if configured, ok := cfg(c, "headers").(*Object); ok {
		for _, k := range configured.Keys() {
			value, _ := configured.Get(k)
			headers[k], _ = value.(string)
			hasContentType = hasContentType || strings.EqualFold(k, "content-type")
		}
	}
	var body *string
	if raw, _ := ctx.Inputs.Get("body"); raw != nil {
		if method == "GET" || method == "HEAD" {
			ComponentFail("INVALID_INPUT", "a "+method+" request cannot have a body", ctx.NodeID)
		}
		text, isText := raw.(string)
		if !isText {
			text = JSJSON(raw)
			if !hasContentType {
				headers["content-type"] = "application/json"
			}
		}
		text = wellFormed(text)
		body = &text
	}
	status, replyHeaders, text := guardedSend(method, target, headers, body, cfgNumber(c, "timeoutMs"))
	if cfgBool(c, "failOnErrorStatus") && status >= 400 {
		ComponentFail("HTTP_ERROR", method+" "+target.String()+" answered "+strconv.Itoa(status)+": "+truncate(text, 200), ctx.NodeID)
	}
	names := make([]string, 0, len(replyHeaders))
	for name := range replyHeaders {
		names = append(names, name)
	}
	sort.Strings(names)
	headerObject := NewObject()
	for _, name := range names {
		headerObject.Set(strings.ToLower(name), strings.Join(replyHeaders[name], ", "))
	}
	response := ObjectOf("status", float64(status), "headers", headerObject, "body", text).(*Object)
	if jsonContent.MatchString(replyHeaders.Get("content-type")) {
		if parsed, err := ParseJSON(text); err == nil {
			response.Set("json", parsed)
		}
	}
	return Ports{"response": response}
}

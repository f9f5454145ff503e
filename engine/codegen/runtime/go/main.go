package rt

// The command line of a generated workflow:
//
//	go run . [inputs.json | -]     run once; JSON inputs from the file or stdin, JSON outputs on stdout
//	go run . --cases cases.json    run each inputs object of a JSON array; one result per case
//	go run . --serve PORT          HTTP: POST /run (JSON inputs → JSON outputs), GET /health
//
// A failed run prints {"error": {"code", "message"}} and exits with status 1 (HTTP: status 422).

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
)

// RunFunc is a generated workflow's Run.
type RunFunc func(inputs *Object) (*Object, *WorkflowError)

// Outcome runs once and describes the result as {ok, outputs} or {ok, error: {code, message}}.
func Outcome(run RunFunc, inputs any) *Object {
	object, ok := inputs.(*Object)
	if !ok {
		return ObjectOf("ok", false, "error", ObjectOf("code", "INVALID_INPUTS", "message", "the inputs must be a JSON object")).(*Object)
	}
	outputs, err := safeRun(run, object)
	if err != nil {
		return ObjectOf("ok", false, "error", ObjectOf("code", err.Code, "message", err.Message)).(*Object)
	}
	return ObjectOf("ok", true, "outputs", outputs).(*Object)
}

func safeRun(run RunFunc, inputs *Object) (outputs *Object, err *WorkflowError) {
	defer func() {
		if r := recover(); r != nil {
			err = errorOf(r)
			err.Code = "INTERNAL"
		}
	}()
	return run(inputs)
}

func readJSONFile(path string) (any, error) {
	var data []byte
	var err error
	if path == "" || path == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	return ParseJSON(string(data))
}

// Main is the command line; it returns the process exit status.
func Main(run RunFunc, args []string) int {
	if len(args) > 0 && args[0] == "--serve" {
		port := os.Getenv("PORT")
		if len(args) > 1 {
			port = args[1]
		}
		if port == "" {
			port = "8080"
		}
		if err := Serve(run, port); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	if len(args) > 0 && args[0] == "--cases" {
		path := ""
		if len(args) > 1 {
			path = args[1]
		}
		cases, err := readJSONFile(path)
		list, isList := cases.([]any)
		if err != nil || !isList {
			fmt.Fprintln(os.Stderr, "--cases needs a JSON array of inputs objects:", err)
			return 2
		}
		results := make([]any, len(list))
		for i, inputs := range list {
			results[i] = Outcome(run, inputs)
		}
		fmt.Println(JSJSON(results))
		return 0
	}
	path := ""
	if len(args) > 0 {
		path = args[0]
	}
	inputs, err := readJSONFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cannot read the inputs:", err)
		return 2
	}
	result := Outcome(run, inputs)
	if ok, _ := result.Get("ok"); ok == true {
		outputs, _ := result.Get("outputs")
		fmt.Println(JSJSON(outputs))
		return 0
	}
	failure, _ := result.Get("error")
	fmt.Println(JSJSON(ObjectOf("error", failure)))
	return 1
}

// Serve answers POST /run and GET /health on HOST (default 127.0.0.1) and port.
func Serve(run RunFunc, port string) error {
	reply := func(w http.ResponseWriter, status int, body any) {
		w.Header().Set("content-type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, JSJSON(body))
	}
	notFound := ObjectOf("error", ObjectOf("code", "NOT_FOUND", "message", "use POST /run or GET /health"))
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == "GET" && r.URL.Path == "/health":
			reply(w, 200, ObjectOf("status", "ok"))
		case r.Method == "POST" && r.URL.Path == "/run":
			data, err := io.ReadAll(io.LimitReader(r.Body, 10*1024*1024+1))
			if err != nil || len(data) > 10*1024*1024 {
				reply(w, 413, ObjectOf("error", ObjectOf("code", "TOO_LARGE", "message", "the request body is too large")))
				return
			}
			text := string(data)
			if text == "" {
				text = "{}"
			}
			inputs, err := ParseJSON(text)
			if err != nil {
				reply(w, 400, ObjectOf("error", ObjectOf("code", "INVALID_JSON", "message", "the request body is not JSON")))
				return
			}
			result := Outcome(run, inputs)
			if ok, _ := result.Get("ok"); ok == true {
				outputs, _ := result.Get("outputs")
				reply(w, 200, outputs)
				return
			}
			failure, _ := result.Get("error")
			reply(w, 422, ObjectOf("error", failure))
		default:
			reply(w, 404, notFound)
		}
	})
	host := os.Getenv("HOST")
	if host == "" {
		host = "127.0.0.1"
	}
	listener, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "listening on "+strconv.Itoa(listener.Addr().(*net.TCPAddr).Port))
	return http.Serve(listener, handler)
}

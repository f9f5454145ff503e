package rt

// The data-flow scheduler, with the visual builder's semantics: a node runs when every connected input has settled;
// a node whose inputs were not produced is skipped (skip propagates); merge-like nodes run on partial inputs;
// per-node timeout, retries with exponential backoff and onError fail | continue | route. Ready nodes start lowest
// index first; with World.Concurrent up to 8 independent nodes run at once on goroutines.

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Ports are a node's produced values by output port; a port that did not fire is absent.
type Ports map[string]any

// Source is one connection into an input port: (node index, output port).
type Source struct {
	Node int
	Port string
}

// Input is an input port with its connections.
type Input struct {
	Port     string
	Multiple bool
	Sources  []Source
}

// Node is one row of a generated node table.
type Node struct {
	ID        string
	Component string
	Run       func(*Ctx) Ports
	Inputs    []Input
	Partial   bool
	Settings  *Object
	Output    string
	HasOutput bool
}

// World is what every node of a run shares.
type World struct {
	Concurrent bool
}

// Ctx is what a node's function receives.
type Ctx struct {
	NodeID    string
	Inputs    *Object
	RunInputs *Object
	World     *World
}

func errorOf(r any) *WorkflowError {
	switch e := r.(type) {
	case *WorkflowError:
		return e
	case *ExpressionError:
		return &WorkflowError{Code: e.Code, Message: e.Error(), Retryable: true}
	case error:
		return &WorkflowError{Code: "COMPONENT_ERROR", Message: e.Error(), Retryable: true}
	}
	return &WorkflowError{Code: "COMPONENT_ERROR", Message: fmt.Sprint(r), Retryable: true}
}

// attempt runs a node once, turning a panic into an error.
func attempt(node *Node, ctx *Ctx) (out Ports, err *WorkflowError) {
	defer func() {
		if r := recover(); r != nil {
			err = errorOf(r)
		}
	}()
	return node.Run(ctx), nil
}

// attemptWithin abandons a node that overruns its timeout (its goroutine finishes on its own), as the engine does.
func attemptWithin(node *Node, ctx *Ctx, timeoutMs float64) (Ports, *WorkflowError) {
	type result struct {
		out Ports
		err *WorkflowError
	}
	done := make(chan result, 1)
	go func() {
		out, err := attempt(node, ctx)
		done <- result{out, err}
	}()
	timer := time.NewTimer(time.Duration(timeoutMs * float64(time.Millisecond)))
	defer timer.Stop()
	select {
	case r := <-done:
		return r.out, r.err
	case <-timer.C:
		return nil, &WorkflowError{Code: "NODE_TIMEOUT", Message: fmt.Sprintf("node %q timed out after %s ms", node.ID, FormatNumber(timeoutMs)), Retryable: true}
	}
}

func setting(settings *Object, key string) any {
	if settings == nil {
		return nil
	}
	value, _ := settings.Get(key)
	return value
}

func numberSetting(settings *Object, key string, fallback float64) float64 {
	if n, ok := setting(settings, key).(float64); ok {
		return n
	}
	return fallback
}

func runNode(node *Node, inputs, runInputs *Object, world *World) (Ports, *WorkflowError) {
	settings := node.Settings
	retriesLeft := int(numberSetting(settings, "retries", 0))
	timeoutMs := numberSetting(settings, "timeoutMs", 0)
	for try := 1; ; try++ {
		ctx := &Ctx{NodeID: node.ID, Inputs: inputs, RunInputs: runInputs, World: world}
		var out Ports
		var err *WorkflowError
		if timeoutMs > 0 {
			out, err = attemptWithin(node, ctx, timeoutMs)
		} else {
			out, err = attempt(node, ctx)
		}
		if err == nil {
			if out == nil {
				out = Ports{}
			}
			return out, nil
		}
		if retriesLeft > 0 && err.Retryable {
			retriesLeft--
			backoff := numberSetting(settings, "retryBackoffMs", 100) * float64(int(1)<<uint(try-1))
			time.Sleep(time.Duration(backoff * float64(time.Millisecond)))
			continue
		}
		switch setting(settings, "onError") {
		case "continue":
			out := Ports{}
			if defaults, ok := setting(settings, "defaultOutputs").(*Object); ok {
				for _, k := range defaults.Keys() {
					out[k], _ = defaults.Get(k)
				}
			}
			return out, nil
		case "route":
			return Ports{"error": ObjectOf("message", err.Message, "code", err.Code, "nodeId", node.ID)}, nil
		}
		message := err.Message
		if !strings.HasPrefix(message, "node \""+node.ID+"\"") {
			message = "node \"" + node.ID + "\" (" + node.Component + ") failed: " + message
		}
		return nil, &WorkflowError{Code: err.Code, Message: message, Retryable: true}
	}
}

// collectInputs gathers a node's inputs by port, or returns false when the node must be skipped.
func collectInputs(node *Node, results []Ports) (*Object, bool) {
	inputs := NewObject()
	live, dead := 0, 0
	for _, input := range node.Inputs {
		var values []any
		for _, source := range input.Sources {
			if produced := results[source.Node]; produced != nil {
				if value, ok := produced[source.Port]; ok {
					values = append(values, value)
				}
			}
		}
		if len(values) == 0 {
			dead++
			continue
		}
		live++
		if input.Multiple {
			inputs.Set(input.Port, values)
		} else {
			inputs.Set(input.Port, values[0])
		}
	}
	if node.Partial {
		return inputs, live > 0 || len(node.Inputs) == 0
	}
	return inputs, dead == 0
}

// RunGraph runs a node table on the run inputs and returns the outputs collected from output nodes.
func RunGraph(graph []Node, runInputs *Object, world *World) (*Object, *WorkflowError) {
	count := len(graph)
	results := make([]Ports, count)
	pending := make([]int, count)
	dependents := make([][]int, count)
	for index, node := range graph {
		for _, input := range node.Inputs {
			pending[index] += len(input.Sources)
			for _, source := range input.Sources {
				dependents[source.Node] = append(dependents[source.Node], index)
			}
		}
	}
	var ready []int
	for index := range graph {
		if pending[index] == 0 {
			ready = append(ready, index)
		}
	}
	release := func(index int) {
		for _, dependent := range dependents[index] {
			pending[dependent]--
			if pending[dependent] == 0 {
				ready = append(ready, dependent)
			}
		}
	}
	outputs := NewObject()
	settle := func(index int, inputs *Object, produced Ports) {
		if node := &graph[index]; node.HasOutput {
			value, _ := inputs.Get("value")
			outputs.Set(node.Output, value)
		}
		results[index] = produced
		release(index)
	}
	// nextRunnable pops the lowest ready node that runs, skipping (and releasing) the ones that do not.
	nextRunnable := func() (int, *Object) {
		for len(ready) > 0 {
			sort.Ints(ready)
			index := ready[0]
			ready = ready[1:]
			if inputs, ok := collectInputs(&graph[index], results); ok {
				return index, inputs
			}
			release(index)
		}
		return -1, nil
	}
	if !world.Concurrent {
		for {
			index, inputs := nextRunnable()
			if index < 0 {
				return outputs, nil
			}
			produced, err := runNode(&graph[index], inputs, runInputs, world)
			if err != nil {
				return nil, err
			}
			settle(index, inputs, produced)
		}
	}
	type finished struct {
		index    int
		inputs   *Object
		produced Ports
		err      *WorkflowError
	}
	done := make(chan finished)
	running := 0
	var failure *WorkflowError
	failedIndex := count
	for {
		for failure == nil && running < 8 {
			index, inputs := nextRunnable()
			if index < 0 {
				break
			}
			running++
			go func() {
				produced, err := runNode(&graph[index], inputs, runInputs, world)
				done <- finished{index, inputs, produced, err}
			}()
		}
		if running == 0 {
			if failure != nil {
				return nil, failure
			}
			return outputs, nil
		}
		f := <-done
		running--
		if f.err != nil {
			// Several nodes may fail while running together: report the first started, as the engine does.
			if failure == nil || f.index < failedIndex {
				failure, failedIndex = f.err, f.index
			}
		} else if failure == nil {
			settle(f.index, f.inputs, f.produced)
		}
	}
}

package sla_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

// cyclesTicket has n events: cycles of waiting, resumed, fixed and reopened,
// ten minutes apart (the shape that exhausted memory before issue 12).
func cyclesTicket(n int) (sla.Ticket, time.Time) {
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "C", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3,
		Events: make([]sla.Event, 0, n)}
	kinds := [...]sla.Kind{sla.Waiting, sla.Resumed, sla.Fixed, sla.Reopened}
	t := recv
	for i := range n {
		t = t.Add(10 * time.Minute)
		tk.Events = append(tk.Events, sla.Event{At: t, Kind: kinds[i%4]})
	}
	return tk, t.Add(time.Hour)
}

// instantTicket has n events, waiting and resumed alternately, all at one
// instant (the shape that took quadratic time before issue 12).
func instantTicket(n int) (sla.Ticket, time.Time) {
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "I", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3,
		Events: make([]sla.Event, 0, n)}
	t := recv.Add(time.Hour)
	for i := range n {
		k := sla.Waiting
		if i%2 == 1 {
			k = sla.Resumed
		}
		tk.Events = append(tk.Events, sla.Event{At: t, Kind: k})
	}
	return tk, t.Add(time.Hour)
}

// BenchmarkEvaluateEvents: Evaluate over tickets of 10k, 100k and 1M events,
// in both shapes, with explanations. ns/op divided by n log n stays flat.
func BenchmarkEvaluateEvents(b *testing.B) {
	e := engine(b)
	for _, shape := range []struct {
		name string
		make func(int) (sla.Ticket, time.Time)
	}{{"cycles", cyclesTicket}, {"instant", instantTicket}} {
		for _, n := range []int{10_000, 100_000, 1_000_000} {
			b.Run(fmt.Sprintf("%s/%d", shape.name, n), func(b *testing.B) {
				tk, now := shape.make(n)
				b.ReportAllocs()
				for b.Loop() {
					if _, err := e.Evaluate(tk, now); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

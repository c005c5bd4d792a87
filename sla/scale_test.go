package sla_test

import (
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// TestOneTicketKillsTheProcess: before issue 12, a ticket of 40 000 events
// (10 000 fix and reopen cycles with waits between) made Evaluate reserve
// cycles × waits steps and die of "out of memory". Now its memory grows with
// its events.
func TestOneTicketKillsTheProcess(t *testing.T) {
	e := engine(t)
	tk, now := cyclesTicket(40_000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	st, err := e.Evaluate(tk, now)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	assert.Len(t, st.Targets, 1+2*10_001, "a response, then workaround and fix for each cycle")
	alloc := after.TotalAlloc - before.TotalAlloc
	assert.Less(t, alloc, uint64(64<<20), "allocated %d MB for a ticket of 40 000 events", alloc>>20)
}

// TestQuadraticTime: before issue 12, waiting and resumed events all at one
// instant took quadratic time (100 000 events: 28 s). Four times the events
// now take about four times as long (the best of three runs each; n log n
// would allow 4.5, quadratic time would take 16).
func TestQuadraticTime(t *testing.T) {
	e := engine(t)
	timeOf := func(n int) time.Duration {
		tk, now := instantTicket(n)
		best := time.Duration(math.MaxInt64)
		for range 3 {
			start := time.Now()
			_, err := e.Evaluate(tk, now)
			require.NoError(t, err)
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := timeOf(12_500), timeOf(50_000)
	assert.Less(t, float64(large)/float64(small), 8.0, "12 500 events: %v; 50 000: %v", small, large)
}

// FuzzEvaluateEvents: tickets of up to 4 000 events drawn from bytes (kind,
// gap, severity), any mix, valid or not: Evaluate never panics, and a status
// it returns marshals, with a Recheck after now or none.
func FuzzEvaluateEvents(f *testing.F) {
	f.Add([]byte{7, 0, 0, 1, 0, 0, 5, 10, 0, 6, 0, 0, 7, 0, 0, 1, 0, 0}, uint16(100))
	f.Add([]byte{3, 1, 0, 11, 2, 0, 3, 3, 0, 2, 0, 1, 11, 0, 0}, uint16(3))
	e := replyEngine(f, replyPolicy(sla.Restart, "50%", "-1h"))
	recv := at(2026, 10, 23, 16, 0)
	f.Fuzz(func(t *testing.T, data []byte, minutes uint16) {
		tk := sla.Ticket{ID: "F", Received: recv, Severity: severity.Sev3}
		at := recv
		for i := 0; i+2 < len(data) && len(tk.Events) < 4000; i += 3 {
			at = at.Add(time.Duration(data[i+1]%64) * 17 * time.Minute)
			tk.Events = append(tk.Events, sla.Event{At: at, Kind: sla.Kind(data[i] % 13), Severity: severity.Level(data[i+2] % 6)})
		}
		now := recv.Add(time.Duration(minutes) * time.Minute)
		st, err := e.Evaluate(tk, now)
		if err != nil {
			return
		}
		if _, err := json.Marshal(st); err != nil {
			t.Fatalf("status does not marshal: %v", err)
		}
		if !st.Recheck.IsZero() && !st.Recheck.After(now) {
			t.Fatalf("recheck %v not after now %v", st.Recheck, now)
		}
	})
}

package sla_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

var benchStatus sla.Status

// BenchmarkEvaluate: a ticket with three targets and two pauses, on the
// business clock (severity 3) and on the continuous clock (severity 2).
func BenchmarkEvaluate(b *testing.B) {
	e := engine(b)
	recv := at(2026, 6, 1, 9, 0)
	for _, lvl := range []severity.Level{severity.Sev3, severity.Sev2} {
		tk := sla.Ticket{ID: "B", Contact: "ann@acme.example", Received: recv, Severity: lvl,
			Events: []sla.Event{
				{At: recv.Add(30 * time.Minute), Kind: sla.Responded},
				{At: recv.Add(time.Hour), Kind: sla.Waiting},
				{At: recv.Add(3 * time.Hour), Kind: sla.Resumed},
				{At: recv.Add(26 * time.Hour), Kind: sla.Waiting},
				{At: recv.Add(50 * time.Hour), Kind: sla.Resumed},
			}}
		now := recv.Add(60 * time.Hour)
		b.Run(lvl.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				benchStatus, _ = e.Evaluate(tk, now)
			}
		})
	}
}

// BenchmarkMonth1M: a month report over a million tickets, on one goroutine.
func BenchmarkMonth1M(b *testing.B) {
	if testing.Short() {
		b.Skip("a million tickets")
	}
	e := engine(b)
	const n = 1_000_000
	tickets := make([]sla.Ticket, n)
	start := at(2026, 6, 1, 0, 0)
	for i := range tickets {
		recv := start.Add(time.Duration(i) * (29 * 24 * time.Hour / n))
		tickets[i] = sla.Ticket{ID: fmt.Sprintf("T%07d", i), Contact: "ann@acme.example", Received: recv,
			Severity: severity.Level(1 + i%4),
			Events: []sla.Event{
				{At: recv.Add(time.Duration(i%90) * time.Minute), Kind: sla.Responded},
				{At: recv.Add(time.Duration(i%50) * time.Hour), Kind: sla.Fixed},
			}}
	}
	now := at(2026, 7, 15, 0, 0)
	for b.Loop() {
		if _, err := e.Month(2026, time.June, sla.MonthData{Tickets: tickets}, now); err != nil {
			b.Fatal(err)
		}
	}
}

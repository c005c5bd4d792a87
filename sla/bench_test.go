package sla_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

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

package sla_test

import (
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

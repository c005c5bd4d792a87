package sla

import (
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/severity"
)

var benchStatus Status

// benchTickets are the shapes of BenchmarkEvaluate: a ticket with three
// targets and two pauses on the business clock (sev3) and on the continuous
// clock (sev2); one with a severity change and a reopening; one with ten
// customer messages and ten replies under a policy with next-reply and update
// targets.
func benchTickets() []struct {
	name string
	e    *Engine
	t    Ticket
	now  time.Time
} {
	recv := time.Date(2026, 6, 1, 9, 0, 0, 0, refParis)
	pauses := func(l severity.Level) Ticket {
		return Ticket{ID: "B", Contact: "ann@acme.example", Received: recv, Severity: l,
			Events: []Event{
				{At: recv.Add(30 * time.Minute), Kind: Responded},
				{At: recv.Add(time.Hour), Kind: Waiting},
				{At: recv.Add(3 * time.Hour), Kind: Resumed},
				{At: recv.Add(26 * time.Hour), Kind: Waiting},
				{At: recv.Add(50 * time.Hour), Kind: Resumed},
			}}
	}
	changeReopen := Ticket{ID: "C", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3,
		Events: []Event{
			{At: recv.Add(30 * time.Minute), Kind: Responded},
			{At: recv.Add(2 * time.Hour), Kind: SeverityChanged, Severity: severity.Sev2},
			{At: recv.Add(20 * time.Hour), Kind: Fixed},
			{At: recv.Add(30 * time.Hour), Kind: Reopened},
		}}
	replies := Ticket{ID: "R", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3}
	for i := range 10 {
		t := recv.Add(time.Duration(i) * 3 * time.Hour)
		replies.Events = append(replies.Events,
			Event{At: t.Add(time.Hour), Kind: Responded},
			Event{At: t.Add(2 * time.Hour), Kind: CustomerReplied})
	}
	p := Preset("Europe/Paris", "FR")
	p.Replies = map[severity.Level]Replies{severity.Sev3: {
		NextReply: severity.MustParseTarget("4h business"), Update: severity.MustParseTarget("1d business")}}
	p.Warnings = []Warning{{Share: MustRatio("50%")}, {Before: time.Hour}}
	withReplies, err := New(Contract{Contacts: []string{"ann@acme.example"}, Policies: []Dated{{Policy: p}}})
	if err != nil {
		panic(err)
	}
	return []struct {
		name string
		e    *Engine
		t    Ticket
		now  time.Time
	}{
		{"sev3-two-pauses", refEngine, pauses(severity.Sev3), recv.Add(60 * time.Hour)},
		{"sev2-two-pauses", refEngine, pauses(severity.Sev2), recv.Add(60 * time.Hour)},
		{"change-reopen", refEngine, changeReopen, recv.Add(40 * time.Hour)},
		{"replies-10", withReplies, replies, recv.Add(40 * time.Hour)},
	}
}

// BenchmarkEvaluate: Evaluate with explanations, and the month report's path
// without them, for each shape; calendar/Add is the anchor, one business-time
// addition measured in the same run.
func BenchmarkEvaluate(b *testing.B) {
	for _, tc := range benchTickets() {
		b.Run(tc.name+"/explain", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				benchStatus, _ = tc.e.Evaluate(tc.t, tc.now)
			}
		})
		b.Run(tc.name+"/month", func(b *testing.B) {
			b.ReportAllocs()
			v := tc.e.evaluator()
			for b.Loop() {
				benchStatus, _ = v.status(&tc.t, tc.now)
			}
		})
	}
	b.Run("calendar/Add", func(b *testing.B) {
		c := calendar.MustNew(Preset("Europe/Paris", "FR").Support)
		from := time.Date(2026, 3, 27, 16, 0, 0, 0, refParis)
		c.Add(from, 40*time.Hour)
		b.ReportAllocs()
		var sink time.Time
		for b.Loop() {
			sink = c.Add(from, 40*time.Hour)
		}
		benchStatus.At = sink
	})
}

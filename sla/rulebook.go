package sla

import (
	"time"

	"github.com/slakit/slakit/severity"
)

// rulebook is what evaluation reads from a policy, prepared once: the rule of
// each level and milestone, which reply targets exist, and the warning points.
type rulebook struct {
	rules    [severity.Sev4 + 1][Update + 1]severity.Target
	replies  replyRules
	warnings []point
	// The first and last instants a status reports: the years 1 to 9999 in
	// the customer's zone, which the calendars cover and JSON can write.
	first, last time.Time
}

func (p Policy) rulebook(loc *time.Location) rulebook {
	b := rulebook{first: time.Date(1, time.January, 1, 0, 0, 0, 0, loc),
		last: time.Date(10000, time.January, 1, 0, 0, 0, 0, loc).Add(-1)}
	for l, ts := range p.Severities {
		if !l.IsValid() {
			continue
		}
		r := p.Replies[l]
		b.rules[l] = [Update + 1]severity.Target{Response: ts.Response, Workaround: ts.Workaround, Fix: ts.Fix,
			NextReply: r.NextReply, Update: r.Update}
		b.replies.next = b.replies.next || r.NextReply.IsApplicable()
		b.replies.update = b.replies.update || r.Update.IsApplicable()
	}
	for _, w := range p.Warnings {
		b.warnings = append(b.warnings, compilePoint(w))
	}
	return b
}

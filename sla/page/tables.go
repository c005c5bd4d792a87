package page

import (
	"fmt"
	"strings"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/recovery"
	"github.com/slakit/slakit/sla"
)

// availTable is the formula's quantities (I10).
type availTable struct {
	Rows []line
}

func (x *monthContext) availTable(a *availability.Report) *availTable {
	return &availTable{Rows: []line{
		{Label: "period (T)", Value: duration(a.Total)},
		{Label: "planned (P)", Value: duration(a.Planned)},
		{Label: "unplanned (U)", Value: duration(a.Unplanned)},
		{Label: "excluded", Value: duration(a.Excluded)},
		{Label: "up", Value: duration(a.Up)},
		{Label: "availability (T − P − U) / (T − P)", Value: percent(a.Availability, 4)},
		{Label: "budget", Value: duration(a.Budget)},
		{Label: "budget left", Value: duration(a.BudgetLeft)},
	}}
}

// outageRow is one outage given, as the formula counted it.
type outageRow struct {
	ID       string
	Cause    string
	Start    instant
	End      instant
	Length   string
	Counted  string
	Verdict  verdict // missed when any of it was unplanned
	Announce string
}

func (x *monthContext) outageRows(a *availability.Report) []outageRow {
	var out []outageRow
	for i, o := range x.data.Outages {
		if !o.End.After(a.Period.Start) || !o.Start.Before(a.Period.End) || i >= len(a.Outages) {
			continue
		}
		b := a.Outages[i]
		var parts []string
		for _, p := range []struct {
			d    time.Duration
			name string
		}{{b.Unplanned, "unplanned"}, {b.Planned, "planned"}, {b.Excluded, "excluded"}} {
			if p.d > 0 {
				parts = append(parts, duration(p.d)+" "+p.name)
			}
		}
		if len(parts) == 0 {
			parts = []string{"0s"}
		}
		cause := o.Cause.String()
		if o.Category != availability.NoCategory {
			cause += ": " + o.Category.String()
		}
		row := outageRow{ID: o.ID, Cause: cause, Start: x.clock.at(o.Start), End: x.clock.at(o.End),
			Length: duration(o.End.Sub(o.Start)), Counted: strings.Join(parts, ", "), Verdict: verdictNone}
		if b.Unplanned > 0 {
			row.Verdict = verdictMissed
		}
		if o.Cause == availability.Maintenance {
			row.Announce = "announced " + x.clock.at(o.AnnouncedAt).Short + ", " + duration(o.Start.Sub(o.AnnouncedAt)) + " ahead"
		}
		out = append(out, row)
	}
	return out
}

// rtoRow is one incident's recovery.
type rtoRow struct {
	Started  instant
	Reported instant
	Restored instant
	Ongoing  bool
	Took     string
	Margin   string
	Lag      string
	Verdict  verdict
	Word     string
}

func (x *monthContext) rtoRows() []rtoRow {
	var out []rtoRow
	for _, in := range x.r.RTO {
		row := rtoRow{Started: x.clock.at(in.Started), Reported: x.clock.at(in.Reported), Restored: x.clock.at(in.Restored),
			Ongoing: in.Ongoing, Took: duration(in.Took), Margin: duration(in.Margin), Verdict: metOrMissed(in.Met), Lag: "—"}
		row.Word = row.Verdict.Word()
		if in.Ongoing {
			row.Took += " so far"
			if in.Met {
				row.Verdict, row.Word = verdictUnknown, "not yet" // not breached yet
			}
		}
		if !in.Started.IsZero() {
			row.Lag = duration(in.DetectionLag)
		}
		out = append(out, row)
	}
	return out
}

// rpoView is the recovery point exposure of the month.
type rpoView struct {
	Objective string
	Worst     gapRow
	Breach    string
	Gaps      []gapRow
	Verdict   verdict
}

type gapRow struct {
	From     instant
	To       instant
	Length   string
	Breach   string
	NoPoint  bool
	Verdict  verdict
	Baseline string
}

func (x *monthContext) rpoView() *rpoView {
	r := x.r.RPO
	if r == nil {
		return nil
	}
	v := &rpoView{Objective: duration(r.Objective), Breach: duration(r.Breach), Verdict: metOrMissed(r.Met), Worst: x.gap(r.Worst)}
	for _, g := range r.Breaching {
		v.Gaps = append(v.Gaps, x.gap(g))
	}
	return v
}

func (x *monthContext) gap(g recovery.Gap) gapRow {
	return gapRow{From: x.clock.at(g.From), To: x.clock.at(g.To), Length: duration(g.Duration), Breach: duration(g.Breach),
		NoPoint: g.NoPoint, Verdict: metOrMissed(g.Breach == 0)}
}

// targetRow is one row of [sla.Compliance], with the rule it measures.
type targetRow struct {
	sla.Row
	Rule       string
	Compliance string
	Worst      string
	Verdict    verdict
	First      bool // first row of its severity
}

func (x *monthContext) targetRows() []targetRow {
	var out []targetRow
	for i, r := range x.r.Tickets.Rows {
		row := targetRow{Row: r, Compliance: compliance(r.Met, r.Missed), Worst: "—", Verdict: verdictNone,
			First: i == 0 || x.r.Tickets.Rows[i-1].Severity != r.Severity}
		if ts, ok := x.pol.Severities[r.Severity]; ok {
			switch r.Milestone {
			case sla.Response:
				row.Rule = ts.Response.String()
			case sla.Workaround:
				row.Rule = ts.Workaround.String()
			case sla.Fix:
				row.Rule = ts.Fix.String()
			}
		}
		if rs, ok := x.pol.Replies[r.Severity]; ok {
			switch r.Milestone {
			case sla.NextReply:
				row.Rule = rs.NextReply.String()
			case sla.Update:
				row.Rule = rs.Update.String()
			}
		}
		if r.Met+r.Missed > 0 {
			row.Verdict = metOrMissed(r.Missed == 0)
		}
		if r.WorstTicket != "" {
			row.Worst = duration(time.Duration(r.WorstOverrun)) + " (" + r.WorstTicket + ")"
		}
		out = append(out, row)
	}
	return out
}

// breachRow is one missed target.
type breachRow struct {
	Ticket string
	Target string
	Due    instant
	Done   instant
	Late   string
}

func (x *monthContext) breachRows() []breachRow {
	var out []breachRow
	for _, b := range x.r.Tickets.Breaches {
		out = append(out, breachRow{Ticket: b.Ticket, Target: b.Severity.String() + " " + b.Milestone.String(),
			Due: x.clock.at(b.Due), Done: x.clock.at(b.Done), Late: duration(time.Duration(b.Overrun))})
	}
	return out
}

// openRow is a target still running at the report's instant.
type openRow struct {
	Ticket    string
	Target    string
	Due       instant
	Remaining string
	State     string
	Key       string
	Warning   string // the next warning point (I17): "Thu 25 Jun 14:00 (75%)"; "" for none
}

// openRows lists the targets the report finds open at its instant, soonest
// due first, with the clock each runs on and its next warning point, read
// from the tickets' statuses.
func (x *monthContext) openRows(statuses []sla.Status) []openRow {
	type key struct {
		ticket string
		cycle  int
		m      sla.Milestone
	}
	targets := map[key]sla.TargetStatus{}
	for _, st := range statuses {
		for _, ts := range st.Targets {
			targets[key{st.Ticket, ts.Cycle, ts.Milestone}] = ts
		}
	}
	out := make([]openRow, 0, len(x.r.Tickets.Open))
	for _, o := range x.r.Tickets.Open {
		row := openRow{Ticket: o.Ticket, Target: fmt.Sprintf("%s %s", o.Severity, o.Milestone), Due: x.clock.at(o.Due),
			Remaining: duration(time.Duration(o.Remaining)), State: stateWord(o.State), Key: stateKey(o.State)}
		if ts, ok := targets[key{o.Ticket, o.Cycle, o.Milestone}]; ok {
			if c := ts.Rule.Clock().String(); c != "" {
				row.Remaining += " " + c
			}
			for _, w := range ts.Warnings {
				if !w.Passed {
					row.Warning = x.clock.at(w.At).Short + " (" + w.Point.String() + ")"
					break
				}
			}
		}
		out = append(out, row)
	}
	return out
}

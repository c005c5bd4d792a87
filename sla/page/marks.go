package page

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/sla"
)

// stateKey is the legend key of a target's state; the states that do not
// count share one mark.
func stateKey(s sla.State) string {
	switch s {
	case sla.StateMet:
		return "due-met"
	case sla.StateMissed:
		return "due-missed"
	case sla.StatePending:
		return "due-pending"
	case sla.StateAtRisk:
		return "due-at-risk"
	}
	return "due-excluded"
}

func stateWord(s sla.State) string {
	if s == sla.StateAtRisk {
		return "at risk"
	}
	return s.String()
}

// timeline builds the week rows: the support calendar and the maintenance
// window from the policy, downtime from the report's evidence, incidents,
// recovery point gaps, and the due times of the tickets' targets.
func (x *monthContext) timeline(statuses []sla.Status) ([]weekRow, error) {
	support, err := calendar.New(x.pol.Support)
	if err != nil {
		return nil, err
	}
	window, err := calendar.New(x.pol.Maintenance)
	if err != nil {
		return nil, err
	}
	x.describeLegend()
	grid := newWeekGrid(x.month, x.loc)
	var spans []span
	for iv := range support.Windows(x.month.Start, x.month.End) {
		spans = append(spans, span{Start: iv.Start, End: iv.End, Lane: laneSupport, Key: x.legend.use("support"), Thin: true,
			Title: "support open " + x.clock.span(iv.Start, iv.End)})
	}
	for iv := range window.Windows(x.month.Start, x.month.End) {
		spans = append(spans, span{Start: iv.Start, End: iv.End, Lane: laneWindow, Key: x.legend.use("window"), Thin: true,
			Title: "maintenance window " + x.clock.span(iv.Start, iv.End)})
	}
	spans = append(spans, x.downtime()...)
	spans = append(spans, x.incidents()...)
	spans = append(spans, x.gaps()...)
	targets, dots := x.dueTimes(statuses)
	rows := pack(grid, dots, len(targets))
	shade := func(d calendar.Interval) (string, string, string) {
		for range support.Windows(d.Start, d.End) {
			return "open", "", ""
		}
		if len(weekDays(x.pol.Support.Hours)[(int(d.Start.In(x.loc).Weekday())+6)%7]) == 0 {
			return "weekend", "", x.legend.use("closed-weekend")
		}
		return "holiday", "closed", x.legend.use("closed-holiday")
	}
	weeks := grid.draw(x.clock, shade, spans, dots, targets, rows)
	for i := range weeks {
		weeks[i].Desc = x.weekDesc(grid, i, spans, dots)
	}
	return weeks, nil
}

// downtime draws the outages as the formula counted them: the evidence's
// unplanned and excluded intervals, and its planned intervals where an outage
// was (the window alone is drawn in its own lane). Each outage is labelled
// with its ID.
func (x *monthContext) downtime() []span {
	a := x.r.Availability
	if a == nil {
		return nil
	}
	var down []calendar.Interval // outages inside the period
	for _, o := range x.data.Outages {
		if iv, ok := (calendar.Interval{Start: o.Start, End: o.End}).Intersect(a.Period); ok {
			down = append(down, iv)
		}
	}
	var out []span
	for _, s := range a.Evidence {
		pieces := []calendar.Interval{s.Interval()}
		if s.Class == availability.ClassPlanned {
			pieces = pieces[:0]
			for _, d := range down {
				if iv, ok := d.Intersect(s.Interval()); ok {
					pieces = append(pieces, iv)
				}
			}
		}
		for _, p := range pieces {
			out = append(out, span{Start: p.Start, End: p.End, Lane: laneDown, Key: x.legend.use(s.Class.String()),
				Title: fmt.Sprintf("%s %s (%s)%s", classWords(s.Class), x.clock.span(p.Start, p.End),
					duration(p.End.Sub(p.Start)), x.outageIDs(p))})
		}
	}
	for _, o := range x.data.Outages {
		iv, ok := (calendar.Interval{Start: o.Start, End: o.End}).Intersect(a.Period)
		if !ok {
			continue
		}
		label := o.ID
		if label == "" {
			label = duration(iv.Duration())
		}
		out = append(out, span{Start: iv.Start, End: iv.End, Lane: laneDown, Label: label})
	}
	return out
}

// outageIDs names the outages that overlap iv: ": INC-101".
func (x *monthContext) outageIDs(iv calendar.Interval) string {
	s := ""
	for _, o := range x.data.Outages {
		if o.ID != "" && (calendar.Interval{Start: o.Start, End: o.End}).Overlaps(iv) {
			if s == "" {
				s = ": " + o.ID
			} else {
				s += ", " + o.ID
			}
		}
	}
	return s
}

// incidents draws each incident from report to restoration, and its
// detection lag before that.
func (x *monthContext) incidents() []span {
	var out []span
	rto := duration(time.Duration(x.pol.RTO))
	for _, in := range x.r.RTO {
		if !in.Started.IsZero() && in.Started.Before(in.Reported) {
			out = append(out, span{Start: in.Started, End: in.Reported, Lane: laneRTO, Key: x.legend.use("rto-lag"),
				Title: fmt.Sprintf("incident started %s, reported %s: detected after %s", x.clock.at(in.Started).Short,
					x.clock.at(in.Reported).Short, duration(in.DetectionLag))})
		}
		key, end, restored := "rto-met", in.Restored, "restored "+x.clock.at(in.Restored).Short
		switch {
		case !in.Met:
			key = "rto-missed"
		case in.Ongoing:
			key = "rto-ongoing"
		}
		if in.Ongoing {
			end, restored = x.r.At, "not restored at "+x.clock.at(x.r.At).Short
		}
		out = append(out, span{Start: in.Reported, End: end, Lane: laneRTO, Key: x.legend.use(key),
			Label: duration(in.Took),
			Title: fmt.Sprintf("incident reported %s, %s: %s of the %s RTO, %s", x.clock.at(in.Reported).Short,
				restored, duration(in.Took), rto, metOrMissed(in.Met).Word())})
	}
	return out
}

// gaps draws the recovery point gaps in breach: the part within the RPO
// lightly, the part beyond it solid.
func (x *monthContext) gaps() []span {
	r := x.r.RPO
	if r == nil {
		return nil
	}
	var out []span
	for _, g := range r.Breaching {
		from := g.From.Add(r.Objective)
		if from.Before(g.Since) {
			from = g.Since
		}
		title := fmt.Sprintf("no usable recovery point after %s until %s: gap %s, %s beyond the %s RPO",
			x.clock.at(g.From).Short, x.clock.at(g.To).Short, duration(g.Duration), duration(g.Breach), duration(r.Objective))
		if from.After(g.Since) {
			out = append(out, span{Start: g.Since, End: from, Lane: laneRPO, Key: x.legend.use("rpo-gap"), Title: title})
		}
		out = append(out, span{Start: from, End: g.To, Lane: laneRPO, Key: x.legend.use("rpo-breach"), Title: title,
			Label: duration(g.Duration)})
	}
	return out
}

// dueTimes places every target due inside the month, in its state at r.At,
// in one lane per kind of target: response, workaround and fix always, then
// any other kind the tickets have, in the order of [sla.Milestone].
func (x *monthContext) dueTimes(statuses []sla.Status) ([]string, []dot) {
	kinds := []sla.Milestone{sla.Response, sla.Workaround, sla.Fix}
	for _, st := range statuses {
		for _, ts := range st.Targets {
			if !slices.Contains(kinds, ts.Milestone) {
				kinds = append(kinds, ts.Milestone)
			}
		}
	}
	slices.Sort(kinds)
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = strings.ReplaceAll(k.String(), "-", " ")
	}
	var out []dot
	for _, st := range statuses {
		for _, ts := range st.Targets {
			if ts.Due.IsZero() || !x.month.Contains(ts.Due) || ts.State == sla.StateNotApplicable {
				continue
			}
			title := fmt.Sprintf("%s %s %s due %s: %s", st.Ticket, ts.Level, ts.Milestone, x.clock.at(ts.Due).Short, stateWord(ts.State))
			if !ts.Done.IsZero() {
				title += ", done " + x.clock.at(ts.Done).Short
			}
			if st.Reason != "" && (ts.State == sla.StateExcluded || ts.State == sla.StateWaived || ts.State == sla.StateNotCovered) {
				title += " (" + st.Reason + ")"
			}
			out = append(out, dot{At: ts.Due, Lane: laneTargets + slices.Index(kinds, ts.Milestone), Key: x.legend.use(stateKey(ts.State)), Title: title})
		}
	}
	return names, out
}

// weekDesc says in words what a week row shows, for screen readers and for
// anyone who cannot tell the marks apart.
func (x *monthContext) weekDesc(g weekGrid, w int, spans []span, dots []dot) string {
	iv := g.week(w)
	count := map[string]int{}
	var down time.Duration
	for _, s := range spans {
		if p, ok := (calendar.Interval{Start: s.Start, End: s.End}).Intersect(iv); ok && s.Key == "unplanned" {
			down += p.Duration()
		}
	}
	for _, d := range dots {
		if iv.Contains(d.At) {
			count[d.Key]++
		}
	}
	return fmt.Sprintf("Unplanned downtime %s. Target due times: %d met, %d missed, %d pending, %d at risk, %d not counted.",
		duration(down), count["due-met"], count["due-missed"], count["due-pending"], count["due-at-risk"], count["due-excluded"])
}

// classWords names what time of a class was, for a mark's title.
func classWords(c availability.Class) string {
	if c == availability.ClassUnknown {
		return "not monitored"
	}
	return c.String() + " downtime"
}

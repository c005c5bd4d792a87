package sla

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/slakit/slakit/internal/dur"
)

// WriteText prints the report as plain-text tables, for a terminal or an
// e-mail. Durations are written as "34h55m", instants in RFC 3339 in the
// customer's zone; percentages are truncated, never rounded up. An input that
// was not supplied is named as such, never shown as met.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	partial := ""
	if r.Partial {
		partial = " (partial, up to " + stamp(r.At) + ")"
	}
	fmt.Fprintf(&b, "SLA report — %s — %s%s\npolicy: %s\n\n", r.Customer, r.Month, partial, r.Policy)
	r.writeAvailability(&b)
	r.writeRTO(&b)
	r.writeRPO(&b)
	r.writeTickets(&b)
	_, err := io.WriteString(w, b.String())
	return err
}

func (r Report) writeAvailability(b *strings.Builder) {
	a := r.Availability
	if a == nil {
		b.WriteString("Availability: not supplied (no outages or coverage given): unknown\n")
		r.writeCredit(b)
		b.WriteString("\n")
		return
	}
	pct := a.Percent(4)
	if a.Unknown > 0 {
		pct = "between " + pct + " and " + a.Highest.Shift(2).Truncate(4).StringFixed(4) + " %"
	}
	fmt.Fprintf(b, "Availability %s (objective %s %%): %s\n", pct, a.Objective.Shift(2).String(), a.Verdict)
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  month\t%s\n  planned (P)\t%s\n  unplanned (U)\t%s\n  excluded\t%s\n",
		dur.Format(a.Total), dur.Format(a.Planned), dur.Format(a.Unplanned), dur.Format(a.Excluded))
	coverage := ""
	if !r.Inputs.Coverage.Supplied {
		coverage = " (coverage not supplied: the outages are the complete record)"
	}
	fmt.Fprintf(tw, "  monitored\t%s%s\n  unknown (M)\t%s\n", dur.Format(a.Monitored), coverage, dur.Format(a.Unknown))
	fmt.Fprintf(tw, "  budget\t%s\n  budget left\t%s\n", dur.Format(a.Budget), dur.Format(a.BudgetLeft))
	tw.Flush()
	ignored(b, r.Inputs.Outages.Ignored, "outage", "outside the month")
	r.writeCredit(b)
	b.WriteString("\n")
}

// writeCredit writes the credit line when the policy has credit tiers.
func (r Report) writeCredit(b *strings.Builder) {
	switch c := r.Credit; {
	case c == nil:
	case !c.Known:
		b.WriteString("Service credit: unknown (availability unknown)\n")
	default:
		fmt.Fprintf(b, "Service credit: %s of the month's fee\n", c.Rate)
	}
}

func (r Report) writeRTO(b *strings.Builder) {
	switch {
	case !r.Inputs.Incidents.Supplied:
		b.WriteString("RTO: not supplied (no incidents given)\n\n")
		return
	case len(r.RTO) == 0:
		b.WriteString("RTO: no incident reported in the month\n")
		ignored(b, r.Inputs.Incidents.Ignored, "incident", "reported outside the month")
		b.WriteString("\n")
		return
	}
	b.WriteString("RTO per incident\n")
	tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  reported\trestored\ttook\tobjective\tverdict")
	for _, x := range r.RTO {
		restored, took, v := stamp(x.Restored), dur.Format(x.Took), verdict(x.Met)
		if x.Ongoing {
			restored, took = "ongoing", took+" so far"
			if x.Met {
				v = "within so far"
			}
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", stamp(x.Reported), restored, took, dur.Format(x.Objective), v)
	}
	tw.Flush()
	ignored(b, r.Inputs.Incidents.Ignored, "incident", "reported outside the month")
	b.WriteString("\n")
}

func (r Report) writeRPO(b *strings.Builder) {
	x := r.RPO
	if x == nil {
		b.WriteString("RPO: not supplied (no recovery points given)\n\n")
		return
	}
	fmt.Fprintf(b, "RPO: worst gap %s of %s: %s, %s in breach over %d gap(s)\n",
		dur.Format(x.Worst.Duration), dur.Format(x.Objective), verdict(x.Met), dur.Format(x.Breach), len(x.Breaching))
	for _, g := range x.Breaching {
		fmt.Fprintf(b, "  %s\n", g)
	}
	b.WriteString("\n")
}

func (r Report) writeTickets(b *strings.Builder) {
	c := r.Tickets
	if !r.Inputs.Tickets.Supplied {
		b.WriteString("Tickets: not supplied (no tickets given)\n")
		return
	}
	b.WriteString("Tickets\n")
	if len(c.Rows) == 0 {
		b.WriteString("  no target decided in the month or open\n")
	} else {
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "severity\ttarget\tmet\tmissed\tpending\tat risk\texcluded\twaived\tn/a\tnot covered\tcompliance\tworst overrun\t")
		for _, row := range c.Rows {
			pct := "—"
			if p, ok := row.Percent(); ok {
				pct = p.Shift(2).Truncate(2).StringFixed(2) + " %"
			}
			worst := "—"
			if row.WorstTicket != "" {
				worst = row.WorstOverrun.String() + " (" + row.WorstTicket + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t\n", row.Severity, row.Milestone,
				row.Met, row.Missed, row.Pending, row.AtRisk, row.Excluded, row.Waived, row.NotApplicable, row.NotCovered, pct, worst)
		}
		tw.Flush()
	}
	ignored(b, r.Inputs.Tickets.Ignored, "ticket", "received after the month or the report instant")
	if len(c.Breaches) > 0 {
		b.WriteString("\nBreaches" + cut(len(c.Breaches), c.BreachesCut, "worst") + "\n")
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		for _, x := range c.Breaches {
			done := "still open"
			if !x.Done.IsZero() {
				done = "done " + stamp(x.Done)
			}
			fmt.Fprintf(tw, "  %s\t%s %s\tdue %s\t%s\tlate by %s\n", x.Ticket, x.Severity, x.Milestone, stamp(x.Due), done, x.Overrun)
		}
		tw.Flush()
	}
	if len(c.Open) > 0 {
		b.WriteString("\nOpen targets" + cut(len(c.Open), c.OpenCut, "most urgent") + "\n")
		tw := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
		for _, x := range c.Open {
			fmt.Fprintf(tw, "  %s\t%s %s\tdue %s\t%s\t%s left\n", x.Ticket, x.Severity, x.Milestone, stamp(x.Due), x.State, x.Remaining)
		}
		tw.Flush()
	}
}

// cut says how many entries a capped list shows: " (the 1000 worst of 1234)".
func cut(shown, left int, which string) string {
	if left == 0 {
		return ""
	}
	return fmt.Sprintf(" (the %d %s of %d)", shown, which, shown+left)
}

// ignored writes a line counting records ignored by rule, if any.
func ignored(b *strings.Builder, n int, what, why string) {
	if n == 0 {
		return
	}
	if n > 1 {
		what += "s"
	}
	fmt.Fprintf(b, "  (%d %s ignored: %s)\n", n, what, why)
}

func stamp(t time.Time) string { return t.Format(time.RFC3339) }

func verdict(met bool) string {
	if met {
		return "met"
	}
	return "missed"
}

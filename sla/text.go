package sla

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// WriteText prints the report as plain-text tables, for a terminal or an
// e-mail. Percentages are truncated, never rounded up.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	partial := ""
	if r.Partial {
		partial = " (partial, up to " + r.At.Format(time.RFC3339) + ")"
	}
	fmt.Fprintf(&b, "SLA report — %s — %s%s\npolicy: %s\n\n", r.Customer, r.Month, partial, r.Policy)

	if a := r.Availability; a != nil {
		fmt.Fprintf(&b, "Availability %s (objective %s %%): %s\n", a.Percent(4), a.Objective.Shift(2).String(), verdict(a.Met))
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintf(tw, "  month\t%v\n  planned (P)\t%v\n  unplanned (U)\t%v\n  excluded\t%v\n  budget\t%v\n  budget left\t%v\n",
			a.Total, a.Planned, a.Unplanned, a.Excluded, a.Budget, a.BudgetLeft)
		tw.Flush()
		b.WriteString("\n")
	}

	if len(r.RTO) > 0 {
		b.WriteString("RTO per incident\n")
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  reported\trestored\ttook\tobjective\tverdict")
		for _, x := range r.RTO {
			fmt.Fprintf(tw, "  %s\t%s\t%v\t%v\t%s\n", x.Reported.Format(time.RFC3339), x.Restored.Format(time.RFC3339), x.Took, x.Objective, verdict(x.Met))
		}
		tw.Flush()
		b.WriteString("\n")
	}
	if x := r.RPO; x != nil {
		fmt.Fprintf(&b, "RPO: worst gap %v of %v: %s, %v in breach over %d gap(s)\n", x.Worst.Duration, x.Objective, verdict(x.Met), x.Breach, len(x.Breaching))
		for _, g := range x.Breaching {
			fmt.Fprintf(&b, "  %s\n", g)
		}
		b.WriteString("\n")
	}

	b.WriteString("Tickets\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "severity\ttarget\tmet\tmissed\tpending\tat risk\texcluded\twaived\tn/a\tnot covered\tcompliance\tworst overrun\t")
	for _, row := range r.Tickets.Rows {
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
	if len(r.Tickets.Breaches) > 0 {
		b.WriteString("\nBreaches\n")
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, x := range r.Tickets.Breaches {
			done := "still open"
			if !x.Done.IsZero() {
				done = "done " + x.Done.Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "  %s\t%s %s\tdue %s\t%s\tlate by %v\n", x.Ticket, x.Severity, x.Milestone, x.Due.Format(time.RFC3339), done, x.Overrun)
		}
		tw.Flush()
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func verdict(met bool) string {
	if met {
		return "met"
	}
	return "missed"
}

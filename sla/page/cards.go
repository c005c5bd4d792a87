package page

import (
	"fmt"
	"strings"
	"time"

	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

// cards returns the verdicts of the header, in the order a customer asks.
func (x *monthContext) cards() []card {
	out := []card{x.availabilityCard(), x.budgetCard(), x.rtoCard(), x.rpoCard(), x.ticketsCard(), x.creditCard()}
	var kept []card
	for _, c := range out {
		if c.ID != "" {
			kept = append(kept, c)
		}
	}
	return kept
}

func (x *monthContext) availabilityCard() card {
	c := card{ID: "availability", Title: "Availability"}
	a := x.r.Availability
	if a == nil {
		c.Verdict, c.Figure = verdictNotSupplied, "no outages or coverage"
		c.Sub = "objective " + objective(x.pol.Availability.Decimal())
		return c
	}
	c.Verdict = verdictOf(a.Verdict)
	c.Figure = percent(a.Availability, 4)
	if a.Unknown > 0 { // the least and the most it can have been
		c.Figure = strings.TrimSuffix(percent(a.Availability, 2), pctSign) + "–" + percent(a.Highest, 2)
	}
	c.Sub = "objective " + objective(a.Objective)
	c.Lines = []line{
		{Label: "unplanned", Value: duration(a.Unplanned)},
		{Label: "planned", Value: duration(a.Planned)},
		{Label: "excluded", Value: duration(a.Excluded)},
	}
	if a.Unknown > 0 || a.Monitored != a.Total {
		c.Lines = append(c.Lines, line{Label: "monitored", Value: duration(a.Monitored)}, line{Label: "unknown", Value: duration(a.Unknown)})
	}
	return c
}

func (x *monthContext) budgetCard() card {
	a := x.r.Availability
	if a == nil {
		return card{}
	}
	// The unplanned downtime spends the budget for sure; the unknown time
	// may have (I15): BudgetLeft counts it as spent.
	best := a.Budget - a.Unplanned
	c := card{ID: "budget", Title: "Error budget"}
	used := a.BudgetAt(a.Period.End).Consumed
	c.Figure = used.Shift(2).Truncate(0).String() + pctSign + " used"
	c.Sub = duration(a.Unplanned) + " of " + duration(a.Budget)
	switch {
	case best < 0:
		c.Verdict, c.Word = verdictMissed, "overspent"
		c.Lines = []line{{Label: "overspent", Value: duration(-best)}}
	case a.BudgetLeft < 0:
		c.Verdict = verdictUnknown
		c.Lines = []line{{Label: "left", Value: duration(best)}, {Label: "at worst", Value: duration(a.BudgetLeft)}}
	default:
		c.Verdict, c.Word = verdictMet, "within"
		c.Lines = []line{{Label: "left", Value: duration(a.BudgetLeft)}}
	}
	return c
}

func (x *monthContext) rtoCard() card {
	c := card{ID: "rto", Title: "RTO", Sub: "objective " + duration(time.Duration(x.pol.RTO))}
	if !x.r.Inputs.Incidents.Supplied {
		c.Verdict, c.Figure = verdictNotSupplied, "no incidents given"
		return c
	}
	// An ongoing incident not yet past the objective is judged later; one
	// past it is missed already.
	var met, missed, ongoing int
	var worst time.Duration
	for _, in := range x.r.RTO {
		switch {
		case !in.Met:
			missed++
		case in.Ongoing:
			ongoing++
		default:
			met++
		}
		worst = max(worst, in.Took)
	}
	n := len(x.r.RTO)
	switch {
	case n == 0:
		c.Verdict, c.Figure = verdictMet, "no incident"
		c.Word = "nothing to restore"
		return c
	case missed > 0:
		c.Verdict = verdictMissed
	case ongoing > 0:
		c.Verdict, c.Word = verdictUnknown, "ongoing"
	default:
		c.Verdict = verdictMet
	}
	c.Figure = fmt.Sprintf("%d of %d in time", met, n)
	c.Sub = "restored within " + duration(time.Duration(x.pol.RTO))
	c.Lines = []line{{Label: "longest", Value: duration(worst)}}
	if ongoing > 0 {
		c.Lines = append(c.Lines, line{Label: "ongoing", Value: fmt.Sprint(ongoing)})
	}
	return c
}

func (x *monthContext) rpoCard() card {
	c := card{ID: "rpo", Title: "RPO", Sub: "objective " + duration(time.Duration(x.pol.RPO))}
	rpo := x.r.RPO
	if rpo == nil {
		c.Verdict, c.Figure = verdictNotSupplied, "no recovery points given"
		return c
	}
	c.Verdict = metOrMissed(rpo.Met)
	c.Figure = "worst gap " + duration(rpo.Worst.Duration)
	c.Lines = []line{{Label: "in breach", Value: fmt.Sprintf("%s over %d %s", duration(rpo.Breach), len(rpo.Breaching), plural(len(rpo.Breaching), "gap", "gaps"))}}
	return c
}

// ticketsCard sums each severity's targets over its milestones.
func (x *monthContext) ticketsCard() card {
	c := card{ID: "tickets", Title: "Ticket targets"}
	if !x.r.Inputs.Tickets.Supplied {
		c.Verdict, c.Figure = verdictNotSupplied, "no tickets given"
		return c
	}
	var met, missed int
	sum := map[severity.Level][2]int{}
	var levels []severity.Level
	for _, r := range x.r.Tickets.Rows {
		s, ok := sum[r.Severity]
		if !ok {
			levels = append(levels, r.Severity)
		}
		sum[r.Severity] = [2]int{s[0] + r.Met, s[1] + r.Missed}
		met += r.Met
		missed += r.Missed
	}
	if met+missed == 0 {
		c.Verdict, c.Figure = verdictNone, "none decided"
		return c
	}
	c.Verdict = metOrMissed(missed == 0)
	c.Figure = compliance(met, missed) + " met"
	c.Sub = fmt.Sprintf("%d of %d decided targets", met, met+missed)
	for _, l := range levels {
		s := sum[l]
		v := verdictNone
		if s[0]+s[1] > 0 {
			v = metOrMissed(s[1] == 0)
		}
		c.Lines = append(c.Lines, line{Label: l.String(), Value: fmt.Sprintf("%d/%d · %s", s[0], s[0]+s[1], compliance(s[0], s[1])), Verdict: v})
	}
	return c
}

// creditCard is the service credit owed (I19), when the policy has credit
// tiers: a share of the month's fee, none, or unknown when the availability
// cannot tell.
func (x *monthContext) creditCard() card {
	cr := x.r.Credit
	if cr == nil {
		return card{}
	}
	c := card{ID: "credit", Title: "Service credit"}
	switch {
	case !cr.Known:
		c.Verdict, c.Figure = verdictUnknown, "tier unknown"
		c.Sub = "the availability cannot tell which tier applies"
	case cr.Rate.Decimal().IsZero():
		c.Verdict, c.Word, c.Figure = verdictMet, "none owed", "0"+pctSign
		c.Sub = "of the month's fee"
	default:
		c.Verdict, c.Word = verdictMissed, "owed"
		c.Figure = objective(cr.Rate.Decimal())
		c.Sub = "of the month's fee"
	}
	for _, t := range x.pol.Credits.Tiers {
		c.Lines = append(c.Lines, line{Label: "below " + objective(t.Below.Decimal()), Value: objective(t.Credit.Decimal())})
	}
	return c
}

// compliance is met / (met + missed) as a percentage truncated to two places,
// the form of [sla.Row.Percent]; "—" when nothing was decided.
func compliance(met, missed int) string {
	r := sla.Row{Met: met, Missed: missed}
	p, ok := r.Percent()
	if !ok {
		return "—"
	}
	return percent(p, 2)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

package availability

import (
	"math"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
)

// Precision is the number of decimal places of [Report.Availability],
// [Report.Highest], [BudgetStatus.Consumed] and [Report.BurnRate]: each is
// the exact quotient rounded at this place (half away from zero,
// decimal.Decimal.DivRound). Verdicts and credits never depend on it: they
// compare exact products.
const Precision = 30

// Rules are the contract terms that [Compute] applies. They are plain data;
// the preset of R11–R13 is a nightly window 01:00–02:00 in the customer's
// zone, a notice of 48 hours and an objective of 0.999.
type Rules struct {
	// Window is the recurring maintenance window (R11, I11): whenever it is
	// open the time is planned, whether or not there was an outage. For the
	// nightly window build a calendar open 01:00-02:00 every day in the
	// customer's zone; on a fall-back night that hour happens twice and lasts two
	// real hours. Nil means no window.
	Window *calendar.Calendar

	// Notice is the least elapsed time from announcement to start that makes a
	// [Maintenance] planned (I12); exactly Notice counts. It is real elapsed
	// time, so across a spring-forward night a notice from Friday 10:00 to
	// Sunday 10:00 is 47 hours. Zero accepts any announcement made by the
	// start; negative is an error.
	Notice time.Duration

	// Objective is the availability objective as a fraction in (0, 1], such as
	// 0.999 for 99.9 %; [ParseObjective] reads it from "99.9%". The zero value
	// is refused.
	Objective decimal.Decimal
}

// Validate reports a negative Notice and an Objective outside (0, 1], each as
// a [*FieldError] ("notice", "objective"), joined when both are wrong.
func (r Rules) Validate() error {
	var p problems
	r.check(&p)
	return p.err()
}

func (r Rules) check(p *problems) {
	if r.Notice < 0 {
		p.add(fault.Field("notice", dur.Format(r.Notice), ErrNegative, "want 0s or more, such as \"48h\""))
	}
	if !validObjective(r.Objective) {
		p.add(fault.Field("objective", r.Objective.String(), ErrObjective, "want a fraction above 0 and at most 1, such as 0.999 for 99.9%"))
	}
}

// Compute applies the availability formula of R10 and I10 to period, usually
// a [Month], taking the outages as the complete record of the period: it is
// [ComputeCovered] with [FullyMonitored] coverage, for when monitoring saw
// every instant. When it may not have, say where it did with ComputeCovered:
// absence of evidence is never compliance (I15).
//
//	availability = (T − P − U) / (T − P)
//
// where T is the period's elapsed length, P the measure of the union of
// planned intervals (the open time of rules.Window, and every [Maintenance]
// announced at least rules.Notice before its start, up to its announced end),
// and U the unplanned downtime that is neither planned nor excluded
// ([Exceptional] and [SecurityBlock] outages). Every instant counts once, with
// the precedence planned > excluded > unplanned, and outages are clipped to
// period: an outage across midnight on the month's last day splits at the
// local month boundary. When T − P is zero the availability is 1.
//
// The outages slice is read, never modified, and its order does not matter.
// An error lists every bad value (up to 20, joined), each a [*FieldError]
// naming its path: the period ("period.end"), an outage by index and field
// ("outages[3].announced_at"), or a rule ("objective"). Compute takes
// O(n log n) time for n outages.
func Compute(period calendar.Interval, outages []Outage, rules Rules) (Report, error) {
	return ComputeCovered(period, outages, FullyMonitored(), rules)
}

// ComputeCovered is [Compute] where monitoring covered only part of the
// period (I15). Time that coverage does not include, and that no window,
// maintenance or outage accounts for, is unknown: [Report.Unknown]. The
// verdict is then exact and three-valued:
//
//   - [VerdictMet] when the objective holds even with all unknown time
//     counted as down, (T − P − U − M) ≥ objective × (T − P);
//   - [VerdictMissed] when it fails even with all unknown time counted as up,
//     (T − P − U) < objective × (T − P);
//   - [VerdictUnknown] otherwise, and whenever no time of the period was
//     monitored: coverage not supplied (the zero [Coverage]), or supplied with
//     no interval inside the period.
//
// An outage is evidence in its own right: its time counts as downtime whether
// or not monitoring covered it. [Report.Availability] and [Report.Highest]
// bound the availability. With [FullyMonitored] the results are those of
// Compute, M is zero and the two bounds are equal.
//
// Errors are those of Compute, and a coverage interval with a zero time or an
// end before its start ("coverage[2].end"). ComputeCovered takes O(n log n)
// time for n outages and coverage intervals.
func ComputeCovered(period calendar.Interval, outages []Outage, coverage Coverage, rules Rules) (Report, error) {
	var p problems
	period, total := checkPeriod(period, &p)
	rules.check(&p)
	var count [numClass]int
	for i, o := range outages {
		o.check(i, &p)
		switch o.Cause {
		case Unplanned:
			count[ClassUnplanned]++
		case Exceptional, SecurityBlock:
			count[ClassExcluded]++
		case Maintenance:
			count[ClassPlanned]++
			count[ClassUnplanned]++
		}
	}
	coverage.check(&p)
	if err := p.err(); err != nil {
		return Report{}, err
	}

	clip := func(t time.Time) int64 { return offset(period, total, t) }
	var sw sweep
	count[ClassUp] = len(coverage.intervals)
	for c := range count {
		sw.starts[c] = make([]int64, 0, count[c])
		sw.ends[c] = make([]int64, 0, count[c])
	}
	for _, o := range outages {
		// Offsets from the stripped period use the wall clock; only the notice,
		// measured between two of the caller's times, needs stripping.
		s, e := clip(o.Start), clip(o.End)
		switch o.Cause {
		case Unplanned:
			sw.add(ClassUnplanned, s, e)
		case Exceptional, SecurityBlock:
			sw.add(ClassExcluded, s, e)
		case Maintenance:
			if o.Start.Round(0).Sub(o.AnnouncedAt.Round(0)) >= rules.Notice { // Sub saturates, keeping order
				m := clip(o.AnnouncedEnd)
				sw.add(ClassPlanned, s, min(e, m))
				sw.add(ClassUnplanned, max(s, m), e)
			} else {
				sw.add(ClassUnplanned, s, e)
			}
		}
	}
	for _, iv := range coverage.intervals {
		sw.add(ClassUp, clip(iv.Start), clip(iv.End))
	}
	if rules.Window != nil && total > 0 {
		for iv := range rules.Window.Windows(period.Start, period.End) {
			sw.add(ClassPlanned, clip(iv.Start), clip(iv.End))
		}
	}
	spans, monitored := sw.run(total, coverage.IsFull())

	r := Report{
		Period:    period,
		Objective: rules.Objective,
		Total:     time.Duration(total),
		Monitored: time.Duration(monitored),
		Evidence:  make([]Segment, len(spans)),
		Outages:   make([]Breakdown, len(outages)),
	}
	var sum [numClass]int64
	for i, sp := range spans {
		sum[sp.class] += sp.to - sp.from
		r.Evidence[i] = Segment{
			Start: period.Start.Add(time.Duration(sp.from)),
			End:   period.Start.Add(time.Duration(sp.to)),
			Class: sp.class,
		}
	}
	r.Planned = time.Duration(sum[ClassPlanned])
	r.Excluded = time.Duration(sum[ClassExcluded])
	r.Unplanned = time.Duration(sum[ClassUnplanned])
	r.Unknown = time.Duration(sum[ClassUnknown])
	r.Up = r.Total - r.Planned - r.Excluded - r.Unplanned - r.Unknown
	committed := total - sum[ClassPlanned]
	r.Availability = ratio(committed, sum[ClassUnplanned]+sum[ClassUnknown])
	r.Highest = ratio(committed, sum[ClassUnplanned])
	r.Verdict = verdict(committed, sum[ClassUnplanned], sum[ClassUnknown], rules.Objective)
	if !coverage.IsFull() && monitored == 0 {
		r.Verdict = VerdictUnknown // no coverage at all (I15)
	}
	r.Met = r.Verdict == VerdictMet
	r.Budget = budget(committed, rules.Objective)
	r.BudgetLeft = r.Budget - r.Unplanned - r.Unknown

	cum := cumulate(spans)
	for i, o := range outages {
		r.Outages[i] = breakdown(spans, cum, clip(o.Start), clip(o.End))
	}
	return r, nil
}

// checkPeriod strips period's monotonic readings and returns it with its
// length in nanoseconds, adding its problems to p.
func checkPeriod(period calendar.Interval, p *problems) (calendar.Interval, int64) {
	pe := calendar.Interval{Start: period.Start.Round(0), End: period.End.Round(0)}
	bad := len(p.errs) + p.more
	// The zero time.Time is a missing value, except as the start of a period
	// that ends less than 292 years later: Month(1, time.January, time.UTC)
	// begins at that very instant.
	startMissing := pe.Start.IsZero() && (pe.End.IsZero() || pe.End.Sub(pe.Start) == math.MaxInt64)
	for _, f := range []struct {
		name    string
		t       time.Time
		missing bool
	}{{"period.start", pe.Start, startMissing}, {"period.end", pe.End, pe.End.IsZero()}} {
		switch y := rfc3339(f.t).Year(); {
		case f.missing:
			p.add(fault.Field(f.name, "", ErrMissing, "want an RFC 3339 time"))
		case y < 0 || y > 9999:
			p.add(fault.Field(f.name, timeText(f.t), ErrRange, "want an instant RFC 3339 can write, in years 0 to 9999 of its zone"))
		}
	}
	if len(p.errs)+p.more > bad {
		return pe, 0
	}
	if pe.End.Before(pe.Start) {
		p.add(fault.Field("period.end", timeText(pe.End), ErrReversed, "want at or after period.start "+strconv.Quote(timeText(pe.Start))))
		return pe, 0
	}
	total := pe.End.Sub(pe.Start)
	if total == math.MaxInt64 { // Sub saturated, or exactly at the limit
		p.add(fault.Field("period.end", timeText(pe.End), ErrTooLong, "want less than "+dur.Format(math.MaxInt64)+" after period.start"))
		return pe, 0
	}
	return pe, int64(total)
}

// offset returns t as nanoseconds after p.Start, clipped to [0, total]. It
// computes the difference from seconds and nanoseconds: inside the period it
// fits, and time.Sub's overflow checks cost a third of a large Compute.
func offset(p calendar.Interval, total int64, t time.Time) int64 {
	switch {
	case !t.After(p.Start):
		return 0
	case !t.Before(p.End):
		return total
	}
	return (t.Unix()-p.Start.Unix())*int64(time.Second) + int64(t.Nanosecond()-p.Start.Nanosecond())
}

// ratio returns (committed − down) / committed rounded to Precision places,
// or 1 when committed is 0.
func ratio(committed, down int64) decimal.Decimal {
	if committed == 0 {
		return decimal.NewFromInt(1)
	}
	return decimal.NewFromInt(committed-down).DivRound(decimal.NewFromInt(committed), Precision)
}

// meets reports exactly whether (committed − down) / committed is at least
// objective: (committed − down) ≥ objective × committed.
func meets(committed, down int64, objective decimal.Decimal) bool {
	return decimal.NewFromInt(committed-down).Cmp(objective.Mul(decimal.NewFromInt(committed))) >= 0
}

// verdict decides the objective with the unknown time counted as down, then
// as up.
func verdict(committed, unplanned, unknown int64, objective decimal.Decimal) Verdict {
	switch {
	case meets(committed, unplanned+unknown, objective):
		return VerdictMet
	case !meets(committed, unplanned, objective):
		return VerdictMissed
	}
	return VerdictUnknown
}

// budget returns ⌊(1 − objective) × committed⌋ nanoseconds: an unplanned
// downtime U meets the objective exactly when U ≤ budget.
func budget(committed int64, objective decimal.Decimal) time.Duration {
	b := exactBudget(committed, objective)
	return time.Duration(b.Floor().IntPart())
}

// exactBudget returns (1 − objective) × committed nanoseconds, exactly.
func exactBudget(committed int64, objective decimal.Decimal) decimal.Decimal {
	return decimal.NewFromInt(1).Sub(objective).Mul(decimal.NewFromInt(committed))
}

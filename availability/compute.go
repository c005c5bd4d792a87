package availability

import (
	"math"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/calendar"
)

// Precision is the number of decimal places of [Report.Availability],
// [BudgetStatus.Consumed] and [Report.BurnRate]: each is the exact quotient
// rounded at this place (half away from zero, decimal.Decimal.DivRound).
// Verdicts never depend on it: Met and the alerts compare exact products.
const Precision = 30

// Rules are the contract terms that [Compute] applies. They are plain data;
// the SPEC's preset is a nightly window 01:00–02:00 in the customer's zone,
// a notice of 48 hours and an objective of 0.999.
type Rules struct {
	// Window is the recurring maintenance window (SPEC R11, I11): whenever it is
	// open the time is planned, whether or not there was an outage. For the
	// nightly window build a calendar open 01:00-02:00 every day in the
	// customer's zone; on a fall-back night that hour happens twice and lasts two
	// real hours. Nil means no window.
	Window *calendar.Calendar

	// Notice is the least elapsed time from announcement to start that makes a
	// [Maintenance] planned (SPEC I12); exactly Notice counts. It is real
	// elapsed time, so across a spring-forward night a notice from Friday 10:00
	// to Sunday 10:00 is 47 hours. Zero accepts any announcement made by the
	// start; negative is an error.
	Notice time.Duration

	// Objective is the availability objective as a fraction in (0, 1], such as
	// 0.999 for 99.9 %. The zero value is refused.
	Objective decimal.Decimal
}

// Validate reports a negative Notice or an Objective outside (0, 1] as a
// [*FieldError].
func (r Rules) Validate() error {
	if r.Notice < 0 {
		return fieldError("", -1, "notice", r.Notice.String(), ErrNegative)
	}
	if r.Objective.Sign() <= 0 || r.Objective.Cmp(decimal.NewFromInt(1)) > 0 {
		return fieldError("", -1, "objective", r.Objective.String(), ErrObjective)
	}
	return nil
}

// Compute applies the availability formula of SPEC R10 and I10 to period,
// usually a [Month]:
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
// An error is a [*FieldError] naming the first bad value: the period
// ("period.end"), an outage by index and field ("outages[3].announced_at"),
// or a rule ("objective"). Compute takes O(n log n) time for n outages.
func Compute(period calendar.Interval, outages []Outage, rules Rules) (Report, error) {
	period, total, err := checkPeriod(period)
	if err != nil {
		return Report{}, err
	}
	if err := rules.Validate(); err != nil {
		return Report{}, err
	}
	var count [numClass]int
	for i, o := range outages {
		if err := o.check(i); err != nil {
			return Report{}, err
		}
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

	clip := func(t time.Time) int64 { return offset(period, total, t) }
	var sw sweep
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
	if rules.Window != nil && total > 0 {
		for iv := range rules.Window.Windows(period.Start, period.End) {
			sw.add(ClassPlanned, clip(iv.Start), clip(iv.End))
		}
	}
	spans := sw.run()

	r := Report{
		Period:    period,
		Objective: rules.Objective,
		Total:     time.Duration(total),
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
	r.Up = r.Total - r.Planned - r.Excluded - r.Unplanned
	r.Availability, r.Met = ratio(total-sum[ClassPlanned], sum[ClassUnplanned], rules.Objective)
	r.Budget = budget(total-sum[ClassPlanned], rules.Objective)
	r.BudgetLeft = r.Budget - r.Unplanned

	cum := cumulate(spans)
	for i, o := range outages {
		r.Outages[i] = breakdown(spans, cum, clip(o.Start), clip(o.End))
	}
	return r, nil
}

// checkPeriod strips period's monotonic readings and returns it with its
// length in nanoseconds.
func checkPeriod(period calendar.Interval) (calendar.Interval, int64, error) {
	p := calendar.Interval{Start: period.Start.Round(0), End: period.End.Round(0)}
	value := func(t time.Time) string { return t.Format(time.RFC3339Nano) }
	switch {
	case p.Start.IsZero():
		return p, 0, fieldError("", -1, "period.start", "", ErrMissing)
	case p.End.IsZero():
		return p, 0, fieldError("", -1, "period.end", "", ErrMissing)
	case p.End.Before(p.Start):
		return p, 0, fieldError("", -1, "period.end", value(p.End), ErrReversed)
	}
	total := p.End.Sub(p.Start)
	if total == math.MaxInt64 { // Sub saturated, or exactly at the limit
		return p, 0, fieldError("", -1, "period.end", value(p.End), ErrTooLong)
	}
	return p, int64(total), nil
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

// ratio returns (committed − unplanned) / committed rounded to Precision
// places (1 when committed is 0), and whether it is at least objective,
// compared exactly: (committed − unplanned) ≥ objective × committed.
func ratio(committed, unplanned int64, objective decimal.Decimal) (decimal.Decimal, bool) {
	up := decimal.NewFromInt(committed - unplanned)
	c := decimal.NewFromInt(committed)
	met := up.Cmp(objective.Mul(c)) >= 0
	if committed == 0 {
		return decimal.NewFromInt(1), met
	}
	return up.DivRound(c, Precision), met
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

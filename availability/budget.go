package availability

import (
	"sort"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// BudgetStatus is the unplanned-downtime budget as it stood at one instant of
// the period, as SLO tools show it, but on the contract's formula.
type BudgetStatus struct {
	At     time.Time     `json:"at"`     // the instant, clipped to the period
	Budget time.Duration `json:"budget"` // the whole period's budget, [Report.Budget]
	Spent  time.Duration `json:"spent"`  // unplanned downtime in [Period.Start, At)
	Left   time.Duration `json:"left"`   // Budget − Spent; negative once overspent

	// Unknown is the unknown time in [Period.Start, At) (I15), not counted in
	// Spent: it may have been up.
	Unknown time.Duration `json:"unknown"`

	// Consumed is Spent over the exact budget (1 − Objective) × (T − P),
	// rounded to [Precision] places: 0.25 when a quarter is spent, above 1 when
	// overspent. With a zero budget (objective 1, or no committed time) it is 0
	// while nothing is spent and 1 once anything is.
	Consumed decimal.Decimal `json:"consumed"`
}

// MarshalJSON writes the fields under their snake_case names, durations in
// the text form "41m24s".
func (s BudgetStatus) MarshalJSON() ([]byte, error) {
	s.At = rfc3339(s.At)
	return jsonx.Marshal(s)
}

// BudgetAt returns the budget at instant at. Instants before the period see
// nothing spent; instants after it see the whole period.
func (r Report) BudgetAt(at time.Time) BudgetStatus {
	at = clamp(at.Round(0), r.Period.Start, r.Period.End)
	spent := r.timeIn(ClassUnplanned, r.Period.Start, at)
	s := BudgetStatus{At: at, Budget: r.Budget, Spent: spent, Left: r.Budget - spent, Unknown: r.timeIn(ClassUnknown, r.Period.Start, at)}
	exact := exactBudget(int64(r.Total-r.Planned), r.Objective)
	switch {
	case spent == 0:
		s.Consumed = decimal.Zero
	case exact.Sign() <= 0:
		s.Consumed = decimal.NewFromInt(1)
	default:
		s.Consumed = decimal.NewFromInt(int64(spent)).DivRound(exact, Precision)
	}
	return s
}

// BurnRate returns how fast the budget burned over the trailing window
// [at − window, at), clipped to the period: the unplanned fraction of the
// committed (not planned) time in the window, divided by 1 − Objective, and
// rounded to [Precision] places. At a rate of 1 the budget lasts exactly
// the period; at 14.4 a 30-day budget is gone in 50 hours. The rate is 0 when
// the window holds no unplanned or no committed time. ok is false when the
// rate is infinite: an objective of 1 with unplanned time in the window.
//
// The window never reaches before the period's start: to look back across a
// month boundary, compute a report over a longer period.
func (r Report) BurnRate(at time.Time, window time.Duration) (rate decimal.Decimal, ok bool) {
	a, b := r.window(at, window)
	unplanned := r.timeIn(ClassUnplanned, a, b)
	committed := b.Sub(a) - r.timeIn(ClassPlanned, a, b)
	if unplanned == 0 || committed <= 0 {
		return decimal.Zero, true
	}
	allowed := decimal.NewFromInt(1).Sub(r.Objective).Mul(decimal.NewFromInt(int64(committed)))
	if allowed.Sign() <= 0 {
		return decimal.Zero, false
	}
	return decimal.NewFromInt(int64(unplanned)).DivRound(allowed, Precision), true
}

// AlertRule fires when at least Fraction of the period's budget burned within
// the trailing Window, the multi-window rules of SLO practice applied to the
// contract's budget. [DefaultAlerts] returns a common set.
type AlertRule struct {
	// Name says what to do when the rule fires, such as "page" or "ticket".
	Name string `json:"name"`

	// Window is the trailing window; it must be positive.
	Window time.Duration `json:"window"`

	// Fraction is the part of the period's budget, such as 0.02 for 2 %; it
	// must be positive.
	Fraction decimal.Decimal `json:"fraction"`

	// Short is an optional shorter trailing window that must burn at the same
	// pace (Fraction × Short / Window of the budget) for the rule to fire, so
	// an alert stops soon after the burning does. Zero means no such check.
	Short time.Duration `json:"short,omitzero"`
}

// MarshalJSON writes {"name":"page","window":"1h","fraction":"0.02","short":"5m"}.
func (a AlertRule) MarshalJSON() ([]byte, error) { return jsonx.Marshal(a) }

// UnmarshalJSON reads the form MarshalJSON writes, strictly.
func (a *AlertRule) UnmarshalJSON(data []byte) error {
	type plain AlertRule
	return jsonx.Decode(data, (*plain)(a))
}

// DefaultAlerts returns the usual multi-window rules for a 30-day budget:
// page when 2 % of the budget burns in 1 hour (checked over 5 minutes too) or
// 5 % in 6 hours (and 30 minutes); open a ticket when 10 % burns in 3 days
// (and 6 hours). The slice is new on every call.
func DefaultAlerts() []AlertRule {
	return []AlertRule{
		{Name: "page", Window: time.Hour, Fraction: decimal.New(2, -2), Short: 5 * time.Minute},
		{Name: "page", Window: 6 * time.Hour, Fraction: decimal.New(5, -2), Short: 30 * time.Minute},
		{Name: "ticket", Window: 72 * time.Hour, Fraction: decimal.New(10, -2), Short: 6 * time.Hour},
	}
}

// Alert is a rule that fires, with the unplanned downtime that made it fire.
type Alert struct {
	Rule       AlertRule     `json:"rule"`
	Spent      time.Duration `json:"spent"`       // unplanned downtime in the rule's window
	ShortSpent time.Duration `json:"short_spent"` // in its short window; zero when it has none
}

// MarshalJSON writes the fields under their snake_case names, durations in
// the text form "5m".
func (a Alert) MarshalJSON() ([]byte, error) { return jsonx.Marshal(a) }

// Alerts returns the rules that fire at instant at, in the order given. A
// rule fires when its window holds unplanned downtime of at least Fraction of
// the exact budget, compared exactly, and its short window (if any) at least
// the same share of that; with a zero budget any unplanned downtime in both
// windows fires. Unknown time never fires a rule. Windows are clipped to the
// period as in [Report.BurnRate]. An error lists every rule whose Window or
// Fraction is not positive, or whose Short is negative, each a [*FieldError]
// ("alerts[1].window").
func (r Report) Alerts(at time.Time, rules []AlertRule) ([]Alert, error) {
	var p problems
	for i, rule := range rules {
		at := func(f string) string { return fault.Join(fault.Index("alerts", i), f) }
		if rule.Window <= 0 {
			p.add(fault.Field(at("window"), dur.Format(rule.Window), ErrNotPositive, "want a trailing window such as \"1h\""))
		}
		if rule.Fraction.Sign() <= 0 {
			p.add(fault.Field(at("fraction"), rule.Fraction.String(), ErrNotPositive, "want a fraction of the budget such as 0.02"))
		}
		if rule.Short < 0 {
			p.add(fault.Field(at("short"), dur.Format(rule.Short), ErrNegative, "want 0s (none) or a window such as \"5m\""))
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	exact := exactBudget(int64(r.Total-r.Planned), r.Objective)
	var out []Alert
	for _, rule := range rules {
		threshold := rule.Fraction.Mul(exact) // in nanoseconds of unplanned time
		a, b := r.window(at, rule.Window)
		spent := r.timeIn(ClassUnplanned, a, b)
		if spent == 0 || decimal.NewFromInt(int64(spent)).Cmp(threshold) < 0 {
			continue
		}
		alert := Alert{Rule: rule, Spent: spent}
		if rule.Short > 0 {
			a, b := r.window(at, rule.Short)
			alert.ShortSpent = r.timeIn(ClassUnplanned, a, b)
			// ShortSpent ≥ threshold × Short / Window, without dividing.
			lhs := decimal.NewFromInt(int64(alert.ShortSpent)).Mul(decimal.NewFromInt(int64(rule.Window)))
			rhs := threshold.Mul(decimal.NewFromInt(int64(rule.Short)))
			if alert.ShortSpent == 0 || lhs.Cmp(rhs) < 0 {
				continue
			}
		}
		out = append(out, alert)
	}
	return out, nil
}

// window returns the trailing window [at − d, at) clipped to the period.
func (r Report) window(at time.Time, d time.Duration) (time.Time, time.Time) {
	at = at.Round(0)
	b := clamp(at, r.Period.Start, r.Period.End)
	a := clamp(at.Add(-max(d, 0)), r.Period.Start, b)
	return a, b
}

// timeIn returns the time of class c in [a, b) according to the evidence.
func (r Report) timeIn(c Class, a, b time.Time) time.Duration {
	ev := r.Evidence
	i := sort.Search(len(ev), func(i int) bool { return ev[i].End.After(a) })
	var d time.Duration
	for ; i < len(ev) && ev[i].Start.Before(b); i++ {
		if ev[i].Class != c {
			continue
		}
		lo, hi := ev[i].Start, ev[i].End
		if lo.Before(a) {
			lo = a
		}
		if hi.After(b) {
			hi = b
		}
		if hi.After(lo) {
			d += hi.Sub(lo)
		}
	}
	return d
}

// clamp returns t limited to [lo, hi].
func clamp(t, lo, hi time.Time) time.Time {
	if t.Before(lo) {
		return lo
	}
	if t.After(hi) {
		return hi
	}
	return t
}

package availability

import (
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/jsonx"
)

// Report is the result of [Compute] for one period: the I10 quantities, the
// availability, the verdict, the unplanned-downtime budget, and the evidence
// behind them. With partial coverage ([ComputeCovered]) it also tells how much
// of the period is unknown (I15) and bounds the availability.
//
// Its JSON form: durations in the text form "30h", "41m24s", "-18m36s";
// decimals as strings ("0.999"); instants RFC 3339 in the period's zone. For
// example (R10 example E5):
//
//	{"period":{"start":"2026-06-01T00:00:00+02:00","end":"2026-07-01T00:00:00+02:00"},
//	 "objective":"0.999","total":"720h","planned":"30h","unplanned":"1h",
//	 "excluded":"0s","unknown":"0s","monitored":"720h","up":"689h",
//	 "availability":"0.998550724637681159420289855072",
//	 "highest":"0.998550724637681159420289855072","verdict":"missed","met":false,
//	 "budget":"41m24s","budget_left":"-18m36s",
//	 "evidence":[{"start":"2026-06-01T01:00:00+02:00","end":"2026-06-01T02:00:00+02:00","class":"planned"}, …],
//	 "outages":[{"planned":"1h","excluded":"0s","unplanned":"1h"}]}
type Report struct {
	Period    calendar.Interval `json:"period"`    // the period computed, monotonic readings stripped
	Objective decimal.Decimal   `json:"objective"` // the objective applied

	Total     time.Duration `json:"total"`     // T: the period's elapsed length
	Planned   time.Duration `json:"planned"`   // P: the union of planned intervals
	Unplanned time.Duration `json:"unplanned"` // U: unplanned downtime outside P and outside excluded time
	Excluded  time.Duration `json:"excluded"`  // downtime excluded by R4 or R12, outside P

	// Unknown is M (I15): time that monitoring did not cover and that no
	// window, maintenance or outage accounts for. Zero with full coverage.
	Unknown time.Duration `json:"unknown"`
	// Monitored is the part of the period that monitoring covered, whatever
	// happened in it: T with full coverage.
	Monitored time.Duration `json:"monitored"`

	Up time.Duration `json:"up"` // T − P − U − Excluded − Unknown

	// Availability is the least the availability can be, with the unknown time
	// counted as down: (T − P − U − M) / (T − P), 1 when T − P is zero, rounded
	// to [Precision] decimal places. It is a fraction: 0.999 is 99.9 %. With
	// full coverage M is zero and this is the availability of R10.
	Availability decimal.Decimal `json:"availability"`

	// Highest is the most the availability can be, with the unknown time
	// counted as up: (T − P − U) / (T − P), rounded likewise. It equals
	// Availability when Unknown is zero.
	Highest decimal.Decimal `json:"highest"`

	// Verdict is met, missed or unknown, decided exactly as [ComputeCovered]
	// says: exactly 99.9 % meets 99.9 %.
	Verdict Verdict `json:"verdict"`

	// Met reports whether Verdict is [VerdictMet]: false both when missed and
	// when unknown.
	Met bool `json:"met"`

	// Budget is the unplanned downtime the objective allows,
	// ⌊(1 − Objective) × (T − P)⌋ to the nanosecond, and BudgetLeft is
	// Budget − U − M, negative when overspent (the unknown time counts as
	// spent). Whenever some time was monitored, Met is BudgetLeft ≥ 0.
	Budget     time.Duration `json:"budget"`
	BudgetLeft time.Duration `json:"budget_left"`

	// Evidence lists every maximal interval of downtime or unknown time with
	// the class it counted in, in time order; the time between them is up.
	// Planned intervals include every window of the maintenance calendar,
	// outage or not.
	Evidence []Segment `json:"evidence"`

	// Outages holds, for each outage given to Compute in the same order, how
	// its time inside the period was counted.
	Outages []Breakdown `json:"outages"`
}

// Percent formats Availability as a percentage with places decimals followed
// by " %", as the package function [Percent] does: truncated, never rounded,
// so 99.8951 % prints as "99.89 %" with two places, not as a
// compliant-looking "99.90 %". Use [Report.Verdict] for the verdict: it is
// exact.
func (r Report) Percent(places int32) string { return Percent(r.Availability, places) }

// Percent formats the fraction f as a percentage with places decimals
// followed by " %", truncated toward zero; a negative places counts as zero.
//
// For an availability of a [Report] and up to 8 places, the digits are those
// of the exact ratio: T − P is below 2^63 ns, so the ratio is never within
// 10^−30 below a number of 10 decimals, and rounding it at [Precision] places
// cannot carry it across one.
func Percent(f decimal.Decimal, places int32) string {
	places = max(places, 0)
	return f.Shift(2).Truncate(places).StringFixed(places) + " %"
}

// MarshalJSON writes the form shown on [Report].
func (r Report) MarshalJSON() ([]byte, error) {
	r.Period = calendar.Interval{Start: rfc3339(r.Period.Start), End: rfc3339(r.Period.End)}
	return jsonx.Marshal(r)
}

// UnmarshalJSON reads the form MarshalJSON writes, strictly, so that a stored
// report can be read back and queried ([Report.BudgetAt], [Report.Alerts]).
func (r *Report) UnmarshalJSON(data []byte) error {
	type plain Report
	return jsonx.Decode(data, (*plain)(r))
}

// Segment is one interval [Start, End) of [Report.Evidence] and its class.
type Segment struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Class Class     `json:"class"`
}

// Interval returns the segment's span.
func (s Segment) Interval() calendar.Interval { return calendar.Interval{Start: s.Start, End: s.End} }

// MarshalJSON writes {"start":…,"end":…,"class":"planned"}, times RFC 3339
// as [Outage.MarshalJSON] writes them.
func (s Segment) MarshalJSON() ([]byte, error) {
	type plain Segment
	s.Start, s.End = rfc3339(s.Start), rfc3339(s.End)
	return jsonx.Marshal(plain(s))
}

// Breakdown tells how one outage's time inside the period was counted. The
// three parts add up to the outage's clipped length: an unplanned outage
// across the nightly window is partly planned, a maintenance announced too
// late is all unplanned. Overlapping outages each see the shared time. An
// outage's time is never unknown: an outage is evidence.
type Breakdown struct {
	Planned   time.Duration `json:"planned"`   // counted as planned: the window, or timely maintenance
	Excluded  time.Duration `json:"excluded"`  // counted as excluded (R4, R12)
	Unplanned time.Duration `json:"unplanned"` // counted in U
}

// MarshalJSON writes {"planned":"1h","excluded":"0s","unplanned":"1h"}.
func (b Breakdown) MarshalJSON() ([]byte, error) { return jsonx.Marshal(b) }

// UnmarshalJSON reads the form MarshalJSON writes, strictly.
func (b *Breakdown) UnmarshalJSON(data []byte) error {
	type plain Breakdown
	return jsonx.Decode(data, (*plain)(b))
}

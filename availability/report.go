package availability

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/calendar"
)

// Report is the result of [Compute] for one period: the SPEC I10 quantities,
// the availability, the verdict, the unplanned-downtime budget, and the
// evidence behind them.
//
// Its JSON form is stable: durations are Go duration strings ("30h0m0s",
// "-18m36s"), decimals are strings ("0.999"), times are RFC 3339. For example:
//
//	{"period":{"start":"2026-06-01T00:00:00+02:00","end":"2026-07-01T00:00:00+02:00"},
//	 "objective":"0.999","total":"720h0m0s","planned":"30h0m0s","unplanned":"1h0m0s",
//	 "excluded":"0s","up":"689h0m0s","availability":"0.998550724637681159420289855072",
//	 "met":false,"budget":"41m24s","budget_left":"-18m36s",
//	 "evidence":[{"start":"2026-06-01T01:00:00+02:00","end":"2026-06-01T02:00:00+02:00","class":"planned"}, …],
//	 "outages":[{"planned":"1h0m0s","excluded":"0s","unplanned":"1h0m0s"}]}
type Report struct {
	Period    calendar.Interval // the period computed, monotonic readings stripped
	Objective decimal.Decimal   // the objective applied

	Total     time.Duration // T: the period's elapsed length
	Planned   time.Duration // P: the union of planned intervals
	Unplanned time.Duration // U: unplanned downtime outside P and outside excluded time
	Excluded  time.Duration // downtime excluded by R4 or R12, outside P
	Up        time.Duration // T − P − U − Excluded

	// Availability is (T − P − U) / (T − P), 1 when T − P is zero, rounded to
	// [Precision] decimal places. It is a fraction: 0.999 is 99.9 %.
	Availability decimal.Decimal

	// Met reports whether the exact availability is at least Objective; it is
	// decided without rounding, so exactly 99.9 % meets 99.9 %.
	Met bool

	// Budget is the unplanned downtime the objective allows,
	// ⌊(1 − Objective) × (T − P)⌋ to the nanosecond, and BudgetLeft is
	// Budget − U, negative when overspent. Met is BudgetLeft ≥ 0.
	Budget     time.Duration
	BudgetLeft time.Duration

	// Evidence lists every maximal interval of downtime with the class it
	// counted in, in time order; the time between them is up. Planned intervals
	// include every window of the maintenance calendar, outage or not.
	Evidence []Segment

	// Outages holds, for each outage given to Compute in the same order, how
	// its time inside the period was counted.
	Outages []Breakdown
}

// Percent formats Availability as a percentage with places decimals followed
// by " %". The digits are truncated, never rounded: an availability of
// 99.8951 % prints as "99.89 %" with two places, not as a compliant-looking
// "99.90 %". A negative places counts as zero. Use [Report.Met] for the
// verdict: it is exact.
//
// For up to 8 places the digits are those of the exact ratio: T − P is below
// 2^63 ns, so the ratio is never within 10^−30 below a number of 10 decimals,
// and rounding it at [Precision] places cannot carry it across one.
func (r Report) Percent(places int32) string {
	places = max(places, 0)
	return r.Availability.Shift(2).Truncate(places).StringFixed(places) + " %"
}

// Class is how an instant counted in the formula. The classes are ordered by
// precedence: when downtimes overlap, the highest class present wins.
type Class uint8

// The classes, lowest precedence first.
const (
	ClassUp        Class = iota // no downtime; never in [Report.Evidence]
	ClassUnplanned              // unplanned downtime, U
	ClassExcluded               // exceptional circumstance or security block
	ClassPlanned                // planned downtime, P
)

var classNames = [...]string{"up", "unplanned", "excluded", "planned"}

// String returns the text form of c, such as "planned", or "Class(7)" for a
// value outside the constants.
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// MarshalText implements [encoding.TextMarshaler]: "up", "unplanned",
// "excluded" or "planned".
func (c Class) MarshalText() ([]byte, error) {
	if int(c) >= len(classNames) {
		return nil, fmt.Errorf("availability: cannot marshal %s", c)
	}
	return []byte(classNames[c]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]; empty text is the zero
// value, [ClassUp].
func (c *Class) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*c = ClassUp
		return nil
	}
	for i, name := range classNames {
		if string(text) == name {
			*c = Class(i)
			return nil
		}
	}
	return fmt.Errorf("availability: unknown class %q", text)
}

// Segment is one interval [Start, End) of [Report.Evidence] and its class.
type Segment struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	Class Class     `json:"class"`
}

// Interval returns the segment's span.
func (s Segment) Interval() calendar.Interval { return calendar.Interval{Start: s.Start, End: s.End} }

// Breakdown tells how one outage's time inside the period was counted. The
// three parts add up to the outage's clipped length: an unplanned outage
// across the nightly window is partly planned, a maintenance announced too
// late is all unplanned. Overlapping outages each see the shared time.
type Breakdown struct {
	Planned   time.Duration // counted as planned: the window, or timely maintenance
	Excluded  time.Duration // counted as excluded (R4, R12)
	Unplanned time.Duration // counted in U
}

// jsonDuration is a time.Duration whose JSON form is its String.
type jsonDuration time.Duration

func (d jsonDuration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

func (d *jsonDuration) UnmarshalText(text []byte) error {
	v, err := time.ParseDuration(string(text))
	*d = jsonDuration(v)
	return err
}

type breakdownJSON struct {
	Planned   jsonDuration `json:"planned"`
	Excluded  jsonDuration `json:"excluded"`
	Unplanned jsonDuration `json:"unplanned"`
}

// MarshalJSON writes {"planned":"1h0m0s","excluded":"0s","unplanned":"1h0m0s"}.
func (b Breakdown) MarshalJSON() ([]byte, error) {
	return json.Marshal(breakdownJSON{jsonDuration(b.Planned), jsonDuration(b.Excluded), jsonDuration(b.Unplanned)})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (b *Breakdown) UnmarshalJSON(data []byte) error {
	var w breakdownJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("availability: breakdown: %w", err)
	}
	*b = Breakdown{time.Duration(w.Planned), time.Duration(w.Excluded), time.Duration(w.Unplanned)}
	return nil
}

type periodJSON struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

type reportJSON struct {
	Period       periodJSON   `json:"period"`
	Objective    string       `json:"objective"`
	Total        jsonDuration `json:"total"`
	Planned      jsonDuration `json:"planned"`
	Unplanned    jsonDuration `json:"unplanned"`
	Excluded     jsonDuration `json:"excluded"`
	Up           jsonDuration `json:"up"`
	Availability string       `json:"availability"`
	Met          bool         `json:"met"`
	Budget       jsonDuration `json:"budget"`
	BudgetLeft   jsonDuration `json:"budget_left"`
	Evidence     []Segment    `json:"evidence"`
	Outages      []Breakdown  `json:"outages"`
}

// MarshalJSON writes the form shown on [Report]. Decimals are written as
// strings whatever the decimal package's settings, so the form never changes.
func (r Report) MarshalJSON() ([]byte, error) {
	w := reportJSON{
		Period:       periodJSON{rfc3339(r.Period.Start), rfc3339(r.Period.End)},
		Objective:    r.Objective.String(),
		Total:        jsonDuration(r.Total),
		Planned:      jsonDuration(r.Planned),
		Unplanned:    jsonDuration(r.Unplanned),
		Excluded:     jsonDuration(r.Excluded),
		Up:           jsonDuration(r.Up),
		Availability: r.Availability.String(),
		Met:          r.Met,
		Budget:       jsonDuration(r.Budget),
		BudgetLeft:   jsonDuration(r.BudgetLeft),
		Evidence:     r.Evidence,
		Outages:      r.Outages,
	}
	if w.Evidence == nil {
		w.Evidence = []Segment{}
	}
	cloned := false
	for i, s := range w.Evidence {
		// != rather than Equal: the instant is the same, the question is
		// whether its written form changes.
		if a, b := rfc3339(s.Start), rfc3339(s.End); a != s.Start || b != s.End {
			if !cloned {
				w.Evidence, cloned = slices.Clone(w.Evidence), true // never write r's slice
			}
			w.Evidence[i].Start, w.Evidence[i].End = a, b
		}
	}
	if w.Outages == nil {
		w.Outages = []Breakdown{}
	}
	return json.Marshal(w)
}

// UnmarshalJSON reads the form MarshalJSON writes, so that a stored report can
// be read back and queried ([Report.BudgetAt], [Report.Alerts]).
func (r *Report) UnmarshalJSON(data []byte) error {
	var w reportJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("availability: report: %w", err)
	}
	obj, err := decimal.NewFromString(w.Objective)
	if err != nil {
		return fmt.Errorf("availability: report: objective: %w", err)
	}
	avail, err := decimal.NewFromString(w.Availability)
	if err != nil {
		return fmt.Errorf("availability: report: availability: %w", err)
	}
	*r = Report{
		Period:       calendar.Interval{Start: w.Period.Start, End: w.Period.End},
		Objective:    obj,
		Total:        time.Duration(w.Total),
		Planned:      time.Duration(w.Planned),
		Unplanned:    time.Duration(w.Unplanned),
		Excluded:     time.Duration(w.Excluded),
		Up:           time.Duration(w.Up),
		Availability: avail,
		Met:          w.Met,
		Budget:       time.Duration(w.Budget),
		BudgetLeft:   time.Duration(w.BudgetLeft),
		Evidence:     w.Evidence,
		Outages:      w.Outages,
	}
	return nil
}

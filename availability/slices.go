package availability

import (
	"math"
	"math/bits"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Slice is the request count of one time slice, for services whose
// availability is measured by requests rather than probes (I19): how many
// requests arrived and how many of them succeeded.
type Slice struct {
	Good  int64 `json:"good"`  // requests that succeeded, 0 ≤ Good ≤ Total
	Total int64 `json:"total"` // requests in the slice; 0 means no data
}

// UnmarshalJSON reads {"good":97,"total":100} strictly: unknown or repeated
// keys are errors with their path.
func (s *Slice) UnmarshalJSON(data []byte) error {
	type plain Slice
	return jsonx.Decode(data, (*plain)(s))
}

// SliceRule says how request counts become downtime (I19): a slice is bad
// when its error ratio, (Total − Good) / Total, exceeds Threshold, and bad
// slices are down only in runs of at least MinRun consecutive slices, as
// contracts that count downtime in whole "downtime periods" of consecutive
// bad minutes do. A slice with no requests is unknown, never up, and breaks
// a run. Its JSON form: {"length":"1m","threshold":"5%","min_run":5}.
type SliceRule struct {
	// Length is the length of every slice, such as one minute; it must be
	// positive.
	Length time.Duration `json:"length"`

	// Threshold is the error ratio a slice must exceed to be bad, in
	// [0 %, 100 %): "5%" makes a slice with 5 % of failed requests good and
	// one with 5.01 % bad; "0%" makes any failure bad.
	Threshold Ratio `json:"threshold"`

	// MinRun is the least number of consecutive bad slices that count as
	// down; shorter runs count as up. Zero and one both mean every bad slice.
	MinRun int `json:"min_run,omitzero"`
}

// MarshalJSON writes the form shown on [SliceRule].
func (r SliceRule) MarshalJSON() ([]byte, error) { return jsonx.Marshal(r) }

// UnmarshalJSON reads the form MarshalJSON writes, strictly.
func (r *SliceRule) UnmarshalJSON(data []byte) error {
	type plain SliceRule
	return jsonx.Decode(data, (*plain)(r))
}

// Validate reports every bad field of r (joined), each a [*FieldError]:
// "length" not positive, "threshold" outside [0 %, 100 %), "min_run"
// negative.
func (r SliceRule) Validate() error {
	var p problems
	r.check(&p)
	return p.err()
}

func (r SliceRule) check(p *problems) {
	if r.Length <= 0 {
		p.add(fault.Field("length", dur.Format(r.Length), ErrNotPositive, `want the length of a slice, such as "1m"`))
	}
	if r.Threshold.Decimal().Sign() < 0 || r.Threshold.Decimal().Cmp(decimal.NewFromInt(1)) >= 0 {
		p.add(fault.Field("threshold", r.Threshold.String(), ErrRange, `want at least 0% and below 100%, such as "5%"`))
	}
	if r.MinRun < 0 {
		p.add(fault.Field("min_run", itoa(r.MinRun), ErrNegative, "want 0 or more consecutive slices"))
	}
}

// FromSlices turns per-slice request counts into an [Observation] of period:
// counts[i] covers [start + i × Length, start + (i+1) × Length). Runs of bad
// slices long enough under rule are down, the other slices with requests
// are up, and slices without requests are gaps, as is any time of the period
// that no slice covers. Slices may reach outside the period; they are clipped
// to it. Give the Observation's Outages and [Observation.Coverage] to
// [ComputeCovered], whose precedence and three-valued verdict then apply.
//
// The error ratio is compared exactly, without floating point. The counts
// slice is read, never modified. An error lists every problem (up to 20,
// joined), each a [*FieldError]: a bad period as in [Compute], a zero
// "start", a rule field as in [SliceRule.Validate], more slices than fit in
// 292 years ("counts"), or a count that is negative or has more good
// requests than requests ("counts[7].good"). FromSlices takes O(n) time for
// n slices and allocates only for the runs it finds.
func FromSlices(period calendar.Interval, start time.Time, counts []Slice, rule SliceRule) (Observation, error) {
	var p problems
	period, _ = checkPeriod(period, &p)
	start = start.Round(0)
	if start.IsZero() {
		p.add(fault.Field("start", "", ErrMissing, "want the RFC 3339 start of the first slice"))
	}
	rule.check(&p)
	if rule.Length > 0 && int64(len(counts)) > math.MaxInt64/int64(rule.Length) {
		p.add(fault.Field("counts", itoa(len(counts))+" slices", ErrTooLong,
			"want at most "+itoa(int(math.MaxInt64/int64(rule.Length)))+" slices of "+dur.Format(rule.Length)))
	}
	for i, c := range counts {
		at := func(f string) string { return fault.Join(fault.Index("counts", i), f) }
		switch {
		case c.Total < 0:
			p.add(fault.Field(at("total"), i64toa(c.Total), ErrNegative, "want 0 or more requests"))
		case c.Good < 0:
			p.add(fault.Field(at("good"), i64toa(c.Good), ErrNegative, "want 0 or more requests"))
		case c.Good > c.Total:
			p.add(fault.Field(at("good"), i64toa(c.Good), ErrRange, "want at most the total, "+i64toa(c.Total)))
		}
	}
	if err := p.err(); err != nil {
		return Observation{}, err
	}

	test := newBadTest(rule.Threshold)
	minRun := max(rule.MinRun, 1)
	b := observer{obs: Observation{Period: period}}
	at := func(i int) time.Time { return start.Add(time.Duration(i) * rule.Length) }
	b.add(missing, period.Start, start)
	for i := 0; i < len(counts); {
		kind := test.kind(counts[i])
		j := i + 1
		for j < len(counts) && test.kind(counts[j]) == kind {
			j++
		}
		st := kind
		if kind == down && j-i < minRun {
			st = up
		}
		b.add(st, at(i), at(j))
		i = j
	}
	b.add(missing, at(len(counts)), period.End)
	return b.done(), nil
}

// badTest decides exactly whether a slice's error ratio exceeds a threshold.
// A threshold of at most 19 decimal places, as every contract writes, is
// num / den with both in a uint64, and the test compares failed × den with
// num × total in 128 bits; any other goes through decimals.
type badTest struct {
	num, den  uint64
	threshold decimal.Decimal // when den is 0
}

func newBadTest(threshold Ratio) badTest {
	d := threshold.Decimal()
	coef, exp := d.Coefficient(), d.Exponent()
	switch {
	case d.Sign() == 0:
		return badTest{num: 0, den: 1}
	case exp <= 0 && exp >= -19 && coef.IsUint64():
		return badTest{num: coef.Uint64(), den: pow10(int(-exp))}
	}
	return badTest{threshold: d}
}

// kind returns missing for a slice without requests, down for a bad one and
// up otherwise.
func (t badTest) kind(c Slice) state {
	if c.Total == 0 {
		return missing
	}
	failed, total := uint64(c.Total-c.Good), uint64(c.Total)
	if t.den == 0 {
		if decimal.NewFromUint64(failed).Cmp(t.threshold.Mul(decimal.NewFromUint64(total))) > 0 {
			return down
		}
		return up
	}
	fh, fl := bits.Mul64(failed, t.den)
	nh, nl := bits.Mul64(t.num, total)
	if fh > nh || fh == nh && fl > nl {
		return down
	}
	return up
}

func pow10(k int) uint64 {
	p := uint64(1)
	for range k {
		p *= 10
	}
	return p
}

func i64toa(v int64) string { return strconv.FormatInt(v, 10) }

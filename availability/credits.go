package availability

import (
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Tier is one row of a service-credit table: a period whose availability is
// strictly below Below earns Credit, a share of the period's fee.
type Tier struct {
	Below  Ratio `json:"below"`
	Credit Ratio `json:"credit"`
}

// UnmarshalJSON reads {"below":"99.9%","credit":"10%"} strictly: unknown or
// repeated keys are errors with their path.
func (t *Tier) UnmarshalJSON(data []byte) error {
	type plain Tier
	return jsonx.Decode(data, (*plain)(t))
}

// Credits is a contract's service-credit table (I19), such as AWS's 10 %
// below 99.9 %, 25 % below 99 % and 100 % below 95 %. Its JSON form:
//
//	{"tiers":[{"below":"99.9%","credit":"10%"},{"below":"99%","credit":"25%"},
//	 {"below":"95%","credit":"100%"}],"cap":"100%"}
//
// The credit for a period is that of the tier with the lowest threshold the
// availability is strictly below, limited to Cap: exactly 99.9 % earns
// nothing under "below 99.9%". The zero value has no tiers: no credit is ever
// owed. Credits is plain data, safe to share once built.
type Credits struct {
	// Tiers, in the order [Credits.Validate] wants: thresholds strictly
	// decreasing, credits strictly increasing, so that less availability never
	// earns less.
	Tiers []Tier `json:"tiers"`
	// Cap is the most a period can earn, at least every tier's credit and at
	// most 100 %.
	Cap Ratio `json:"cap"`
}

// Validate reports every problem at once (joined), each a [*FieldError] with
// its path: a threshold or credit outside (0 %, 100 %] ("tiers[2].credit"), a
// threshold not below the previous one, a credit not above the previous one,
// a cap above 100 % or below a tier's credit ("cap").
func (c Credits) Validate() error {
	var errs []error
	one := Ratio(decimal.NewFromInt(1))
	inRange := func(r Ratio) bool { return r.Decimal().Sign() > 0 && r.Cmp(one) <= 0 }
	for i, t := range c.Tiers {
		at := func(f string) string { return fault.Join(fault.Index("tiers", i), f) }
		if !inRange(t.Below) {
			errs = append(errs, fault.Field(at("below"), t.Below.String(), ErrRange, "want above 0% and at most 100%"))
		} else if i > 0 && inRange(c.Tiers[i-1].Below) && t.Below.Cmp(c.Tiers[i-1].Below) >= 0 {
			errs = append(errs, fault.Field(at("below"), t.Below.String(), ErrInvalid,
				"want less than tiers["+itoa(i-1)+"].below "+quote(c.Tiers[i-1].Below)+": thresholds strictly decreasing"))
		}
		if !inRange(t.Credit) {
			errs = append(errs, fault.Field(at("credit"), t.Credit.String(), ErrRange, "want above 0% and at most 100%"))
		} else if i > 0 && inRange(c.Tiers[i-1].Credit) && t.Credit.Cmp(c.Tiers[i-1].Credit) <= 0 {
			errs = append(errs, fault.Field(at("credit"), t.Credit.String(), ErrInvalid,
				"want more than tiers["+itoa(i-1)+"].credit "+quote(c.Tiers[i-1].Credit)+": a lower threshold earns more"))
		}
	}
	switch top := c.largest(); {
	case c.Cap.Decimal().Sign() < 0 || c.Cap.Cmp(one) > 0:
		errs = append(errs, fault.Field("cap", c.Cap.String(), ErrRange, "want at least 0% and at most 100%"))
	case top >= 0 && c.Cap.Cmp(c.Tiers[top].Credit) < 0:
		errs = append(errs, fault.Field("cap", c.Cap.String(), ErrRange,
			"want at least tiers["+itoa(top)+"].credit "+quote(c.Tiers[top].Credit)+", the largest credit"))
	}
	return joinErrors(errs)
}

// largest returns the index of the first tier with the largest credit, or −1.
func (c Credits) largest() int {
	top := -1
	for i, t := range c.Tiers {
		if top < 0 || t.Credit.Cmp(c.Tiers[top].Credit) > 0 {
			top = i
		}
	}
	return top
}

// Rate returns the credit earned by a period whose exact availability is a
// (a fraction: 0.9986 for 99.86 %): the credit of the tier with the lowest
// threshold strictly above a, limited to Cap; 0 when a is below no
// threshold. It reads the tiers in any order; [Credits.Validate] checks them.
func (c Credits) Rate(a decimal.Decimal) Ratio {
	return c.rate(func(below Ratio) bool { return a.Cmp(below.Decimal()) < 0 })
}

// rate returns the capped credit of the tier with the lowest threshold for
// which under(threshold) holds, or 0.
func (c Credits) rate(under func(below Ratio) bool) Ratio {
	best := -1
	for i, t := range c.Tiers {
		if under(t.Below) && (best < 0 || t.Below.Cmp(c.Tiers[best].Below) < 0) {
			best = i
		}
	}
	if best < 0 {
		return Ratio(decimal.Zero)
	}
	if credit := c.Tiers[best].Credit; credit.Cmp(c.Cap) <= 0 {
		return credit
	}
	return c.Cap
}

// For returns the credit owed for the period of r. It is unknown when r's
// [Verdict] is unknown, and when the tier depends on the unknown time: the
// lowest and the highest availability the period may have had
// ([Report.Availability] and [Report.Highest]) earn different credits. The
// comparison is exact, on the report's durations, not on its rounded
// availability.
func (c Credits) For(r Report) Credit {
	if r.Verdict == VerdictUnknown {
		return Credit{}
	}
	committed := decimal.NewFromInt(int64(r.Total - r.Planned))
	at := func(down time.Duration) Ratio {
		up := decimal.NewFromInt(int64(r.Total - r.Planned - down))
		// up/committed < below ⇔ up < below × committed; with nothing
		// committed the availability is 1, below no threshold.
		return c.rate(func(below Ratio) bool {
			return committed.Sign() > 0 && up.Cmp(below.Decimal().Mul(committed)) < 0
		})
	}
	lo, hi := at(r.Unplanned+r.Unknown), at(r.Unplanned)
	if lo.Cmp(hi) != 0 {
		return Credit{}
	}
	return Credit{Known: true, Rate: lo}
}

// UnmarshalJSON reads the form shown on [Credits] strictly: unknown or
// repeated keys and malformed percentages are errors with their path. It
// checks the syntax only; [Credits.Validate] checks the values.
func (c *Credits) UnmarshalJSON(data []byte) error {
	type plain Credits
	return jsonx.Decode(data, (*plain)(c))
}

// Credit is the service credit owed for one period: a share of the period's
// fee, or unknown. The zero value is unknown.
type Credit struct {
	// Known is false when no credit can be derived from what is known of the
	// period (I15, I19); Rate is then zero and means nothing.
	Known bool
	// Rate is the share of the fee owed, after the cap; zero when no tier
	// applies.
	Rate Ratio
}

// String returns the rate as a percentage ("10%", "0%"), or "unknown".
func (c Credit) String() string {
	if !c.Known {
		return "unknown"
	}
	return c.Rate.String()
}

// MarshalText implements [encoding.TextMarshaler] with the form of
// [Credit.String], so that an unknown credit is never written as zero.
func (c Credit) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]: "unknown" or a
// percentage.
func (c *Credit) UnmarshalText(text []byte) error {
	if string(text) == "unknown" {
		*c = Credit{}
		return nil
	}
	r, err := ParseRatio(string(text))
	if err != nil {
		return fault.Field("", string(text), ErrSyntax, `want "unknown" or a percentage such as "10%"`)
	}
	*c = Credit{Known: true, Rate: r}
	return nil
}

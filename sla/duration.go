package sla

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
)

// Duration is a time.Duration with slakit's one text form: "48h", "30m",
// "1h30m", "41m18.6s", never "48h0m0s". It parses what [time.ParseDuration]
// parses. The zero Duration is "0s".
type Duration time.Duration

// String prints the shortest exact form: "24h", "30m", "1h30m".
func (d Duration) String() string { return dur.Format(time.Duration(d)) }

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. An error is a
// [*FieldError] with the value and what is wanted, and no path: the caller's
// decoder puts the path in front.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := dur.Parse(string(b))
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// Ratio is an exact fraction between 0 and 1 such as an availability objective
// or a threshold. Its text form is a percentage ("99.9%") or a fraction
// ("0.999"); it prints as a percentage. The zero Ratio is 0 %.
//
// Build one from text with [ParseRatio] or [MustRatio]; [NewRatio] takes an
// exact decimal for the rare program that computes one.
type Ratio struct{ d decimal.Decimal }

// wantRatio says what a ratio's text may be.
const wantRatio = `want a percentage such as "99.9%", or a fraction from 0 to 1 such as "0.999"`

// NewRatio returns the ratio of a decimal fraction (0.999 for 99.9 %). It does
// not check the range; [Policy.Validate] does.
func NewRatio(fraction decimal.Decimal) Ratio { return Ratio{fraction} }

// ParseRatio reads a ratio as [Ratio.UnmarshalText] does: "99.9%", "0.999".
func ParseRatio(s string) (Ratio, error) {
	var r Ratio
	err := r.UnmarshalText([]byte(s))
	return r, err
}

// MustRatio parses s as [ParseRatio] does and panics on error; for constants
// in code, such as sla.MustRatio("99.95%").
func MustRatio(s string) Ratio {
	r, err := ParseRatio(s)
	if err != nil {
		panic(err)
	}
	return r
}

// Decimal returns the ratio as an exact fraction (0.999).
func (r Ratio) Decimal() decimal.Decimal { return r.d }

// String prints the ratio as a percentage without rounding: "99.9%".
func (r Ratio) String() string { return r.d.Shift(2).String() + "%" }

// IsZero reports whether the ratio is 0 %.
func (r Ratio) IsZero() bool { return r.d.IsZero() }

// MarshalText implements encoding.TextMarshaler.
func (r Ratio) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: "99.9%" or "0.999", at
// most 32 characters, between 0 and 1 inclusive; spaces around the number and
// before "%" are allowed. An error is a [*FieldError] with the value and what
// is wanted: `"99.95": out of range: want a percentage such as "99.9%", …`.
func (r *Ratio) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	pct := strings.HasSuffix(s, "%")
	num := strings.TrimSpace(strings.TrimSuffix(s, "%"))
	if len(num) == 0 || len(num) > 32 || strings.ContainsAny(num, "eE") {
		return fault.Field("", string(b), ErrSyntax, wantRatio)
	}
	if _, err := strconv.ParseFloat(num, 64); err != nil { // grammar check only: no "Inf", no "0x1p-2"
		return fault.Field("", string(b), ErrSyntax, wantRatio)
	}
	v, err := decimal.NewFromString(num)
	if err != nil {
		return fault.Field("", string(b), ErrSyntax, wantRatio)
	}
	if pct {
		v = v.Shift(-2)
	}
	if v.IsNegative() || v.GreaterThan(decimal.NewFromInt(1)) {
		return fault.Field("", string(b), ErrRange, wantRatio)
	}
	r.d = v
	return nil
}

// Equal reports whether two ratios are the same number ("99.9%" equals "0.999").
func (r Ratio) Equal(o Ratio) bool { return r.d.Equal(o.d) }

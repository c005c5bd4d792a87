package sla

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Duration is a time.Duration with a compact text form for policy files: "48h",
// "30m", "1h30m", "90s". It parses what [time.ParseDuration] parses. The zero
// Duration is "0s".
type Duration time.Duration

// String prints the shortest exact form: "24h", "30m", "1h30m", not "24h0m0s".
func (d Duration) String() string {
	s := time.Duration(d).String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return &FieldError{Value: string(b), Err: ErrInvalid}
	}
	*d = Duration(v)
	return nil
}

// Ratio is an exact fraction between 0 and 1 such as an availability objective
// or a threshold. Its text form is a percentage ("99.9%") or a fraction
// ("0.999"); it prints as a percentage. The zero Ratio is 0 %.
type Ratio struct{ d decimal.Decimal }

// NewRatio returns the ratio of a decimal fraction (0.999 for 99.9 %).
func NewRatio(fraction decimal.Decimal) Ratio { return Ratio{fraction} }

// MustRatio parses s as [Ratio.UnmarshalText] does and panics on error; for
// constants in code.
func MustRatio(s string) Ratio {
	var r Ratio
	if err := r.UnmarshalText([]byte(s)); err != nil {
		panic(err)
	}
	return r
}

// Decimal returns the ratio as an exact fraction (0.999).
func (r Ratio) Decimal() decimal.Decimal { return r.d }

// String prints the ratio as a percentage without rounding: "99.9%".
func (r Ratio) String() string { return r.d.Shift(2).String() + "%" }

// MarshalText implements encoding.TextMarshaler.
func (r Ratio) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: "99.9%" or "0.999", at
// most 30 digits, between 0 and 1 inclusive.
func (r *Ratio) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	pct := strings.HasSuffix(s, "%")
	num := strings.TrimSpace(strings.TrimSuffix(s, "%"))
	if len(num) == 0 || len(num) > 32 || strings.ContainsAny(num, "eE") {
		return &FieldError{Value: string(b), Err: ErrInvalid}
	}
	if _, err := strconv.ParseFloat(num, 64); err != nil { // grammar check only
		return &FieldError{Value: string(b), Err: ErrInvalid}
	}
	v, err := decimal.NewFromString(num)
	if err != nil {
		return &FieldError{Value: string(b), Err: ErrInvalid}
	}
	if pct {
		v = v.Shift(-2)
	}
	if v.IsNegative() || v.GreaterThan(decimal.NewFromInt(1)) {
		return &FieldError{Value: string(b), Err: ErrInvalid}
	}
	r.d = v
	return nil
}

// Equal reports whether two ratios are the same number ("99.9%" equals "0.999").
func (r Ratio) Equal(o Ratio) bool { return r.d.Equal(o.d) }

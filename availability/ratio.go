package availability

import (
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/internal/fault"
)

// Ratio is an exact fraction whose text form is a percentage: the Ratio 0.999
// is written "99.9%", and "10%" reads as 0.1. It holds credit tiers
// ([Credits]) and slice thresholds ([SliceRule]); convert to and from
// [decimal.Decimal] with a conversion, Ratio(d) and decimal.Decimal(r), or
// [Ratio.Decimal]. Like decimal.Decimal, compare Ratios with [Ratio.Cmp],
// never with ==.
type Ratio decimal.Decimal

// maxRatioText is the longest percentage text accepted: more digits than any
// contract writes, few enough that parsing stays cheap on hostile input.
const maxRatioText = 64

// ParseRatio reads a percentage such as "99.9%", "10%" or "0.05%": decimal
// digits with an optional fraction and an optional leading minus, then "%",
// no spaces, no exponent. The value is exact: "99.9%" is 0.999, not a float
// near it. An error is a [*FieldError] with no path, carrying the text and
// what is wanted, so that a caller puts its own path in front.
func ParseRatio(s string) (Ratio, error) {
	if len(s) > maxRatioText {
		return Ratio{}, fault.Field("", fault.Short(s), ErrLimit, "want at most "+strconv.Itoa(maxRatioText)+" characters")
	}
	if !isPercent(s) {
		return Ratio{}, fault.Field("", s, ErrSyntax, `want a percentage such as "99.9%"`)
	}
	d, err := decimal.NewFromString(s[:len(s)-1])
	if err != nil { // isPercent admits only what NewFromString reads
		return Ratio{}, fault.Field("", s, ErrSyntax, `want a percentage such as "99.9%"`)
	}
	return Ratio(d.Shift(-2)), nil
}

// isPercent reports whether s is -?digits(.digits)?%.
func isPercent(s string) bool {
	if len(s) < 2 || s[len(s)-1] != '%' {
		return false
	}
	s = s[:len(s)-1]
	if s[0] == '-' {
		s = s[1:]
	}
	digits, dot := 0, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && dot < 0:
			dot = i
		default:
			return false
		}
	}
	return digits > 0 && dot != 0 && dot != len(s)-1
}

// ParseObjective reads an availability objective written as a percentage,
// such as "99.9%", for [Rules.Objective]: above 0 % and at most 100 %. It
// lets a program set the objective from text without importing the decimal
// package; the result is exact.
func ParseObjective(s string) (decimal.Decimal, error) {
	r, err := ParseRatio(s)
	if err != nil {
		return decimal.Decimal{}, err
	}
	d := r.Decimal()
	if !validObjective(d) {
		return decimal.Decimal{}, fault.Field("", s, ErrObjective, "want above 0% and at most 100%")
	}
	return d, nil
}

func validObjective(d decimal.Decimal) bool {
	return d.Sign() > 0 && d.Cmp(decimal.NewFromInt(1)) <= 0
}

// Decimal returns r as a fraction: 0.999 for "99.9%".
func (r Ratio) Decimal() decimal.Decimal { return decimal.Decimal(r) }

// Cmp compares r and o exactly: -1 when r < o, 0 when equal, +1 when r > o.
func (r Ratio) Cmp(o Ratio) int { return r.Decimal().Cmp(o.Decimal()) }

// String returns r as a percentage without trailing zeros: "99.9%", "10%",
// "0%".
func (r Ratio) String() string { return r.Decimal().Shift(2).String() + "%" }

// MarshalText implements [encoding.TextMarshaler] with the form of
// [Ratio.String].
func (r Ratio) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalJSON reads a JSON string with [ParseRatio]; a JSON number is an
// error, so that 0.999 and 99.9 are never taken for a percentage. null
// leaves r unchanged.
func (r *Ratio) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	var s string
	if len(data) == 0 || data[0] != '"' || json.Unmarshal(data, &s) != nil {
		return fault.Field("", fault.Short(string(data)), ErrSyntax, `want a percentage in quotes, such as "99.9%"`)
	}
	return r.UnmarshalText([]byte(s))
}

// UnmarshalText implements [encoding.TextUnmarshaler] with [ParseRatio].
func (r *Ratio) UnmarshalText(text []byte) error {
	v, err := ParseRatio(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

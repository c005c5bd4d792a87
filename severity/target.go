package severity

import (
	"strconv"
	"strings"
	"time"

	"github.com/slakit/slakit/internal/enum"
	"github.com/slakit/slakit/internal/fault"
)

// Unit is the unit of a [Target]'s amount. The zero Unit is no unit, the unit of
// the zero (not applicable) Target.
type Unit uint8

// The units of a target. Each has a symbol in the text form of a [Target]:
// "m", "h", "d", "mo" and "eod".
const (
	Minutes Unit = iota + 1
	Hours
	Days
	Months
	EndsOfDay // the close of an open day of the support calendar
)

var (
	unitNames   = enum.Names{Type: "Unit", Names: []string{"", "minutes", "hours", "days", "months", "ends of day"}}
	unitSymbols = [...]string{Minutes: "m", Hours: "h", Days: "d", Months: "mo", EndsOfDay: "eod"}
)

// IsValid reports whether u is Minutes, Hours, Days, Months or EndsOfDay.
func (u Unit) IsValid() bool { return unitNames.Valid(int(u)) }

// String returns "minutes", "hours", "days", "months" or "ends of day", or
// "%!Unit(n)" for any other value, the zero Unit included. It never panics.
func (u Unit) String() string { return unitNames.String(int(u)) }

// MarshalText implements [encoding.TextMarshaler]: "minutes", "hours", "days",
// "months", "ends of day", and empty text for the zero Unit. Any other value
// is an error wrapping [ErrInvalid].
func (u Unit) MarshalText() ([]byte, error) { return unitNames.Marshal(int(u)) }

// UnmarshalText implements [encoding.TextUnmarshaler]: it reads what
// MarshalText writes.
func (u *Unit) UnmarshalText(text []byte) error {
	v, err := unitNames.Parse(text)
	if err != nil {
		return err
	}
	*u = Unit(v)
	return nil
}

// MaxAmount is the largest amount of a [Target]. It keeps every target's length
// within what a time.Duration holds (99 999 days is 274 years).
const MaxAmount = 99999

// Target is a service-level target: an amount of a unit, counted on a clock from
// the moment a ticket is received (I3). Its text form states all three, so
// that "1 day" is never ambiguous:
//
//	30m continuous   30 minutes of elapsed time
//	4h business      4 hours of the support calendar's opening hours
//	5d business      5 business days (I2)
//	2d continuous    48 elapsed hours, whatever the DST changes (I2)
//	12mo             12 calendar months in the customer's zone (I4)
//	1eod business    at the close of the next open day of the support calendar
//	n/a              no target: not applicable
//
// Minutes, hours and days need a clock word; months take none, because they are
// civil calendar arithmetic (their time is measured as elapsed time, so their
// [Target.Clock] is [Continuous]).
//
// "Neod business" (N ends of day) is due at the close of the N-th open day
// after the day of receipt: the open day the ticket arrives in, or the next
// one when it arrives after that day's last opening hours or on a closed day,
// as business time starts counting at the next opening (I5). Received on
// Thursday at 10:00 on an 08:00–18:00 calendar, "1eod business" is due on
// Friday at 18:00; received on Thursday at 19:00, on Monday at 18:00. It is
// [calendar.Calendar.EndOfDay] of the receipt and N. Ends of day take the
// business clock only: the close of a day is a fact of the support calendar
// ("1eod continuous" is an error).
//
// Target is a small comparable value: two targets are equal when they print the
// same. The zero Target is "n/a", not applicable. Every other Target comes from
// [NewTarget] or [ParseTarget] and is valid.
type Target struct {
	amount int32
	unit   Unit
	clock  Clock
}

// NewTarget returns the target of amount units on clock. The unit must be
// valid ([ErrInvalid]); the amount must be 1 to [MaxAmount] ([ErrRange]);
// minutes, hours and days need the Business or the Continuous clock, months
// the Continuous clock or none, which is the same, and ends of day the
// Business clock ([ErrClock]). An
// error is a [*FieldError] naming the argument at fault: "unit", "amount" or
// "clock".
func NewTarget(amount int, unit Unit, clock Clock) (Target, error) {
	switch {
	case !unit.IsValid():
		return Target{}, fault.Field("unit", unit.String(), ErrInvalid, "want Minutes, Hours, Days, Months or EndsOfDay")
	case amount < 1 || amount > MaxAmount:
		return Target{}, &FieldError{Field: "amount", Value: strconv.Itoa(amount), Err: errTargetRange}
	case unit == Months && clock != 0 && clock != Continuous:
		return Target{}, &FieldError{Field: "clock", Value: clock.String(), Err: errMonthClock}
	case unit == EndsOfDay && clock != Business:
		return Target{}, &FieldError{Field: "clock", Value: clock.String(), Err: errEndOfDayClock}
	case unit != Months && !clock.IsValid():
		return Target{}, &FieldError{Field: "clock", Value: clock.String(), Err: errNoClock}
	}
	if unit == Months {
		clock = Continuous
	}
	return Target{amount: int32(amount), unit: unit, clock: clock}, nil
}

// MustParseTarget is like [ParseTarget] but panics on error. It is meant for
// targets written in the program itself.
func MustParseTarget(s string) Target {
	t, err := ParseTarget(s)
	if err != nil {
		panic(err)
	}
	return t
}

// ParseTarget parses the text form of a target, exactly as [Target.String]
// writes it: "n/a", or an amount of 1 to [MaxAmount] written without sign or
// leading zero, a unit symbol (m, h, d, mo, eod) and, except for months, one
// space and a clock word (business, continuous; business for eod). Everything
// is lower case.
//
// An error is a [*FieldError] carrying the text (its first 40 bytes and "…"
// when longer) and wrapping [ErrSyntax],
// [ErrRange] or [ErrClock]; its path is empty, for the caller to fill in with
// where the text came from.
func ParseTarget(s string) (Target, error) {
	t, err := parseTarget(s)
	if err != nil {
		return Target{}, &FieldError{Value: short(s), Err: err}
	}
	return t, nil
}

var (
	errTargetSyntax  = fault.Want(ErrSyntax, `want a target such as "4h business", "5d continuous", "12mo" or "n/a"`)
	errTargetRange   = fault.Want(ErrRange, "want an amount from 1 to "+strconv.Itoa(MaxAmount))
	errNoClock       = fault.Want(ErrClock, `want "business" or "continuous" after the unit, as in "4h business"`)
	errMonthClock    = fault.Want(ErrClock, `want months without a clock, as in "12mo"`)
	errUnknownClock  = fault.Want(ErrClock, `want "business" or "continuous"`)
	errEndOfDayClock = fault.Want(ErrClock, `want "business" after "eod", as in "1eod business"`)
)

func parseTarget(s string) (Target, error) {
	if s == "n/a" {
		return Target{}, nil
	}
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	digits, rest := s[:i], s[i:]
	if digits == "" || digits[0] == '0' && len(digits) > 1 {
		return Target{}, errTargetSyntax
	}
	amount := 0
	for _, c := range []byte(digits) {
		amount = amount*10 + int(c-'0')
		if amount > MaxAmount {
			return Target{}, errTargetRange
		}
	}
	if amount == 0 {
		return Target{}, errTargetRange
	}
	sym, word, spaced := strings.Cut(rest, " ")
	var unit Unit
	for u := Minutes; u <= EndsOfDay; u++ {
		if sym == unitSymbols[u] {
			unit = u
		}
	}
	switch {
	case unit == 0:
		return Target{}, errTargetSyntax
	case unit == Months && spaced:
		return Target{}, errMonthClock
	case unit == Months:
		return Target{amount: int32(amount), unit: Months, clock: Continuous}, nil
	case unit == EndsOfDay && word != "business":
		return Target{}, errEndOfDayClock
	case !spaced:
		return Target{}, errNoClock
	}
	clock, ok := parseClock(word)
	if !ok {
		return Target{}, errUnknownClock
	}
	return Target{amount: int32(amount), unit: unit, clock: clock}, nil
}

// String returns the text form of t, such as "4h business", "12mo" or "n/a"; see
// [Target]. [ParseTarget] reads it back to the same value.
func (t Target) String() string {
	return string(t.appendText(nil))
}

func (t Target) appendText(b []byte) []byte {
	if !t.unit.IsValid() {
		return append(b, "n/a"...)
	}
	b = strconv.AppendInt(b, int64(t.amount), 10)
	b = append(b, unitSymbols[t.unit]...)
	if t.unit != Months {
		b = append(b, ' ')
		b = append(b, t.clock.String()...)
	}
	return b
}

// MarshalText implements [encoding.TextMarshaler] with the text form of
// [Target.String]. The zero Target marshals to "n/a", so that a policy file
// says "not applicable" in words.
func (t Target) MarshalText() ([]byte, error) { return t.appendText(nil), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts what
// [ParseTarget] accepts, and empty text for the zero Target.
func (t *Target) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*t = Target{}
		return nil
	}
	v, err := ParseTarget(string(text))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// IsApplicable reports whether t is a target, that is, not the zero "n/a" Target.
func (t Target) IsApplicable() bool { return t.unit != 0 }

// Amount returns the number of units, or 0 for the zero Target.
func (t Target) Amount() int { return int(t.amount) }

// Unit returns the unit, or the zero Unit for the zero Target.
func (t Target) Unit() Unit { return t.unit }

// Clock returns the clock that measures the target's time: Business or
// Continuous as written, Continuous for months (their time is elapsed time), and
// the zero Clock for the zero Target. Pauses (I7) and reports use this clock.
func (t Target) Clock() Clock { return t.clock }

// length returns the length of a minutes, hours or days target, a day being 24
// hours (the continuous clock's day, I2).
func (t Target) length() time.Duration {
	unit := [...]time.Duration{Minutes: time.Minute, Hours: time.Hour, Days: 24 * time.Hour, Months: 0, EndsOfDay: 0}
	return time.Duration(t.amount) * unit[t.unit]
}

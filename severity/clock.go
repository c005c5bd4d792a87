package severity

import (
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/enum"
	"github.com/slakit/slakit/internal/fault"
)

// Clock says when a target's time runs (I1): during the opening hours of the
// business calendar, or all the time.
//
// The zero Clock is no clock: it is not valid, prints as "%!Clock(0)",
// marshals to empty text, and its methods report false.
type Clock uint8

// The two clocks of I1.
const (
	Business   Clock = iota + 1 // the support calendar's opening hours (R2)
	Continuous                  // 24×7 elapsed time (R7, R8)
)

var clockNames = enum.Names{Type: "Clock", Names: []string{"", "business", "continuous"}}

// IsValid reports whether c is Business or Continuous.
func (c Clock) IsValid() bool { return clockNames.Valid(int(c)) }

// String returns "business" or "continuous", or "%!Clock(n)" for any other
// value, the zero Clock included. It never panics.
func (c Clock) String() string { return clockNames.String(int(c)) }

// MarshalText implements [encoding.TextMarshaler]: "business", "continuous",
// and empty text for the zero Clock. Any other value is an error wrapping
// [ErrInvalid].
func (c Clock) MarshalText() ([]byte, error) { return clockNames.Marshal(int(c)) }

// UnmarshalText implements [encoding.TextUnmarshaler]: "business" or
// "continuous", exactly, and empty text for the zero Clock. Other text is a
// [*FieldError] wrapping [ErrClock].
func (c *Clock) UnmarshalText(text []byte) error {
	v, err := clockNames.Parse(text)
	if err != nil {
		return fault.Field("", string(text), ErrClock, `want "business" or "continuous"`)
	}
	*c = Clock(v)
	return nil
}

func parseClock(s string) (Clock, bool) {
	switch s {
	case "business":
		return Business, true
	case "continuous":
		return Continuous, true
	}
	return 0, false
}

// Add returns the earliest instant at which d of clock time has elapsed since t:
// business.Add(t, d) on the Business clock, t.Add(d) on the Continuous clock. It
// is how a due time moves by the time a target was paused (I7).
//
// Results are in the business calendar's zone, or t's location when business is
// nil. Add reports false, and returns the zero Time, for an invalid clock or for
// the Business clock without a calendar.
func (c Clock) Add(t time.Time, d time.Duration, business *calendar.Calendar) (time.Time, bool) {
	t = t.Round(0)
	switch {
	case c == Continuous:
		return continuousAdd(business, t, d), true
	case c == Business && business != nil:
		return business.Add(t, d), true
	}
	return time.Time{}, false
}

// Between returns the clock time in [a, b): business.Between(a, b) on the
// Business clock, b.Sub(a) on the Continuous clock; negative when b is before a.
// It reports false for an invalid clock or for the Business clock without a
// calendar.
func (c Clock) Between(a, b time.Time, business *calendar.Calendar) (time.Duration, bool) {
	a, b = a.Round(0), b.Round(0)
	switch {
	case c == Continuous:
		return b.Sub(a), true
	case c == Business && business != nil:
		return business.Between(a, b), true
	}
	return 0, false
}

// continuousAdd adds elapsed time, with the result in the customer's zone.
func continuousAdd(business *calendar.Calendar, t time.Time, d time.Duration) time.Time {
	return t.Add(d).In(zone(business, t))
}

// zone is the customer's zone: the business calendar's, or t's without one.
func zone(business *calendar.Calendar, t time.Time) *time.Location {
	if business != nil {
		return business.Location()
	}
	return t.Location()
}

package calendar

import (
	"errors"
	"strconv"
)

// Sentinel errors wrapped by [FieldError]; test for them with [errors.Is].
var (
	ErrZone     = errors.New("unknown time zone")
	ErrRange    = errors.New("malformed range (want HH:MM-HH:MM)")
	ErrOverlap  = errors.New("overlapping ranges")
	ErrCountry  = errors.New("unknown holiday country or region")
	ErrDate     = errors.New("malformed date (want YYYY-MM-DD)")
	ErrNoOpen   = errors.New("no open time in the week")
	ErrReversed = errors.New("end before start")
	ErrDay      = errors.New("unknown weekday key")
)

// FieldError reports a bad value in a [Spec] or other user data: which field, which
// value, and why. Field is a path such as "hours.mon[1]" or "closed[0]".
type FieldError struct {
	Field string // where the value was found
	Value string // the offending value, as given
	Err   error  // one of the sentinels above, or a more specific cause
}

// Error implements error; the message names the package, the field and the value.
func (e *FieldError) Error() string {
	if e.Value == "" {
		return "calendar: " + e.Field + ": " + e.Err.Error()
	}
	return "calendar: " + e.Field + " " + strconv.Quote(e.Value) + ": " + e.Err.Error()
}

// Unwrap returns the underlying cause, so that errors.Is(err, ErrZone) works.
func (e *FieldError) Unwrap() error { return e.Err }

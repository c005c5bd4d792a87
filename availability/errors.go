package availability

import (
	"errors"
	"strconv"
)

// Sentinel errors wrapped by [FieldError]; test for them with [errors.Is].
var (
	ErrMissing       = errors.New("missing time")
	ErrReversed      = errors.New("end before start")
	ErrAnnouncedLate = errors.New("announced after the start")
	ErrCause         = errors.New("unknown cause")
	ErrCategory      = errors.New("unknown or missing R4 category")
	ErrNotApplicable = errors.New("set on an outage whose cause does not use it")
	ErrLocation      = errors.New("nil location")
	ErrMonth         = errors.New("month outside 1-12")
	ErrObjective     = errors.New("objective outside (0, 1]")
	ErrNegative      = errors.New("negative")
	ErrNotPositive   = errors.New("not positive")
	ErrTooLong       = errors.New("period longer than 292 years")
)

// FieldError reports a bad input value: which field, which value, and why.
// Field is a path such as "outages[3].end", "objective" or "probes[0].at".
type FieldError struct {
	// Index is the position of the offending outage, probe or alert rule in the
	// slice given, or -1 when the field is not in a slice element.
	Index int
	Field string // where the value was found
	Value string // the offending value, as given; may be empty
	Err   error  // one of the sentinels above
}

// Error implements error; the message names the package, the field and the value.
func (e *FieldError) Error() string {
	if e.Value == "" {
		return "availability: " + e.Field + ": " + e.Err.Error()
	}
	return "availability: " + e.Field + " " + strconv.Quote(e.Value) + ": " + e.Err.Error()
}

// Unwrap returns the underlying cause, so that errors.Is(err, ErrReversed) works.
func (e *FieldError) Unwrap() error { return e.Err }

// fieldError builds a FieldError for field of element i of the slice named
// list, or for a top-level field when i is negative.
func fieldError(list string, i int, field, value string, err error) *FieldError {
	path := field
	if i >= 0 {
		path = list + "[" + strconv.Itoa(i) + "]." + field
	}
	return &FieldError{Index: i, Field: path, Value: value, Err: err}
}

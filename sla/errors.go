package sla

import (
	"errors"
	"strconv"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/severity"
)

// Sentinel errors wrapped by [*FieldError]; test for them with
// [errors.Is].
var (
	ErrVersion   = errors.New("unsupported version (want 1)")
	ErrUnknown   = errors.New("unknown field")
	ErrMissing   = errors.New("missing")
	ErrInvalid   = errors.New("invalid value")
	ErrContacts  = errors.New("more designated contacts than the policy allows")
	ErrNoPolicy  = errors.New("no policy in force")
	ErrTimeline  = errors.New("impossible timeline")
	ErrZeroTime  = errors.New("zero time")
	ErrMonth     = errors.New("invalid month")
	ErrMerge     = errors.New("reports cannot be merged")
	ErrDuplicate = errors.New("duplicate")
)

// FieldError reports a bad value in a [Policy], a [Contract] or a [Ticket]: the
// path of the field (such as "policies[1].policy.availability" or
// "support.hours.mon[0]"), the value as given, and the cause.
type FieldError struct {
	Field string
	Value string
	Err   error
}

// Error implements error: `sla: availability "101%": invalid value (…)`.
func (e *FieldError) Error() string {
	s := "sla: " + e.Field
	if e.Value != "" {
		s += " " + strconv.Quote(e.Value)
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *FieldError) Unwrap() error { return e.Err }

// prefix puts path before the field named by err, keeping the value and the
// cause, so that nested errors read as one path: "support.hours.mon[0]".
func prefix(path string, err error) error {
	join := func(field string) string {
		if field == "" {
			return path
		}
		return path + "." + field
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return &FieldError{Field: join(fe.Field), Value: fe.Value, Err: fe.Err}
	}
	var ce *calendar.FieldError
	if errors.As(err, &ce) {
		return &FieldError{Field: join(ce.Field), Value: ce.Value, Err: ce.Err}
	}
	var se *severity.FieldError
	if errors.As(err, &se) {
		return &FieldError{Field: join(se.Field), Value: se.Value, Err: se.Err}
	}
	return &FieldError{Field: path, Err: err}
}

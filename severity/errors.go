package severity

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors, wrapped by [*ParseError], [*FieldError] and the errors of
// [Classify]; test for them with [errors.Is].
var (
	// ErrSyntax reports text that does not follow the grammar of a level or a target.
	ErrSyntax = errors.New("invalid syntax")
	// ErrRange reports a number outside its allowed range: a level other than 1 to 4,
	// an amount other than 1 to MaxAmount.
	ErrRange = errors.New("value out of range")
	// ErrClock reports a target whose clock is missing, unknown or not allowed:
	// minutes, hours and days need "business" or "continuous"; months take none.
	ErrClock = errors.New("missing or misplaced clock")
	// ErrNoImpact reports an [Impact] that states no fact R5 can classify.
	ErrNoImpact = errors.New("no impact stated")
	// ErrPlanned reports an [Impact] whose only fact is an unavailability caused
	// by planned maintenance: planned downtime, not an incident with a severity.
	ErrPlanned = errors.New("unavailability caused by planned maintenance is not an incident")
	// ErrMissing reports a level missing from a [Matrix], or a target missing from
	// a level in a policy file (write "n/a" for "not applicable").
	ErrMissing = errors.New("missing")
	// ErrUnknown reports an unknown field name in a policy file.
	ErrUnknown = errors.New("unknown field")
	// ErrDuplicate reports a level written twice in a policy file, for example
	// under "sev1" and "S1".
	ErrDuplicate = errors.New("duplicate level")
)

// ParseError reports text that [ParseLevel] or [ParseTarget] (or an
// UnmarshalText method) could not parse.
type ParseError struct {
	What  string // "level", "target" or "clock"
	Input string // the text, as given
	Err   error  // wraps one of the sentinels: ErrSyntax, ErrRange or ErrClock
}

// Error implements error: `severity: parsing target "4x": invalid syntax`.
func (e *ParseError) Error() string {
	return "severity: parsing " + e.What + " " + strconv.Quote(e.Input) + ": " + e.Err.Error()
}

// Unwrap returns the cause, so that errors.Is(err, ErrSyntax) works.
func (e *ParseError) Unwrap() error { return e.Err }

// FieldError reports a bad or missing entry of a [Matrix]: which level, which
// field of its [Targets], the offending text, and why.
type FieldError struct {
	Level Level  // the level concerned; zero when the level key itself is bad
	Field string // "response", "workaround", "fix", another key as written, or "" for the whole level
	Value string // the offending text, as given; "" when missing
	Err   error  // wraps one of the sentinels
}

// Error implements error. The message names the level and the field:
// `severity: sev3.fix "15x business": invalid syntax`.
func (e *FieldError) Error() string {
	where := e.Field
	switch {
	case e.Level != 0 && e.Field != "":
		where = e.Level.String() + "." + e.Field
	case e.Level != 0:
		where = e.Level.String()
	}
	if e.Value != "" {
		where += " " + strconv.Quote(e.Value)
	}
	if where == "" {
		return "severity: " + e.Err.Error()
	}
	return "severity: " + where + ": " + e.Err.Error()
}

// Unwrap returns the cause, so that errors.Is(err, ErrMissing) works.
func (e *FieldError) Unwrap() error { return e.Err }

// wrap adds a detail to a sentinel: "value out of range (want 1 to 4)".
func wrap(err error, detail string) error { return fmt.Errorf("%w (%s)", err, detail) }

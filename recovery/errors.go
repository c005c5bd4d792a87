package recovery

import (
	"errors"
	"strconv"
	"time"
)

// Sentinel errors wrapped by [InputError]; test for them with [errors.Is].
var (
	ErrZeroTime  = errors.New("zero time")
	ErrFuture    = errors.New("after now")
	ErrReversed  = errors.New("out of order")
	ErrObjective = errors.New("objective must be positive")
	ErrNoPoint   = errors.New("no recovery point usable")
)

// InputError reports a bad argument: which one, its value, and why. For a recovery
// point, Field is "at" or "stored" and Index is the point's index in the caller's
// slice; otherwise Field names the argument ("reported", "restored", "started",
// "incident", "now", "start", "end", "objective") and Index is -1.
type InputError struct {
	Field string // the argument or point field at fault
	Index int    // index of the point in the caller's slice, or -1
	Value string // the offending value as text
	Err   error  // one of the sentinels above, possibly wrapped with detail
}

// Error implements error; the message names the package, the argument and the value,
// such as `recovery: points[3].stored "2026-06-10T08:00:00Z": out of order: before at
// 2026-06-10T09:00:00Z`.
func (e *InputError) Error() string {
	where := e.Field
	if e.Index >= 0 {
		where = "points[" + strconv.Itoa(e.Index) + "]." + e.Field
	}
	msg := "<nil>"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	return "recovery: " + where + " " + strconv.Quote(e.Value) + ": " + msg
}

// Unwrap returns the underlying cause, so that errors.Is(err, ErrReversed) works.
func (e *InputError) Unwrap() error { return e.Err }

// stamp is the text form of an instant in messages.
func stamp(t time.Time) string { return t.Format(time.RFC3339Nano) }

func timeError(field string, index int, t time.Time, err error) *InputError {
	return &InputError{Field: field, Index: index, Value: stamp(t), Err: err}
}

// checkObjective rejects an objective that is zero or negative.
func checkObjective(objective time.Duration) error {
	if objective <= 0 {
		return &InputError{Field: "objective", Index: -1, Value: objective.String(), Err: ErrObjective}
	}
	return nil
}

// checkInstant rejects a zero instant.
func checkInstant(field string, t time.Time) error {
	if t.IsZero() {
		return timeError(field, -1, t, ErrZeroTime)
	}
	return nil
}

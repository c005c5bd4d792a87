package recovery

import (
	"time"

	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
)

// FieldError reports a bad argument or a bad line: its path (an argument such
// as "restored" or "objective", a recovery point such as "points[3].stored",
// numbered from 0 in the caller's slice, or a line of a list such as "line 4",
// numbered from 1), the value given, and the reason, which wraps one of the
// sentinels below and says what is wanted. It is the one error shape of
// slakit, shared by every package.
type FieldError = fault.FieldError

// Sentinel errors wrapped by every error of this package; test for them with
// [errors.Is]. The general ones are the same values in every package of
// slakit; the others refine a general one.
var (
	// ErrInvalid reports a value that is not allowed; ErrSyntax, ErrReversed,
	// ErrFuture, ErrObjective and ErrLimit refine it.
	ErrInvalid error = fault.ErrInvalid
	// ErrMissing reports a value that is needed but absent; ErrZeroTime and
	// ErrNoPoint refine it.
	ErrMissing error = fault.ErrMissing
	// ErrZeroTime reports an instant left zero.
	ErrZeroTime error = fault.ErrZeroTime
	// ErrReversed reports instants out of order: restored before reported, a
	// point stored before its At, a period that ends before it starts.
	ErrReversed error = fault.ErrReversed
	// ErrSyntax reports a line of a recovery-point list that [ParsePoints]
	// cannot read.
	ErrSyntax error = fault.ErrSyntax
	// ErrLimit reports a line of a recovery-point list longer than [MaxLine].
	ErrLimit error = fault.ErrLimit
	// ErrUnknown reports an unknown key in the JSON of an [Incident] or a [Point].
	ErrUnknown error = fault.ErrUnknown
	// ErrDuplicate reports a key written twice in one JSON object.
	ErrDuplicate error = fault.ErrDuplicate

	// ErrFuture reports an instant after now: a recovery point or a
	// restoration nobody can know of yet. It refines ErrInvalid.
	ErrFuture error = fault.New("after now", fault.ErrInvalid)
	// ErrObjective reports an objective that is zero or negative. It refines
	// ErrRange, and so ErrInvalid.
	ErrObjective error = fault.New("objective not positive", fault.ErrRange)
	// ErrNoPoint reports an instant at which no recovery point is usable: the
	// data loss is unbounded. It refines ErrMissing.
	ErrNoPoint error = fault.New("no recovery point usable", fault.ErrMissing)
)

// stamp is the text form of an instant in messages.
func stamp(t time.Time) string { return t.Format(time.RFC3339Nano) }

// timeError reports instant t of field as wrong for the reason kind, and says
// what is wanted.
func timeError(field string, t time.Time, kind error, want string) error {
	return fault.Field(field, stamp(t), kind, want)
}

// pointField is the path of field of the point at index i: "points[3].at".
func pointField(i int, field string) string { return fault.Index("points", i) + "." + field }

// checkObjective rejects an objective that is zero or negative.
func checkObjective(objective time.Duration) error {
	if objective <= 0 {
		return fault.Field("objective", dur.Format(objective), ErrObjective, `want a positive duration such as "24h" or "30m"`)
	}
	return nil
}

// checkInstant rejects a zero instant; what says what the instant is.
func checkInstant(field string, t time.Time, what string) error {
	if t.IsZero() {
		return fault.Field(field, "", ErrZeroTime, "want "+what)
	}
	return nil
}

// short is fault.Short: a value repeated in a message stays readable.
func short(s string) string { return fault.Short(s) }

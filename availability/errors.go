package availability

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/slakit/slakit/internal/fault"
)

// FieldError reports a bad input value: the path of the field ("outages[3].end",
// "rules.objective", "coverage[0].start"), the value given and the reason,
// which wraps one of the sentinels below. It is the one error shape of slakit,
// shared by every package.
type FieldError = fault.FieldError

// The general sentinels, the same values in every package of slakit, so that
// errors.Is(err, availability.ErrMissing) and errors.Is(err, sla.ErrMissing)
// agree whichever package reported the error.
var (
	ErrInvalid  = fault.ErrInvalid  // a value that is not allowed
	ErrMissing  = fault.ErrMissing  // a required value that was not given
	ErrRange    = fault.ErrRange    // a number or instant outside what is supported; an ErrInvalid
	ErrSyntax   = fault.ErrSyntax   // text that does not parse; an ErrInvalid
	ErrReversed = fault.ErrReversed // an end before its start; an ErrInvalid
	ErrLimit    = fault.ErrLimit    // more than a documented maximum; an ErrRange
)

// The sentinels of this package; each refines a general one, which
// [errors.Is] also finds.
var (
	ErrAnnouncedLate = fault.New("announced after the start", ErrInvalid)
	ErrCause         = fault.New("unknown cause", ErrInvalid)
	ErrCategory      = fault.New("unknown or missing R4 category", ErrInvalid)
	ErrNotApplicable = fault.New("set on an outage whose cause does not use it", ErrInvalid)
	ErrLocation      = fault.New("nil location", ErrMissing)
	ErrYear          = fault.New("year outside 1-9999", ErrRange)
	ErrMonth         = fault.New("month outside 1-12", ErrRange)
	ErrObjective     = fault.New("objective out of range", ErrRange)
	ErrNegative      = fault.New("negative", ErrRange)
	ErrNotPositive   = fault.New("not positive", ErrRange)
	ErrTooLong       = fault.New("period longer than 292 years", ErrLimit)
)

// joinErrors returns nil for none, the error itself for one (so that a single
// problem keeps its concrete type), and errors.Join of them all otherwise.
func joinErrors(errs []error) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errors.Join(errs...)
}

func itoa(i int) string { return strconv.Itoa(i) }

// quote returns the text form of v in quotes, as a FieldError writes values.
func quote(v fmt.Stringer) string { return strconv.Quote(v.String()) }

// maxProblems is the most problems one call lists; beyond it a last error
// counts the rest, so that a million bad records do not make a million errors.
const maxProblems = 20

// problems collects the errors of a validation.
type problems struct {
	errs []error
	more int
}

func (p *problems) add(err error) {
	switch {
	case err == nil:
	case len(p.errs) < maxProblems:
		p.errs = append(p.errs, err)
	default:
		p.more++
	}
}

// err returns the problems found, joined, or nil.
func (p *problems) err() error {
	if p.more > 0 {
		return joinErrors(append(p.errs, &FieldError{Err: fault.Want(ErrLimit, strconv.Itoa(p.more)+" more problems not listed")}))
	}
	return joinErrors(p.errs)
}

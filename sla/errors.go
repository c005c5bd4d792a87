package sla

import (
	"errors"
	"strings"

	"github.com/slakit/slakit/internal/fault"
)

// FieldError reports a bad value in user data: the path of the field (such as
// "policies[1].policy.availability" or "tickets[3].events[0].at"; list
// elements are numbered from 0), the value as given, and the reason, which
// wraps one of the sentinels below. It is the one error shape of every slakit
// package: calendar, severity, availability and recovery errors are the same
// type, so one errors.As finds them all.
//
// Its message reads `path "value": reason: want ...`, with no package prefix:
// the path says where.
type FieldError = fault.FieldError

// The general sentinels: the same values in every slakit package, so that
// errors.Is(err, sla.ErrMissing) finds a missing severity whichever package
// reported it.
var (
	ErrInvalid   = fault.ErrInvalid   // a value that is not allowed
	ErrMissing   = fault.ErrMissing   // a required value that is absent
	ErrUnknown   = fault.ErrUnknown   // a JSON key that names no field
	ErrDuplicate = fault.ErrDuplicate // a key, ID or instant given twice
	ErrRange     = fault.ErrRange     // a value outside its range (an ErrInvalid)
	ErrSyntax    = fault.ErrSyntax    // text that does not parse (an ErrInvalid)
	ErrReversed  = fault.ErrReversed  // an end before its start (an ErrInvalid)
	ErrZeroTime  = fault.ErrZeroTime  // an instant not given (an ErrMissing)
)

// Sentinels of this package; each refines a general one, which errors.Is also
// finds.
var (
	// ErrVersion: a policy version other than 1 (an ErrInvalid).
	ErrVersion = fault.New("unsupported version", fault.ErrInvalid)
	// ErrContacts: more designated contacts than a policy allows (an ErrLimit).
	ErrContacts = fault.New("more designated contacts than the policy allows", fault.ErrLimit)
	// ErrNoPolicy: no policy of the contract is in force at an instant (an ErrMissing).
	ErrNoPolicy = fault.New("no policy in force", fault.ErrMissing)
	// ErrTimeline: an event that cannot happen where it stands (an ErrInvalid).
	ErrTimeline = fault.New("impossible timeline", fault.ErrInvalid)
	// ErrMonth: a month outside 1–12 or a year outside 1–9999 (an ErrRange).
	ErrMonth = fault.New("invalid month", fault.ErrRange)
	// ErrEngine: a method called on a nil or zero [Engine], which has no
	// policy in force (an ErrNoPolicy).
	ErrEngine = fault.New("no contract: build the engine with New", ErrNoPolicy)
	// ErrMerge: two reports that are not shards of one report (an ErrInvalid).
	ErrMerge = fault.New("reports cannot be merged", fault.ErrInvalid)
)

// unjoin returns the members of a joined error, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// rename gives the list a package names "from" (recovery's "points[3].at")
// the name it has in this package's data ("recovery_points[3].at").
func rename(err error, from, to string) error {
	if err == nil {
		return nil
	}
	errs := unjoin(err)
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
		var fe *FieldError
		if errors.As(e, &fe) && strings.HasPrefix(fe.Field, from+"[") {
			out[i] = &FieldError{Field: to + strings.TrimPrefix(fe.Field, from), Value: fe.Value, Err: fe.Err}
		}
	}
	return errors.Join(out...)
}

// Package fault holds the one error shape of slakit: a [FieldError] naming the
// path of a field, the value given and the reason, and the sentinels every
// package re-exports, so that errors.Is(err, sla.ErrMissing) finds a missing
// value whichever package reported it.
package fault

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kind is a sentinel error. A Kind may refine a more general one (an unknown
// time zone is an invalid value), and errors.Is finds both.
type Kind struct {
	msg    string
	parent *Kind
}

// New returns a sentinel with its message; parent, when not nil, is the more
// general sentinel that errors.Is also matches.
func New(msg string, parent *Kind) *Kind { return &Kind{msg: msg, parent: parent} }

// Error implements error.
func (k *Kind) Error() string { return k.msg }

// Unwrap returns the more general sentinel, or nil.
func (k *Kind) Unwrap() error {
	if k.parent == nil {
		return nil
	}
	return k.parent
}

// The general sentinels. Every package re-exports these same values.
var (
	ErrInvalid   = New("invalid value", nil)
	ErrMissing   = New("missing", nil)
	ErrUnknown   = New("unknown field", nil)
	ErrDuplicate = New("duplicate", nil)
	ErrRange     = New("out of range", ErrInvalid)
	ErrSyntax    = New("invalid syntax", ErrInvalid)
	ErrReversed  = New("end before start", ErrInvalid)
	ErrZeroTime  = New("zero time", ErrMissing)
	ErrLimit     = New("over the limit", ErrRange)
)

// FieldError reports a bad value in user data: the path of the field (such as
// "policies[0].policy.availability" or "tickets[3].events[1].at"; elements of
// a list are numbered from 0, lines of a text file from 1), the value as given
// (empty when missing), and the reason, which wraps a sentinel.
type FieldError struct {
	Field string // the path of the field
	Value string // the offending value, as given; "" when missing
	Err   error  // the reason; wraps a sentinel
}

// Error implements error: `policies[0].policy.availability "99.95": invalid
// value: want a percentage such as "99.9%"`.
func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString(e.Field)
	if e.Value != "" {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Quote(e.Value))
	}
	if e.Err != nil {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the reason.
func (e *FieldError) Unwrap() error { return e.Err }

// Short returns s cut to at most 40 bytes, on a character boundary, with "…"
// added when it was longer, so that a long or binary value repeated in a
// message stays readable.
func Short(s string) string {
	const limit = 40
	if len(s) <= limit {
		return s
	}
	cut := limit
	for i := 0; i < utf8.UTFMax-1 && !utf8.RuneStart(s[cut]); i++ {
		cut-- // back to the start of a character, unless the bytes are not UTF-8
	}
	return s[:cut] + "…"
}

// Field returns a FieldError for field with value and a reason: kind, and when
// want is not empty, what would have been accepted ("want HH:MM-HH:MM").
func Field(field, value string, kind error, want string) *FieldError {
	return &FieldError{Field: field, Value: value, Err: Want(kind, want)}
}

// Want returns kind with a note of what would have been accepted.
func Want(kind error, want string) error {
	if want == "" {
		return kind
	}
	return &detail{kind: kind, text: want}
}

type detail struct {
	kind error
	text string
}

func (d *detail) Error() string { return d.kind.Error() + ": " + d.text }
func (d *detail) Unwrap() error { return d.kind }

// At puts path in front of the field every FieldError in err names, so that
// nested errors read as one path ("support" + "hours.mon[0]" →
// "support.hours.mon[0]"). Joined errors keep every member. An error that is
// not a FieldError becomes the reason of a FieldError at path.
func At(path string, err error) error {
	if err == nil || path == "" {
		return err
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs := j.Unwrap()
		out := make([]error, len(errs))
		for i, e := range errs {
			out[i] = At(path, e)
		}
		return errors.Join(out...)
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return &FieldError{Field: Join(path, fe.Field), Value: fe.Value, Err: fe.Err}
	}
	return &FieldError{Field: path, Err: err}
}

// Join joins two parts of a path: "support" and "hours" → "support.hours",
// "tickets" and "[3]" → "tickets[3]".
func Join(path, field string) string {
	switch {
	case path == "":
		return field
	case field == "":
		return path
	case field[0] == '[':
		return path + field
	}
	return path + "." + field
}

// Index returns the path of element i of list: "events[3]".
func Index(list string, i int) string { return list + "[" + strconv.Itoa(i) + "]" }

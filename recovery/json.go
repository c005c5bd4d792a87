package recovery

import (
	"errors"
	"time"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// decode reads JSON strictly into v (see jsonx.Decode), with two repairs to
// its errors: a value is repeated short (40 bytes at most), and, as every
// field of this package's types that can hold text of the wrong form is an
// instant, an error that wraps none of slakit's sentinels is reported as a bad
// instant at its path rather than in time's own words.
func decode(b []byte, v any) error {
	err := jsonx.Decode(b, v)
	var fe *FieldError
	if err == nil || !errors.As(err, &fe) {
		return err
	}
	if errors.Is(err, ErrInvalid) || errors.Is(err, ErrMissing) || errors.Is(err, ErrUnknown) || errors.Is(err, ErrDuplicate) {
		if len(fe.Value) <= 40 {
			return err
		}
		return &FieldError{Field: fe.Field, Value: short(fe.Value), Err: fe.Err}
	}
	value := ""
	var pe *time.ParseError
	if errors.As(err, &pe) {
		value = pe.Value
	}
	return fault.Field(fe.Field, short(value), ErrSyntax, `want an RFC 3339 instant such as "2026-06-10T09:00:00Z"`)
}

package recovery

import (
	"errors"

	"github.com/slakit/slakit/internal/jsonx"
)

// decode reads JSON strictly into v (see jsonx.Decode), repeating a long
// value short in its error.
func decode(b []byte, v any) error {
	err := jsonx.Decode(b, v)
	var fe *FieldError
	if err == nil || !errors.As(err, &fe) || len(fe.Value) <= 40 {
		return err
	}
	return &FieldError{Field: fe.Field, Value: short(fe.Value), Err: fe.Err}
}

package slo

import "github.com/slakit/slakit/internal/fault"

// FieldError reports a bad option or policy value: the path of the field
// ("sli", "name", "availability"), the value given and what is wanted.
type FieldError = fault.FieldError

// The sentinels the errors of this package wrap; test for them with errors.Is.
var (
	ErrMissing = fault.ErrMissing
	ErrInvalid = fault.ErrInvalid
	ErrSyntax  = fault.ErrSyntax
	ErrRange   = fault.ErrRange
	ErrLimit   = fault.ErrLimit
)

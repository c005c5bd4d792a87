package calendar

import "github.com/slakit/slakit/internal/fault"

// FieldError reports a bad value in a [Spec] or other user data: the path of
// the field ("hours.mon[1]", "overrides.2026-12-24[0]", "closed[3]"), the
// value as given, and the reason, which wraps one of the sentinels below. It is
// slakit's one error shape, shared by every package.
type FieldError = fault.FieldError

// The general sentinels, the same values in every package of slakit, so that
// errors.Is finds them whichever package reported the error.
var (
	ErrInvalid   error = fault.ErrInvalid
	ErrUnknown   error = fault.ErrUnknown
	ErrSyntax    error = fault.ErrSyntax
	ErrReversed  error = fault.ErrReversed
	ErrDuplicate error = fault.ErrDuplicate
	ErrLimit     error = fault.ErrLimit
)

// The calendar's own sentinels; each refines a general one, which errors.Is
// also matches (an unknown time zone is an invalid value).
var (
	ErrZone     error = fault.New("unknown time zone", fault.ErrInvalid)
	ErrRange    error = fault.New("malformed range", fault.ErrSyntax)
	ErrOverlap  error = fault.New("overlapping ranges", fault.ErrInvalid)
	ErrCountry  error = fault.New("unknown holiday country or region", fault.ErrInvalid)
	ErrDate     error = fault.New("malformed date", fault.ErrSyntax)
	ErrNoOpen   error = fault.New("no open time in the week", fault.ErrInvalid)
	ErrDay      error = fault.New("unknown weekday", fault.ErrUnknown)
	ErrConflict error = fault.New("date both closed and overridden", fault.ErrDuplicate)
)

// What each kind of value should look like, for the "want ..." part of errors.
const (
	wantZone  = `want an IANA zone name such as "Europe/Paris"`
	wantRange = `want "HH:MM-HH:MM" (00:00 to 23:59, "24:00" as an end; an end before the start runs overnight)`
	wantDate  = `want "YYYY-MM-DD" (years 1 to 9999) or "--MM-DD" (that day every year)`
	wantDay   = "want one of mon, tue, wed, thu, fri, sat, sun"
)

package severity

import (
	"github.com/slakit/slakit/internal/fault"
)

// FieldError reports a bad value: the path of the field (such as "sev3.fix"
// in a [Matrix], empty for a value parsed alone), the value as given, and the
// reason, which wraps one of the sentinels below. It is the one error shape of
// slakit, shared by every package; a caller puts its own path in front
// ("policies[0].policy.levels.sev3.fix").
type FieldError = fault.FieldError

// Sentinel errors wrapped by every error of this package; test for them with
// [errors.Is]. The general ones are the same values in every package of
// slakit, so that errors.Is(err, sla.ErrMissing) finds a level missing from a
// matrix; the others refine a general one.
var (
	// ErrInvalid reports a value that is not allowed; every sentinel below
	// but ErrMissing, ErrUnknown and ErrDuplicate refines it.
	ErrInvalid error = fault.ErrInvalid
	// ErrSyntax reports text that does not follow the grammar of a level or a target.
	ErrSyntax error = fault.ErrSyntax
	// ErrRange reports a number outside its allowed range: a level other than 1 to 4,
	// an amount other than 1 to MaxAmount.
	ErrRange error = fault.ErrRange
	// ErrMissing reports a level missing from a [Matrix], or a target missing from
	// a level in a policy file (write "n/a" for "not applicable").
	ErrMissing error = fault.ErrMissing
	// ErrUnknown reports an unknown field name in a policy file.
	ErrUnknown error = fault.ErrUnknown
	// ErrDuplicate reports a level written twice in a policy file, for example
	// under "sev1" and "S1".
	ErrDuplicate error = fault.ErrDuplicate

	// ErrClock reports a target whose clock is missing, unknown or not allowed:
	// minutes, hours and days need "business" or "continuous"; months take none.
	// It refines ErrInvalid.
	ErrClock error = fault.New("missing or misplaced clock", fault.ErrInvalid)
	// ErrNoImpact reports an [Impact] that states no fact R5 can classify. It
	// refines ErrMissing.
	ErrNoImpact error = fault.New("no impact stated", fault.ErrMissing)
	// ErrPlanned reports an [Impact] whose only fact is an unavailability caused
	// by planned maintenance: planned downtime, not an incident with a severity.
	// It refines ErrInvalid.
	ErrPlanned error = fault.New("unavailability caused by planned maintenance is not an incident", fault.ErrInvalid)
)

// short is fault.Short: a value repeated in a message stays readable.
func short(s string) string { return fault.Short(s) }

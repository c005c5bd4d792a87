package availability

import "github.com/slakit/slakit/internal/enum"

// Verdict is the three-valued outcome of a period against its objective
// (I15). The zero value is [VerdictUnknown]: nothing is compliant by default.
type Verdict uint8

// The verdicts.
const (
	// VerdictUnknown: the objective may or may not hold, because monitoring
	// did not cover enough of the period, or coverage was not supplied at all.
	VerdictUnknown Verdict = iota
	// VerdictMet: the objective holds even with all unknown time counted as
	// down.
	VerdictMet
	// VerdictMissed: the objective fails even with all unknown time counted
	// as up.
	VerdictMissed
)

var verdictNames = enum.Names{Type: "Verdict", Names: []string{"unknown", "met", "missed"}}

// String returns "unknown", "met" or "missed", or "%!Verdict(7)" for a value
// outside the constants.
func (v Verdict) String() string { return verdictNames.String(int(v)) }

// IsValid reports whether v is one of the constants.
func (v Verdict) IsValid() bool { return verdictNames.Valid(int(v)) }

// MarshalText implements [encoding.TextMarshaler]: "unknown", "met" or
// "missed"; a value outside the constants is an error.
func (v Verdict) MarshalText() ([]byte, error) { return verdictNames.Marshal(int(v)) }

// UnmarshalText implements [encoding.TextUnmarshaler]; it accepts exactly the
// names MarshalText writes.
func (v *Verdict) UnmarshalText(text []byte) error {
	n, err := verdictNames.Parse(text)
	if err != nil {
		return err
	}
	*v = Verdict(n)
	return nil
}

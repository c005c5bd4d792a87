package page

import "github.com/slakit/slakit/availability"

// verdict is what a card, a row or a day says about an objective. Each is
// drawn with its own shape and word, never by colour alone.
type verdict uint8

const (
	verdictNone        verdict = iota // nothing to judge: no objective, or nothing happened
	verdictMet                        // the objective held
	verdictMissed                     // it did not
	verdictUnknown                    // the data cannot tell (I15)
	verdictNotSupplied                // the input was not given
)

var verdictWords = [...]string{"—", "met", "missed", "unknown", "not supplied"}

// Word is the verdict as the page prints it.
func (v verdict) Word() string { return verdictWords[v] }

// Class is the CSS class of the verdict.
func (v verdict) Class() string {
	return [...]string{"v-none", "v-met", "v-missed", "v-unknown", "v-absent"}[v]
}

// Icon is the id of the verdict's symbol.
func (v verdict) Icon() string {
	return [...]string{"i-none", "i-met", "i-missed", "i-unknown", "i-unknown"}[v]
}

// verdictOf maps the availability verdict (I15), unknown included.
func verdictOf(v availability.Verdict) verdict {
	switch v {
	case availability.VerdictMet:
		return verdictMet
	case availability.VerdictMissed:
		return verdictMissed
	}
	return verdictUnknown
}

func metOrMissed(met bool) verdict {
	if met {
		return verdictMet
	}
	return verdictMissed
}

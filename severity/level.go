package severity

import (
	"github.com/slakit/slakit/internal/enum"
	"github.com/slakit/slakit/internal/fault"
)

// Level is a severity level of R5, from [Sev1] (total service interruption,
// the most severe) to [Sev4] (minor business impact). A smaller number is more
// severe.
//
// The zero Level is unset: it is not a valid level, prints as "%!Level(0)",
// and marshals to empty text. Values above [Sev4] print as "%!Level(7)" and
// do not marshal.
type Level uint8

// The four levels of R5.
const (
	Sev1 Level = iota + 1 // total service interruption
	Sev2                  // critical business impact
	Sev3                  // significant business impact
	Sev4                  // minor business impact
)

var levelNames = enum.Names{Type: "Level", Names: []string{"", "sev1", "sev2", "sev3", "sev4"}}
var levelInfo = [...]struct{ name, definition string }{
	Sev1: {"Total service interruption",
		"The service is unavailable or down, not because of planned maintenance."},
	Sev2: {"Critical business impact",
		"A defect or heavy latency blocks essential features (or all of them); the customer's work is stopped or cannot reasonably go on; an emergency."},
	Sev3: {"Significant business impact",
		"A major impact on productivity or service levels; work goes on, in a reduced scope."},
	Sev4: {"Minor business impact",
		"A minor loss of service; an inconvenience that may need a workaround."},
}

// Levels returns the valid levels, most severe first: Sev1, Sev2, Sev3, Sev4.
func Levels() []Level { return []Level{Sev1, Sev2, Sev3, Sev4} }

// IsValid reports whether l is one of Sev1 to Sev4.
func (l Level) IsValid() bool { return l >= Sev1 && l <= Sev4 }

// String returns "sev1" to "sev4", or "%!Level(n)" for any other value, the
// zero Level included. It never panics.
func (l Level) String() string { return levelNames.String(int(l)) }

// Name returns the R5 name of the level, such as "Total service interruption",
// or "" when l is not valid.
func (l Level) Name() string {
	if !l.IsValid() {
		return ""
	}
	return levelInfo[l].name
}

// Definition returns the condensed R5 definition of the level, or "" when l is
// not valid.
func (l Level) Definition() string {
	if !l.IsValid() {
		return ""
	}
	return levelInfo[l].definition
}

// ParseLevel parses a level as people write it: a number 1 to 4, optionally
// after the word "severity", "sev" or "s", in any case, with an optional space
// or hyphen in between: "1", "sev1", "S1", "Severity 1", "SEV-2". Any other
// text is a [*FieldError] carrying the text (its first 40 bytes and "…" when
// longer) and wrapping [ErrSyntax], or
// [ErrRange] for a number outside 1 to 4 ("sev5"); its path is empty, for the
// caller to fill in with where the text came from.
func ParseLevel(s string) (Level, error) {
	l, err := parseLevel(s)
	if err != nil {
		return 0, &FieldError{Value: short(s), Err: err}
	}
	return l, nil
}

func parseLevel(s string) (Level, error) {
	rest := s
	for _, prefix := range [...]string{"severity", "sev", "s"} { // longest first
		if len(rest) >= len(prefix) && asciiEqualFold(rest[:len(prefix)], prefix) {
			rest = rest[len(prefix):]
			if len(rest) > 1 && (rest[0] == ' ' || rest[0] == '-') {
				rest = rest[1:]
			}
			break
		}
	}
	if rest == "" || rest[0] == '0' && len(rest) > 1 {
		return 0, errSyntaxLevel // nothing, or a leading zero
	}
	for i := range len(rest) {
		if rest[i] < '0' || rest[i] > '9' {
			return 0, errSyntaxLevel // also refuses signs and spaces
		}
	}
	if len(rest) > 1 || rest[0] < '1' || rest[0] > '4' {
		return 0, errRangeLevel
	}
	return Level(rest[0] - '0'), nil
}

var (
	errRangeLevel  = fault.Want(ErrRange, "want a level from 1 to 4")
	errSyntaxLevel = fault.Want(ErrSyntax, `want a level such as "1", "sev1", "S1" or "severity 1"`)
)

// asciiEqualFold is strings.EqualFold restricted to ASCII, so that no Unicode
// look-alike (such as the long s, "ſ") is taken for a letter of the grammar.
func asciiEqualFold(s, lower string) bool {
	for i := range len(s) {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// MarshalText implements [encoding.TextMarshaler]: "sev1" to "sev4", and empty
// text for the zero Level. Any other value is an error wrapping [ErrInvalid].
func (l Level) MarshalText() ([]byte, error) { return levelNames.Marshal(int(l)) }

// UnmarshalText implements [encoding.TextUnmarshaler]. It accepts what
// [ParseLevel] accepts, and empty text for the zero Level. JSON therefore
// reads and writes a level as "sev1".
func (l *Level) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*l = 0
		return nil
	}
	v, err := ParseLevel(string(text))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

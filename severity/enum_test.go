package severity_test

import (
	"encoding"
	"errors"
	"fmt"
	"strconv"
	"testing"

	"pgregory.net/rapid"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/severity"
)

// textEnum is what every enumeration of the package offers.
type textEnum interface {
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
}

// checkEnumRoundTrip: for any value v of an enumeration, a valid v marshals to
// its String and reads back to v; the zero value marshals to empty text that
// reads back to zero; any other value prints as "%!Type(n)" and does not
// marshal.
func checkEnumRoundTrip[E interface {
	~uint8
	textEnum
}](typeName string, back func([]byte) (E, error)) func(*rapid.T) {
	return func(t *rapid.T) {
		v := E(rapid.Uint8().Draw(t, "v"))
		text, err := v.MarshalText()
		switch {
		case v.IsValid():
			if err != nil || string(text) != v.String() {
				t.Fatalf("%s(%d).MarshalText() = %q, %v; want %q", typeName, v, text, err, v.String())
			}
		case v == 0:
			if err != nil || len(text) != 0 {
				t.Fatalf("zero %s marshals to %q, %v", typeName, text, err)
			}
		default:
			if want := "%!" + typeName + "(" + strconv.Itoa(int(v)) + ")"; v.String() != want {
				t.Fatalf("%s(%d).String() = %q, want %q", typeName, v, v.String(), want)
			}
			if !errors.Is(err, severity.ErrInvalid) {
				t.Fatalf("%s(%d).MarshalText() error %v, want ErrInvalid", typeName, v, err)
			}
			return
		}
		got, err := back(text)
		if err != nil || got != v {
			t.Fatalf("%s: UnmarshalText(%q) = %v, %v; want %v", typeName, text, got, err, v)
		}
	}
}

func unmarshal[E any, P interface {
	*E
	encoding.TextUnmarshaler
}](text []byte) (E, error) {
	var v E
	err := P(&v).UnmarshalText(text)
	return v, err
}

var (
	checkLevelRoundTrip = checkEnumRoundTrip[severity.Level]("Level", unmarshal[severity.Level])
	checkClockRoundTrip = checkEnumRoundTrip[severity.Clock]("Clock", unmarshal[severity.Clock])
	checkUnitRoundTrip  = checkEnumRoundTrip[severity.Unit]("Unit", unmarshal[severity.Unit])
)

// checkCodeRoundTrip: a Code is valid exactly when Lint can report it; valid
// codes and the zero Code read back from their text; others do not marshal.
func checkCodeRoundTrip(t *rapid.T) {
	c := severity.Code(rapid.OneOf(
		rapid.SampledFrom([]string{"", "SEV001", "SEV002", "SEV003"}),
		rapid.StringMatching(`SEV0[0-9]{2}`),
		rapid.String(),
	).Draw(t, "code"))
	valid := c == severity.CodeWorkaroundBeforeResponse || c == severity.CodeFixBeforeWorkaround || c == severity.CodeLessSevereTighter
	if c.IsValid() != valid {
		t.Fatalf("Code(%q).IsValid() = %v", string(c), c.IsValid())
	}
	text, err := c.MarshalText()
	if !valid && c != "" {
		if !errors.Is(err, severity.ErrInvalid) {
			t.Fatalf("Code(%q).MarshalText() error %v", string(c), err)
		}
		var back severity.Code
		if err := back.UnmarshalText([]byte(c)); !errors.Is(err, severity.ErrInvalid) {
			t.Fatalf("Code.UnmarshalText(%q) error %v", string(c), err)
		}
		return
	}
	if err != nil || string(text) != string(c) {
		t.Fatalf("Code(%q).MarshalText() = %q, %v", string(c), text, err)
	}
	got, err := unmarshal[severity.Code](text)
	if err != nil || got != c {
		t.Fatalf("Code.UnmarshalText(%q) = %q, %v", text, string(got), err)
	}
}

func TestEnumRoundTrip(t *testing.T) {
	t.Run("Level", rapid.MakeCheck(checkLevelRoundTrip))
	t.Run("Clock", rapid.MakeCheck(checkClockRoundTrip))
	t.Run("Unit", rapid.MakeCheck(checkUnitRoundTrip))
	t.Run("Code", rapid.MakeCheck(checkCodeRoundTrip))
}

func FuzzLevelRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkLevelRoundTrip)) }
func FuzzClockRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkClockRoundTrip)) }
func FuzzUnitRoundTrip(f *testing.F)  { f.Fuzz(rapid.MakeFuzz(checkUnitRoundTrip)) }
func FuzzCodeRoundTrip(f *testing.F)  { f.Fuzz(rapid.MakeFuzz(checkCodeRoundTrip)) }

// The sentinels are slakit's own: the general ones are the same values in every
// package, and the specific ones refine a general one.
func TestSentinels(t *testing.T) {
	same := map[error]error{
		severity.ErrInvalid: fault.ErrInvalid, severity.ErrMissing: fault.ErrMissing,
		severity.ErrUnknown: fault.ErrUnknown, severity.ErrDuplicate: fault.ErrDuplicate,
		severity.ErrSyntax: fault.ErrSyntax, severity.ErrRange: fault.ErrRange,
	}
	for ours, general := range same {
		if ours != general {
			t.Errorf("%v is not fault's value", ours)
		}
	}
	refines := map[error]error{
		severity.ErrClock: fault.ErrInvalid, severity.ErrPlanned: fault.ErrInvalid, severity.ErrNoImpact: fault.ErrMissing,
	}
	for specific, general := range refines {
		if !errors.Is(specific, general) {
			t.Errorf("%v does not refine %v", specific, general)
		}
	}
}

package availability_test

import (
	"encoding"
	"errors"
	"testing"

	"github.com/slakit/slakit/availability"
	"pgregory.net/rapid"
)

// roundTrip checks that v prints as text and that text reads back as v.
func roundTrip[T interface {
	comparable
	encoding.TextMarshaler
	String() string
}, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, v T, text string) {
	t.Helper()
	got, err := v.MarshalText()
	if err != nil || string(got) != text || v.String() != text {
		t.Errorf("%#v: MarshalText = %q, %v; String = %q; want %q", v, got, err, v.String(), text)
	}
	var back T
	if err := P(&back).UnmarshalText([]byte(text)); err != nil || back != v {
		t.Errorf("UnmarshalText(%q) = %v, %v; want %v", text, back, err, v)
	}
}

func TestTextForms(t *testing.T) {
	roundTrip(t, availability.Unplanned, "unplanned")
	roundTrip(t, availability.Maintenance, "maintenance")
	roundTrip(t, availability.Exceptional, "exceptional")
	roundTrip(t, availability.SecurityBlock, "security-block")

	roundTrip(t, availability.CustomerInfrastructure, "customer-infrastructure")
	roundTrip(t, availability.ThirdPartySoftware, "third-party-software")
	roundTrip(t, availability.ExternalConnectivity, "external-connectivity")
	roundTrip(t, availability.Misuse, "misuse")
	roundTrip(t, availability.MaliciousAttack, "malicious-attack")
	roundTrip(t, availability.ForceMajeure, "force-majeure")
	roundTrip(t, availability.BeyondControl, "beyond-control")

	roundTrip(t, availability.ClassUp, "up")
	roundTrip(t, availability.ClassUnplanned, "unplanned")
	roundTrip(t, availability.ClassExcluded, "excluded")
	roundTrip(t, availability.ClassPlanned, "planned")
	roundTrip(t, availability.ClassUnknown, "unknown")

	roundTrip(t, availability.VerdictUnknown, "unknown")
	roundTrip(t, availability.VerdictMet, "met")
	roundTrip(t, availability.VerdictMissed, "missed")
}

// TestTextFormsEmpty: empty text is NoCategory, the one unnamed zero value;
// every other enum has a named zero value and refuses empty text.
func TestTextFormsEmpty(t *testing.T) {
	k := availability.Misuse
	if err := k.UnmarshalText(nil); err != nil || k != availability.NoCategory {
		t.Errorf("empty category = %v, %v", k, err)
	}
	if text, err := availability.NoCategory.MarshalText(); err != nil || len(text) != 0 {
		t.Errorf("NoCategory marshals as %q, %v", text, err)
	}
	if availability.NoCategory.IsValid() {
		t.Error("NoCategory is a valid R4 category")
	}
	c := availability.SecurityBlock
	if err := c.UnmarshalText(nil); err == nil || c != availability.SecurityBlock {
		t.Errorf("empty cause = %v, %v", c, err)
	}
	cl := availability.ClassPlanned
	if err := cl.UnmarshalText(nil); err == nil || cl != availability.ClassPlanned {
		t.Errorf("empty class = %v, %v", cl, err)
	}
	v := availability.VerdictMet
	if err := v.UnmarshalText(nil); err == nil || v != availability.VerdictMet {
		t.Errorf("empty verdict = %v, %v", v, err)
	}
}

func TestTextFormsRefuseUnknown(t *testing.T) {
	for _, text := range []string{"Unplanned", "planned", "security", " maintenance", "force majeure"} {
		var c availability.Cause
		if err := c.UnmarshalText([]byte(text)); err == nil {
			t.Errorf("cause %q accepted as %v", text, c)
		}
		var k availability.Category
		if err := k.UnmarshalText([]byte(text)); err == nil {
			t.Errorf("category %q accepted as %v", text, k)
		}
		var cl availability.Class
		if err := cl.UnmarshalText([]byte(text + "x")); err == nil {
			t.Errorf("class %q accepted as %v", text+"x", cl)
		}
	}
}

func TestTextFormsOutOfRange(t *testing.T) {
	for _, tc := range []struct {
		v interface {
			String() string
			IsValid() bool
			MarshalText() ([]byte, error)
		}
		text string
		msg  string
	}{
		{availability.Cause(7), "%!Cause(7)", `"7": invalid value: not a valid Cause`},
		{availability.Category(200), "%!Category(200)", `"200": invalid value: not a valid Category`},
		{availability.Category(8), "%!Category(8)", `"8": invalid value: not a valid Category`},
		{availability.Class(5), "%!Class(5)", `"5": invalid value: not a valid Class`},
		{availability.Verdict(3), "%!Verdict(3)", `"3": invalid value: not a valid Verdict`},
	} {
		if s := tc.v.String(); s != tc.text {
			t.Errorf("String = %q, want %q", s, tc.text)
		}
		if tc.v.IsValid() {
			t.Errorf("%s is valid", tc.text)
		}
		if _, err := tc.v.MarshalText(); err == nil || err.Error() != tc.msg || !errors.Is(err, availability.ErrInvalid) {
			t.Errorf("%s marshals: %v, want %s", tc.text, err, tc.msg)
		}
	}
}

// checkEnumRoundTrip: every value of every enum either marshals to text that
// reads back as itself, or is invalid and refuses to marshal.
func checkEnumRoundTrip(t *rapid.T) {
	n := rapid.IntRange(0, 255).Draw(t, "value")
	enumRoundTrip(t, availability.Cause(n))
	enumRoundTrip(t, availability.Category(n))
	enumRoundTrip(t, availability.Class(n))
	enumRoundTrip(t, availability.Verdict(n))
}

func enumRoundTrip[T interface {
	comparable
	encoding.TextMarshaler
	IsValid() bool
}, P interface {
	*T
	encoding.TextUnmarshaler
}](t *rapid.T, v T) {
	text, err := v.MarshalText()
	var zero T
	if !v.IsValid() && v != zero {
		if err == nil {
			t.Fatalf("%v is invalid but marshals as %q", v, text)
		}
		return
	}
	if err != nil {
		t.Fatalf("%v: %v", v, err)
	}
	var back T
	if err := P(&back).UnmarshalText(text); err != nil || back != v {
		t.Fatalf("%v -> %q -> %v, %v", v, text, back, err)
	}
}

func TestEnumRoundTrip(t *testing.T) { rapid.Check(t, checkEnumRoundTrip) }
func FuzzEnumRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkEnumRoundTrip)) }

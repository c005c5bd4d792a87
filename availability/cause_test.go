package availability_test

import (
	"encoding"
	"testing"

	"github.com/slakit/slakit/availability"
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

	roundTrip(t, availability.NoCategory, "")
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
}

func TestTextFormsEmptyIsZero(t *testing.T) {
	c := availability.SecurityBlock
	if err := c.UnmarshalText(nil); err != nil || c != availability.Unplanned {
		t.Errorf("empty cause = %v, %v", c, err)
	}
	k := availability.Misuse
	if err := k.UnmarshalText(nil); err != nil || k != availability.NoCategory {
		t.Errorf("empty category = %v, %v", k, err)
	}
	cl := availability.ClassPlanned
	if err := cl.UnmarshalText(nil); err != nil || cl != availability.ClassUp {
		t.Errorf("empty class = %v, %v", cl, err)
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
	if s := availability.Cause(7).String(); s != "Cause(7)" {
		t.Errorf("String = %q", s)
	}
	if s := availability.Category(200).String(); s != "Category(200)" {
		t.Errorf("String = %q", s)
	}
	if s := availability.Class(9).String(); s != "Class(9)" {
		t.Errorf("String = %q", s)
	}
	if _, err := availability.Cause(7).MarshalText(); err == nil {
		t.Error("Cause(7) marshals")
	}
	if _, err := availability.Category(8).MarshalText(); err == nil {
		t.Error("Category(8) marshals")
	}
	if _, err := availability.Class(4).MarshalText(); err == nil {
		t.Error("Class(4) marshals")
	}
}

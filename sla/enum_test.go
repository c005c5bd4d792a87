package sla_test

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/assert"
	"pgregory.net/rapid"
)

// enumValue is one of the package's enums, behind the methods they share.
type enumValue interface {
	fmt.Stringer
	encoding.TextMarshaler
	IsValid() bool
}

// enums builds a value of each enum from an int, with a fresh target to
// unmarshal into.
var enums = map[string]func(int) (enumValue, encoding.TextUnmarshaler, func() any){
	"Milestone": func(v int) (enumValue, encoding.TextUnmarshaler, func() any) {
		var back sla.Milestone
		return sla.Milestone(v), &back, func() any { return back }
	},
	"State": func(v int) (enumValue, encoding.TextUnmarshaler, func() any) {
		var back sla.State
		return sla.State(v), &back, func() any { return back }
	},
	"StepKind": func(v int) (enumValue, encoding.TextUnmarshaler, func() any) {
		var back sla.StepKind
		return sla.StepKind(v), &back, func() any { return back }
	},
	"Kind": func(v int) (enumValue, encoding.TextUnmarshaler, func() any) {
		var back sla.Kind
		return sla.Kind(v), &back, func() any { return back }
	},
	"ChangeRule": func(v int) (enumValue, encoding.TextUnmarshaler, func() any) {
		var back sla.ChangeRule
		return sla.ChangeRule(v), &back, func() any { return back }
	},
}

// checkEnumText: every enum reads back what it writes; a value without a name
// prints as "%!Type(n)" and does not marshal; the unset zero value marshals
// as empty text.
func checkEnumText(t *rapid.T) {
	name := rapid.SampledFrom([]string{"Milestone", "State", "StepKind", "Kind", "ChangeRule"}).Draw(t, "enum")
	n := rapid.IntRange(0, 255).Draw(t, "value")
	v, back, got := enums[name](n)
	text, err := v.MarshalText()
	switch {
	case v.IsValid():
		if err != nil || v.String() != string(text) {
			t.Fatalf("%s(%d) %q marshals as %q, %v", name, n, v.String(), text, err)
		}
	case n == 0:
		if err != nil || len(text) != 0 {
			t.Fatalf("unset %s marshals as %q, %v", name, text, err)
		}
	default:
		if err == nil {
			t.Fatalf("%s(%d) marshals as %q", name, n, text)
		}
		if want := fmt.Sprintf("%%!%s(%d)", name, n); v.String() != want {
			t.Fatalf("%s(%d) prints %q, want %q", name, n, v.String(), want)
		}
		return
	}
	if err := back.UnmarshalText(text); err != nil {
		t.Fatalf("%s: %q does not read back: %v", name, text, err)
	}
	if fmt.Sprint(got()) != fmt.Sprint(v) {
		t.Fatalf("%s: %q reads back as %v", name, text, got())
	}
}

func TestEnumText(t *testing.T) { rapid.Check(t, checkEnumText) }
func FuzzEnumText(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkEnumText)) }

func TestEnumNames(t *testing.T) {
	assert.Equal(t, "next-reply", sla.NextReply.String())
	assert.Equal(t, "customer-replied", sla.CustomerReplied.String())
	assert.Equal(t, "warning", sla.StepWarning.String())
	var k sla.Kind
	assert.NoError(t, k.UnmarshalText([]byte("WAITING")), "kinds are read in any case")
	assert.Equal(t, sla.Waiting, k)
	var m sla.Milestone
	assert.EqualError(t, m.UnmarshalText([]byte("reply")), `"reply": invalid value: want one of "response", "workaround", "fix", "next-reply", "update"`)
	var r sla.ChangeRule
	assert.NoError(t, r.UnmarshalText(nil))
	assert.Equal(t, sla.Restart, r, "empty text is restart, the zero value")
}

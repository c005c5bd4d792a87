package availability_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"pgregory.net/rapid"
)

func TestParseRatio(t *testing.T) {
	for _, tc := range []struct{ in, frac, text string }{
		{"99.9%", "0.999", "99.9%"},
		{"10%", "0.1", "10%"},
		{"0%", "0", "0%"},
		{"100%", "1", "100%"},
		{"0.05%", "0.0005", "0.05%"},
		{"99.90%", "0.999", "99.9%"},
		{"007%", "0.07", "7%"},
		{"-5%", "-0.05", "-5%"},
		{"99.999999999999999999999999999999%", "0.99999999999999999999999999999999", "99.999999999999999999999999999999%"},
	} {
		r, err := availability.ParseRatio(tc.in)
		if err != nil || !r.Decimal().Equal(dec(tc.frac)) || r.String() != tc.text {
			t.Errorf("ParseRatio(%q) = %s (%s), %v; want %s (%s)", tc.in, r.Decimal(), r, err, tc.frac, tc.text)
		}
	}
	const want = `: invalid syntax: want a percentage such as "99.9%"`
	for _, in := range []string{"99.9", "99.9 %", " 99.9%", "%", ".5%", "5.%", "1e2%", "+5%", "", "٩٩%", "5%%", "--5%", "5.5.5%", "0x10%"} {
		_, err := availability.ParseRatio(in)
		if err == nil || err.Error() != `"`+in+`"`+want && in != "" || in == "" && err.Error() != "invalid syntax: want a percentage such as \"99.9%\"" ||
			!errors.Is(err, availability.ErrSyntax) {
			t.Errorf("ParseRatio(%q): %v", in, err)
		}
	}
	long := strings.Repeat("9", 100) + "%"
	if _, err := availability.ParseRatio(long); !errors.Is(err, availability.ErrLimit) ||
		err.Error() != `"`+strings.Repeat("9", 40)+`…": over the limit: want at most 64 characters` {
		t.Errorf("a long percentage: %v", err)
	}
}

func TestParseObjective(t *testing.T) {
	for _, tc := range []struct{ in, want, msg string }{
		{"99.9%", "0.999", ""},
		{"100%", "1", ""},
		{"0.001%", "0.00001", ""},
		{"99.95", "", `"99.95": invalid syntax: want a percentage such as "99.9%"`},
		{"0%", "", `"0%": objective out of range: want above 0% and at most 100%`},
		{"100.1%", "", `"100.1%": objective out of range: want above 0% and at most 100%`},
		{"-1%", "", `"-1%": objective out of range: want above 0% and at most 100%`},
	} {
		d, err := availability.ParseObjective(tc.in)
		switch {
		case tc.msg == "" && (err != nil || !d.Equal(dec(tc.want))):
			t.Errorf("ParseObjective(%q) = %s, %v; want %s", tc.in, d, err, tc.want)
		case tc.msg != "" && (err == nil || err.Error() != tc.msg || !errors.Is(err, availability.ErrInvalid)):
			t.Errorf("ParseObjective(%q): %v\nwant %s", tc.in, err, tc.msg)
		}
	}
	// The objective drives Compute without the caller importing decimal.
	obj, _ := availability.ParseObjective("99.9%")
	r, err := availability.Compute(month(t, 2026, 6, "Europe/Paris"), nil, availability.Rules{Objective: obj})
	if err != nil || !r.Objective.Equal(dec("0.999")) {
		t.Errorf("Compute with a parsed objective: %v, %v", r.Objective, err)
	}
}

// checkRatioText: every ratio of up to 30 decimals prints as a percentage
// that reads back as the same value, and prints the same again.
func checkRatioText(t *rapid.T) {
	r := availability.Ratio(decimal.New(rapid.Int64().Draw(t, "coefficient"), int32(rapid.IntRange(-30, 3).Draw(t, "exponent"))))
	back, err := availability.ParseRatio(r.String())
	if err != nil || back.Cmp(r) != 0 || back.String() != r.String() {
		t.Fatalf("%s -> %q -> %s, %v", r.Decimal(), r.String(), back.Decimal(), err)
	}
	text, err := r.MarshalText()
	if err != nil || string(text) != r.String() {
		t.Fatalf("MarshalText = %q, %v", text, err)
	}
	var u availability.Ratio
	if err := u.UnmarshalText(text); err != nil || u.Cmp(r) != 0 {
		t.Fatalf("UnmarshalText(%q) = %s, %v", text, u.Decimal(), err)
	}
}

func TestRatioText(t *testing.T) { rapid.Check(t, checkRatioText) }
func FuzzRatioText(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkRatioText)) }

// FuzzParseRatio reads any text: no panic; what parses prints as text that
// parses to the same value.
func FuzzParseRatio(f *testing.F) {
	for _, s := range []string{"99.9%", "0%", "-5%", "1e2%", "99.9", "", "%", "0.0000000000000000000000000000000001%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := availability.ParseRatio(s)
		if err != nil {
			var fe *availability.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("%q: %v is not a FieldError", s, err)
			}
			return
		}
		back, err := availability.ParseRatio(r.String())
		if err != nil || back.Cmp(r) != 0 {
			t.Fatalf("%q -> %q -> %v", s, r.String(), err)
		}
	})
}

package severity_test

import (
	"encoding/json"
	"errors"
	"testing"

	"pgregory.net/rapid"

	"github.com/slakit/slakit/severity"
)

// The forms listed in the issue, with the meaning the rules give them.
func TestParseTargetForms(t *testing.T) {
	tests := []struct {
		in     string
		amount int
		unit   severity.Unit
		clock  severity.Clock
	}{
		{"30m continuous", 30, severity.Minutes, severity.Continuous},
		{"1h continuous", 1, severity.Hours, severity.Continuous},
		{"4h business", 4, severity.Hours, severity.Business},
		{"5d business", 5, severity.Days, severity.Business},
		{"2d continuous", 2, severity.Days, severity.Continuous},
		{"15m business", 15, severity.Minutes, severity.Business},
		{"12mo", 12, severity.Months, severity.Continuous}, // months are measured as elapsed time
		{"99999h business", 99999, severity.Hours, severity.Business},
		{"1eod business", 1, severity.EndsOfDay, severity.Business},
		{"10eod business", 10, severity.EndsOfDay, severity.Business},
		{"n/a", 0, 0, 0},
	}
	for _, tt := range tests {
		got, err := severity.ParseTarget(tt.in)
		if err != nil {
			t.Errorf("ParseTarget(%q): %v", tt.in, err)
			continue
		}
		if got.Amount() != tt.amount || got.Unit() != tt.unit || got.Clock() != tt.clock {
			t.Errorf("ParseTarget(%q) = (%d, %v, %v), want (%d, %v, %v)",
				tt.in, got.Amount(), got.Unit(), got.Clock(), tt.amount, tt.unit, tt.clock)
		}
		if got.String() != tt.in {
			t.Errorf("ParseTarget(%q).String() = %q", tt.in, got.String())
		}
		if got.IsApplicable() != (tt.in != "n/a") {
			t.Errorf("ParseTarget(%q).IsApplicable() = %v", tt.in, got.IsApplicable())
		}
		built, err := severity.NewTarget(tt.amount, tt.unit, tt.clock)
		if tt.in != "n/a" && (err != nil || built != got) {
			t.Errorf("NewTarget(%d, %v, %v) = %v, %v; want %v", tt.amount, tt.unit, tt.clock, built, err, got)
		}
	}
	if (severity.Target{}).String() != "n/a" {
		t.Errorf("zero Target prints %q", severity.Target{})
	}
}

func TestParseTargetRejects(t *testing.T) {
	tests := map[string]error{
		"":                                    severity.ErrSyntax,
		"4":                                   severity.ErrSyntax,
		"h business":                          severity.ErrSyntax,
		"4x business":                         severity.ErrSyntax,
		"4 h business":                        severity.ErrSyntax,
		"4H business":                         severity.ErrSyntax,
		"4hbusiness":                          severity.ErrSyntax,
		"1.5h business":                       severity.ErrSyntax,
		"-4h business":                        severity.ErrSyntax,
		"+4h business":                        severity.ErrSyntax,
		"04h business":                        severity.ErrSyntax,
		"N/A":                                 severity.ErrSyntax,
		"n/a ":                                severity.ErrSyntax,
		" 4h business":                        severity.ErrSyntax,
		"12MO":                                severity.ErrSyntax,
		"0h business":                         severity.ErrRange,
		"0mo":                                 severity.ErrRange,
		"100000h business":                    severity.ErrRange,
		"99999999999999999999999d continuous": severity.ErrRange,
		"4h":                                  severity.ErrClock,
		"5d":                                  severity.ErrClock,
		"4h Business":                         severity.ErrClock,
		"4h biz":                              severity.ErrClock,
		"4h business ":                        severity.ErrClock,
		"4h  business":                        severity.ErrClock,
		"4h business continuous":              severity.ErrClock,
		"12mo business":                       severity.ErrClock,
		"12mo continuous":                     severity.ErrClock,
		"12mo ":                               severity.ErrClock,
		"1eod":                                severity.ErrClock,
		"1eod continuous":                     severity.ErrClock,
		"1eod business ":                      severity.ErrClock,
		"1eod Business":                       severity.ErrClock,
		"1EOD business":                       severity.ErrSyntax,
		"1eodbusiness":                        severity.ErrSyntax,
		"1 eod business":                      severity.ErrSyntax,
		"0eod business":                       severity.ErrRange,
		"100000eod business":                  severity.ErrRange,
	}
	for in, want := range tests {
		got, err := severity.ParseTarget(in)
		if got != (severity.Target{}) {
			t.Errorf("ParseTarget(%q) = %v, want the zero Target", in, got)
		}
		if !errors.Is(err, want) || !errors.Is(err, severity.ErrInvalid) {
			t.Errorf("ParseTarget(%q) error %v, want %v", in, err, want)
			continue
		}
		var fe *severity.FieldError
		if !errors.As(err, &fe) || fe.Value != in || fe.Field != "" {
			t.Errorf("ParseTarget(%q) error %#v, want a *FieldError carrying the input and no path", in, err)
		}
	}
}

func TestParseTargetMessages(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"1y", `"1y": invalid syntax: want a target such as "4h business", "5d continuous", "12mo" or "n/a"`},
		{"", `invalid syntax: want a target such as "4h business", "5d continuous", "12mo" or "n/a"`},
		{"0h business", `"0h business": out of range: want an amount from 1 to 99999`},
		{"1d", `"1d": missing or misplaced clock: want "business" or "continuous" after the unit, as in "4h business"`},
		{"4h biz", `"4h biz": missing or misplaced clock: want "business" or "continuous"`},
		{"12mo continuous", `"12mo continuous": missing or misplaced clock: want months without a clock, as in "12mo"`},
		{"1eod continuous", `"1eod continuous": missing or misplaced clock: want "business" after "eod", as in "1eod business"`},
		{"1eod", `"1eod": missing or misplaced clock: want "business" after "eod", as in "1eod business"`},
	} {
		_, err := severity.ParseTarget(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseTarget(%q) error\n%v\nwant\n%s", tt.in, err, tt.want)
		}
	}
}

func TestNewTarget(t *testing.T) {
	tests := []struct {
		amount int
		unit   severity.Unit
		clock  severity.Clock
		err    error
		msg    string
	}{
		{0, severity.Hours, severity.Business, severity.ErrRange, `amount "0": out of range: want an amount from 1 to 99999`},
		{-1, severity.Hours, severity.Business, severity.ErrRange, `amount "-1": out of range: want an amount from 1 to 99999`},
		{severity.MaxAmount + 1, severity.Days, severity.Continuous, severity.ErrRange, `amount "100000": out of range: want an amount from 1 to 99999`},
		{4, 0, severity.Business, severity.ErrInvalid, `unit "%!Unit(0)": invalid value: want Minutes, Hours, Days, Months or EndsOfDay`},
		{4, 9, severity.Business, severity.ErrInvalid, `unit "%!Unit(9)": invalid value: want Minutes, Hours, Days, Months or EndsOfDay`},
		{4, severity.Hours, 0, severity.ErrClock, `clock "%!Clock(0)": missing or misplaced clock: want "business" or "continuous" after the unit, as in "4h business"`},
		{4, severity.Hours, 3, severity.ErrClock, `clock "%!Clock(3)": missing or misplaced clock: want "business" or "continuous" after the unit, as in "4h business"`},
		{12, severity.Months, severity.Business, severity.ErrClock, `clock "business": missing or misplaced clock: want months without a clock, as in "12mo"`},
		{1, severity.EndsOfDay, severity.Continuous, severity.ErrClock, `clock "continuous": missing or misplaced clock: want "business" after "eod", as in "1eod business"`},
		{1, severity.EndsOfDay, 0, severity.ErrClock, `clock "%!Clock(0)": missing or misplaced clock: want "business" after "eod", as in "1eod business"`},
	}
	for _, tt := range tests {
		got, err := severity.NewTarget(tt.amount, tt.unit, tt.clock)
		if got != (severity.Target{}) {
			t.Errorf("NewTarget(%d, %v, %v) = %v", tt.amount, tt.unit, tt.clock, got)
		}
		wantErr(t, err, tt.err)
		if err.Error() != tt.msg {
			t.Errorf("NewTarget(%d, %v, %v) error\n%v\nwant\n%s", tt.amount, tt.unit, tt.clock, err, tt.msg)
		}
	}
	// Months take no clock: none and continuous are the same.
	a, errA := severity.NewTarget(12, severity.Months, 0)
	b, errB := severity.NewTarget(12, severity.Months, severity.Continuous)
	if errA != nil || errB != nil || a != b || a != severity.MustParseTarget("12mo") {
		t.Errorf("12 months: %v, %v / %v, %v", a, errA, b, errB)
	}
}

func TestMustParseTargetPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParseTarget(\"4h\") did not panic")
		}
	}()
	severity.MustParseTarget("4h")
}

func TestUnitString(t *testing.T) {
	tests := map[severity.Unit]string{
		0: "%!Unit(0)", severity.Minutes: "minutes", severity.Hours: "hours", severity.Days: "days",
		severity.Months: "months", severity.EndsOfDay: "ends of day", 6: "%!Unit(6)",
	}
	for u, want := range tests {
		if got := u.String(); got != want {
			t.Errorf("Unit(%d).String() = %q, want %q", uint8(u), got, want)
		}
	}
}

func TestTargetText(t *testing.T) {
	// The zero Target writes "n/a"; empty text and "n/a" both read as it.
	if b, err := (severity.Target{}).MarshalText(); err != nil || string(b) != "n/a" {
		t.Errorf("zero Target MarshalText = %q, %v", b, err)
	}
	for _, in := range []string{"", "n/a"} {
		tg := severity.MustParseTarget("4h business")
		if err := tg.UnmarshalText([]byte(in)); err != nil || tg.IsApplicable() {
			t.Errorf("UnmarshalText(%q) = %v, %v", in, tg, err)
		}
	}
	type doc struct {
		T severity.Target `json:"t"`
	}
	var d doc
	if err := json.Unmarshal([]byte(`{"t":"5d business"}`), &d); err != nil || d.T != severity.MustParseTarget("5d business") {
		t.Errorf("decode: %v, %v", d.T, err)
	}
	if b, err := json.Marshal(d); err != nil || string(b) != `{"t":"5d business"}` {
		t.Errorf("encode: %s, %v", b, err)
	}
	if err := json.Unmarshal([]byte(`{"t":"5d"}`), &d); !errors.Is(err, severity.ErrClock) {
		t.Errorf("decode of \"5d\": %v", err)
	}
}

// genTarget draws any valid target, n/a included.
func genTarget() *rapid.Generator[severity.Target] {
	return rapid.Custom(func(t *rapid.T) severity.Target {
		if rapid.IntRange(0, 9).Draw(t, "na") == 0 {
			return severity.Target{}
		}
		unit := rapid.SampledFrom([]severity.Unit{severity.Minutes, severity.Hours, severity.Days, severity.Months, severity.EndsOfDay}).Draw(t, "unit")
		clock := rapid.SampledFrom([]severity.Clock{severity.Business, severity.Continuous}).Draw(t, "clock")
		switch unit {
		case severity.Months:
			clock = 0
		case severity.EndsOfDay:
			clock = severity.Business
		}
		amount := rapid.OneOf(rapid.IntRange(1, 100), rapid.IntRange(1, severity.MaxAmount)).Draw(t, "amount")
		tg, err := severity.NewTarget(amount, unit, clock)
		if err != nil {
			t.Fatalf("NewTarget(%d, %v, %v): %v", amount, unit, clock, err)
		}
		return tg
	})
}

// checkTargetRoundTrip: every valid target prints as text that parses back to
// it, by ParseTarget and by the text marshalling.
func checkTargetRoundTrip(t *rapid.T) {
	tg := genTarget().Draw(t, "target")
	back, err := severity.ParseTarget(tg.String())
	if err != nil || back != tg {
		t.Fatalf("ParseTarget(%q) = %v, %v; want %v", tg.String(), back, err, tg)
	}
	text, err := tg.MarshalText()
	if err != nil {
		t.Fatalf("MarshalText(%v): %v", tg, err)
	}
	var un severity.Target
	if err := un.UnmarshalText(text); err != nil || un != tg {
		t.Fatalf("UnmarshalText(%q) = %v, %v; want %v", text, un, err, tg)
	}
}

func TestTargetRoundTrip(t *testing.T) { rapid.Check(t, checkTargetRoundTrip) }

func FuzzTargetRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkTargetRoundTrip)) }

// FuzzParseTarget: ParseTarget never panics, and since it accepts the canonical
// form only, whatever it accepts prints back exactly as given.
func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"30m continuous", "4h business", "5d business", "2d continuous", "12mo", "n/a",
		"", "4h", "12mo business", "0h business", "100000d continuous", "04h business", "4h  business"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := severity.ParseTarget(s)
		if err != nil {
			var fe *severity.FieldError
			if tg != (severity.Target{}) || !errors.Is(err, severity.ErrSyntax) &&
				!errors.Is(err, severity.ErrRange) && !errors.Is(err, severity.ErrClock) || !errors.As(err, &fe) || !shortened(fe.Value, s) {
				t.Fatalf("ParseTarget(%q) = %v, %v", s, tg, err)
			}
			_ = err.Error()
			return
		}
		if tg.String() != s {
			t.Fatalf("ParseTarget(%q).String() = %q", s, tg.String())
		}
		if tg.IsApplicable() && (tg.Amount() < 1 || tg.Amount() > severity.MaxAmount || !tg.Clock().IsValid()) {
			t.Fatalf("ParseTarget(%q) = invalid %#v", s, tg)
		}
	})
}

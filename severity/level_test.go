package severity_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/slakit/slakit/severity"
)

func TestParseLevelAccepts(t *testing.T) {
	tests := map[string]severity.Level{
		"1": severity.Sev1, "2": severity.Sev2, "3": severity.Sev3, "4": severity.Sev4,
		"sev1": severity.Sev1, "SEV2": severity.Sev2, "Sev3": severity.Sev3, "sEv4": severity.Sev4,
		"s1": severity.Sev1, "S2": severity.Sev2,
		"severity 1": severity.Sev1, "Severity 2": severity.Sev2, "SEVERITY 3": severity.Sev3,
		"severity4": severity.Sev4, "sev 3": severity.Sev3, "SEV-2": severity.Sev2, "s-4": severity.Sev4,
	}
	for in, want := range tests {
		got, err := severity.ParseLevel(in)
		if err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseLevelRejects(t *testing.T) {
	tests := map[string]error{
		"":                           severity.ErrSyntax,
		"sev":                        severity.ErrSyntax,
		"severity":                   severity.ErrSyntax,
		"severity ":                  severity.ErrSyntax,
		"sev01":                      severity.ErrSyntax,
		"+1":                         severity.ErrSyntax,
		"sev -1":                     severity.ErrSyntax,
		" sev1":                      severity.ErrSyntax,
		"sev1 ":                      severity.ErrSyntax,
		"sev  1":                     severity.ErrSyntax,
		"sev_1":                      severity.ErrSyntax,
		"se1":                        severity.ErrSyntax,
		"p1":                         severity.ErrSyntax,
		"level 1":                    severity.ErrSyntax,
		"ſev1":                       severity.ErrSyntax, // long s: a Unicode fold of s, not an s
		"sev１":                       severity.ErrSyntax, // fullwidth digit
		"1.0":                        severity.ErrSyntax,
		"unknown":                    severity.ErrSyntax,
		"0":                          severity.ErrRange,
		"5":                          severity.ErrRange,
		"sev0":                       severity.ErrRange,
		"S5":                         severity.ErrRange,
		"severity 12":                severity.ErrRange,
		"sev99999999999999999999999": severity.ErrRange,
	}
	for in, want := range tests {
		l, err := severity.ParseLevel(in)
		if l != 0 {
			t.Errorf("ParseLevel(%q) = %v, want the zero Level", in, l)
		}
		if !errors.Is(err, want) || !errors.Is(err, severity.ErrInvalid) {
			t.Errorf("ParseLevel(%q) error %v, want %v", in, err, want)
			continue
		}
		var fe *severity.FieldError
		if !errors.As(err, &fe) || fe.Value != in || fe.Field != "" {
			t.Errorf("ParseLevel(%q) error %#v, want a *FieldError carrying the input and no path", in, err)
		}
	}
}

func TestParseLevelMessages(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", `invalid syntax: want a level such as "1", "sev1", "S1" or "severity 1"`},
		{"p1", `"p1": invalid syntax: want a level such as "1", "sev1", "S1" or "severity 1"`},
		{"sev 01", `"sev 01": invalid syntax: want a level such as "1", "sev1", "S1" or "severity 1"`},
		{"sev5", `"sev5": out of range: want a level from 1 to 4`},
		{"0", `"0": out of range: want a level from 1 to 4`},
	} {
		_, err := severity.ParseLevel(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("ParseLevel(%q) error\n%v\nwant\n%s", tt.in, err, tt.want)
		}
	}
}

func TestLevelString(t *testing.T) {
	tests := map[severity.Level]string{
		0: "%!Level(0)", severity.Sev1: "sev1", severity.Sev2: "sev2", severity.Sev3: "sev3", severity.Sev4: "sev4",
		5: "%!Level(5)", 255: "%!Level(255)",
	}
	for l, want := range tests {
		if got := l.String(); got != want {
			t.Errorf("Level(%d).String() = %q, want %q", uint8(l), got, want)
		}
		if got := l.IsValid(); got != (l >= 1 && l <= 4) {
			t.Errorf("Level(%d).IsValid() = %v", uint8(l), got)
		}
	}
}

func TestLevelNames(t *testing.T) { // R5
	want := map[severity.Level]string{
		severity.Sev1: "Total service interruption",
		severity.Sev2: "Critical business impact",
		severity.Sev3: "Significant business impact",
		severity.Sev4: "Minor business impact",
		0:             "",
		9:             "",
	}
	for l, name := range want {
		if got := l.Name(); got != name {
			t.Errorf("%v.Name() = %q, want %q", l, got, name)
		}
		if (l.Definition() != "") != l.IsValid() {
			t.Errorf("%v.Definition() = %q", l, l.Definition())
		}
	}
	if d := severity.Sev1.Definition(); !strings.Contains(d, "not because of planned maintenance") {
		t.Errorf("Sev1 definition %q omits the planned-maintenance exception", d)
	}
	if got := severity.Levels(); len(got) != 4 || got[0] != severity.Sev1 || got[3] != severity.Sev4 {
		t.Errorf("Levels() = %v", got)
	}
}

func TestLevelText(t *testing.T) {
	type doc struct {
		L severity.Level `json:"level"`
	}
	for _, l := range severity.Levels() {
		b, err := json.Marshal(doc{l})
		if err != nil || string(b) != `{"level":"`+l.String()+`"}` {
			t.Errorf("json.Marshal(%v) = %s, %v", l, b, err)
		}
		var back doc
		if err := json.Unmarshal(b, &back); err != nil || back.L != l {
			t.Errorf("json round trip of %v = %v, %v", l, back.L, err)
		}
	}
	// Empty text is the zero Level, both ways.
	if b, err := severity.Level(0).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("zero Level MarshalText = %q, %v", b, err)
	}
	l := severity.Sev2
	if err := l.UnmarshalText(nil); err != nil || l != 0 {
		t.Errorf("UnmarshalText(empty) = %v, %v", l, err)
	}
	// Any form ParseLevel reads.
	var d doc
	if err := json.Unmarshal([]byte(`{"level":"Severity 3"}`), &d); err != nil || d.L != severity.Sev3 {
		t.Errorf(`"Severity 3" decodes to %v, %v`, d.L, err)
	}
	if err := json.Unmarshal([]byte(`{"level":"sev7"}`), &d); !errors.Is(err, severity.ErrRange) {
		t.Errorf(`"sev7" decodes with error %v`, err)
	}
	if _, err := severity.Level(7).MarshalText(); !errors.Is(err, severity.ErrInvalid) || err.Error() != `"7": invalid value: not a valid Level` {
		t.Errorf("Level(7).MarshalText error %v, want ErrInvalid", err)
	}
}

func FuzzParseLevel(f *testing.F) {
	for _, s := range []string{"1", "sev1", "S1", "severity 1", "SEV-4", "sev5", "", "s", "sev 01", "ſ1", "severity  2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := severity.ParseLevel(s)
		if err != nil {
			var fe *severity.FieldError
			if l != 0 || !(errors.Is(err, severity.ErrSyntax) || errors.Is(err, severity.ErrRange)) || !errors.As(err, &fe) || !shortened(fe.Value, s) {
				t.Fatalf("ParseLevel(%q) = %v, %v", s, l, err)
			}
			_ = err.Error()
			return
		}
		if !l.IsValid() {
			t.Fatalf("ParseLevel(%q) = invalid %v", s, l)
		}
		// The number is the last character, and the text parses back.
		if s[len(s)-1] != byte('0'+l) {
			t.Fatalf("ParseLevel(%q) = %v", s, l)
		}
		if back, err := severity.ParseLevel(l.String()); err != nil || back != l {
			t.Fatalf("ParseLevel(%q) = %v, %v", l.String(), back, err)
		}
	})
}

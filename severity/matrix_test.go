package severity_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/severity"
)

// The preset is R6 on the clocks of I1: rows copied from the rules.
func TestPresetMatrix(t *testing.T) {
	want := map[severity.Level][3]string{
		severity.Sev1: {"1h continuous", "30m continuous", "1h continuous"},
		severity.Sev2: {"1h continuous", "2d continuous", "5d continuous"},
		severity.Sev3: {"4h business", "5d business", "15d business"},
		severity.Sev4: {"8h business", "n/a", "12mo"},
	}
	m := severity.PresetMatrix()
	if len(m) != 4 {
		t.Fatalf("preset has %d levels", len(m))
	}
	for l, row := range want {
		ts := m[l]
		got := [3]string{ts.Response.String(), ts.Workaround.String(), ts.Fix.String()}
		if got != row {
			t.Errorf("%v: %v, want %v", l, got, row)
		}
	}
	if err := m.Validate(); err != nil {
		t.Errorf("preset does not validate: %v", err)
	}
	// Each call is a fresh map.
	m[severity.Sev1] = severity.Targets{}
	if severity.PresetMatrix()[severity.Sev1].Response.String() != "1h continuous" {
		t.Error("changing one preset changed the next")
	}
}

const presetJSON = `{"sev1":{"response":"1h continuous","workaround":"30m continuous","fix":"1h continuous"},` +
	`"sev2":{"response":"1h continuous","workaround":"2d continuous","fix":"5d continuous"},` +
	`"sev3":{"response":"4h business","workaround":"5d business","fix":"15d business"},` +
	`"sev4":{"response":"8h business","workaround":"n/a","fix":"12mo"}}`

func TestMatrixJSON(t *testing.T) {
	b, err := json.Marshal(severity.PresetMatrix())
	if err != nil || string(b) != presetJSON {
		t.Fatalf("json.Marshal(preset) =\n%s, %v\nwant\n%s", b, err, presetJSON)
	}
	var m severity.Matrix
	if err := json.Unmarshal([]byte(presetJSON), &m); err != nil || !maps.Equal(m, severity.PresetMatrix()) {
		t.Fatalf("json.Unmarshal = %v, %v", m, err)
	}
	// Keys in any form ParseLevel reads, written back canonically.
	aliased := strings.NewReplacer(`"sev1"`, `"S1"`, `"sev2"`, `"severity 2"`, `"sev3"`, `"3"`, `"sev4"`, `"SEV-4"`).Replace(presetJSON)
	var a severity.Matrix
	if err := json.Unmarshal([]byte(aliased), &a); err != nil || !maps.Equal(a, m) {
		t.Fatalf("aliased keys: %v, %v", a, err)
	}
	// Inside a policy document.
	type policy struct {
		Severity severity.Matrix `json:"severity"`
	}
	var p policy
	if err := json.Unmarshal([]byte(`{"severity":`+presetJSON+`}`), &p); err != nil || !maps.Equal(p.Severity, m) {
		t.Fatalf("embedded: %v, %v", p.Severity, err)
	}
	if b, err := json.Marshal(p); err != nil || string(b) != `{"severity":`+presetJSON+`}` {
		t.Fatalf("embedded encode: %s, %v", b, err)
	}
}

func TestMatrixJSONErrors(t *testing.T) {
	row := func(l string, r, w, f string) string {
		return `"` + l + `":{"response":"` + r + `","workaround":"` + w + `","fix":"` + f + `"}`
	}
	good := map[string]string{
		"sev1": row("sev1", "1h continuous", "30m continuous", "1h continuous"),
		"sev2": row("sev2", "1h continuous", "2d continuous", "5d continuous"),
		"sev3": row("sev3", "4h business", "5d business", "15d business"),
		"sev4": row("sev4", "8h business", "n/a", "12mo"),
	}
	doc := func(replace map[string]string) string {
		var parts []string
		for _, l := range []string{"sev1", "sev2", "sev3", "sev4", "extra"} {
			v, ok := replace[l]
			if !ok {
				v = good[l]
			}
			if v != "" {
				parts = append(parts, v)
			}
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	const wantTarget = `want a target such as "4h business", "5d continuous", "12mo" or "n/a"`
	tests := []struct {
		name, in string
		err      error
		field    string // of the first error
		message  string // of every error, one a line
	}{
		{"bad target", doc(map[string]string{"sev3": row("sev3", "4h business", "5d business", "15x business")}),
			severity.ErrSyntax, "sev3.fix", `sev3.fix "15x business": invalid syntax: ` + wantTarget},
		{"the issue's example", doc(map[string]string{"sev4": row("sev4", "8h business", "n/a", "1y")}),
			severity.ErrSyntax, "sev4.fix", `sev4.fix "1y": invalid syntax: ` + wantTarget},
		{"missing clock", doc(map[string]string{"sev2": row("sev2", "1h", "2d continuous", "5d continuous")}),
			severity.ErrClock, "sev2.response", `sev2.response "1h": missing or misplaced clock: want "business" or "continuous" after the unit, as in "4h business"`},
		{"months with clock", doc(map[string]string{"sev4": row("sev4", "8h business", "n/a", "12mo business")}),
			severity.ErrClock, "sev4.fix", `sev4.fix "12mo business": missing or misplaced clock: want months without a clock, as in "12mo"`},
		{"amount out of range", doc(map[string]string{"sev4": row("sev4", "100000h business", "n/a", "12mo")}),
			severity.ErrRange, "sev4.response", `sev4.response "100000h business": out of range: want an amount from 1 to 99999`},
		{"level missing", doc(map[string]string{"sev4": ""}),
			severity.ErrMissing, "sev4", `sev4: missing: want targets for every level, sev1 to sev4`},
		{"target missing", doc(map[string]string{"sev3": `"sev3":{"response":"4h business","fix":"15d business"}`}),
			severity.ErrMissing, "sev3.workaround", `sev3.workaround: missing: want a target, or "n/a" for "not applicable"`},
		{"unknown field", doc(map[string]string{"sev2": `"sev2":{"response":"1h continuous","workaround":"2d continuous","fix":"5d continuous","fixx":"1h continuous"}`}),
			severity.ErrUnknown, "sev2.fixx", `sev2.fixx: unknown field: want one of response, workaround, fix`},
		{"target not a string", doc(map[string]string{"sev1": `"sev1":{"response":60,"workaround":"30m continuous","fix":"1h continuous"}`}),
			severity.ErrSyntax, "sev1.response", `sev1.response "60": invalid syntax: want a string such as "4h business" or "n/a"`},
		{"target null", doc(map[string]string{"sev1": `"sev1":{"response":null,"workaround":"30m continuous","fix":"1h continuous"}`}),
			severity.ErrSyntax, "sev1.response", `sev1.response "null": invalid syntax: want a string such as "4h business" or "n/a"`},
		{"level out of range", doc(map[string]string{"extra": row("sev5", "1h continuous", "n/a", "n/a")}),
			severity.ErrRange, "sev5", `sev5: out of range: want a level from 1 to 4`},
		{"level unreadable", doc(map[string]string{"extra": row("critical", "1h continuous", "n/a", "n/a")}),
			severity.ErrSyntax, "critical", `critical: invalid syntax: want a level such as "1", "sev1", "S1" or "severity 1"`},
		{"level twice in two forms", doc(map[string]string{"extra": row("S1", "1h continuous", "n/a", "n/a")}),
			severity.ErrDuplicate, "sev1", `sev1: duplicate: want each level once: "S1" and "sev1" are both sev1`},
		{"level key twice", `{` + good["sev1"] + `,` + good["sev1"] + `,` + good["sev2"] + `,` + good["sev3"] + `,` + good["sev4"] + `}`,
			severity.ErrDuplicate, "sev1", `sev1: duplicate: key written twice in one object`},
		{"target key twice", doc(map[string]string{"sev2": `"sev2":{"response":"1h continuous","response":"4h business","workaround":"2d continuous","fix":"5d continuous"}`}),
			severity.ErrDuplicate, "sev2.response", `sev2.response: duplicate: key written twice in one object`},
		{"trailing data", doc(nil) + ` {}`,
			severity.ErrSyntax, "", `"{}": invalid syntax: want nothing after the JSON value (offset 324)`},
		{"targets null", doc(map[string]string{"sev2": `"sev2":null`}),
			severity.ErrSyntax, "sev2", `sev2 "null": invalid syntax: want an object with response, workaround and fix`},
		{"matrix null", `null`, severity.ErrSyntax, "", `"null": invalid syntax: want an object keyed by level, such as {"sev1": {"response": …}, …}`},
		{"matrix a list", `[]`, severity.ErrSyntax, "", `"[]": invalid syntax: want an object keyed by level, such as {"sev1": {"response": …}, …}`},
		{"targets a list", doc(map[string]string{"sev1": `"sev1":[]`}),
			severity.ErrSyntax, "sev1", `sev1 "[]": invalid syntax: want an object with response, workaround and fix`},
		{"every problem at once", doc(map[string]string{"sev1": `"sev1":{"response":"1h","workaround":"30m continuous","fix":"1h continuous"}`, "sev3": row("sev3", "4h business", "5d business", "15x business"), "sev4": ""}),
			severity.ErrClock, "sev1.response", `sev1.response "1h": missing or misplaced clock: want "business" or "continuous" after the unit, as in "4h business"` + "\n" +
				`sev3.fix "15x business": invalid syntax: ` + wantTarget + "\n" +
				`sev4: missing: want targets for every level, sev1 to sev4`},
	}
	for _, tt := range tests {
		var m severity.Matrix
		err := m.UnmarshalJSON([]byte(tt.in))
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.err)
			continue
		}
		var fe *severity.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%s: error %#v, want a *FieldError for %q", tt.name, err, tt.field)
		}
		if err.Error() != tt.message {
			t.Errorf("%s: message\n%s\nwant\n%s", tt.name, err, tt.message)
		}
		if m != nil {
			t.Errorf("%s: matrix set to %v on error", tt.name, m)
		}
	}
	// Through encoding/json, the errors are the same.
	var m severity.Matrix
	if err := json.Unmarshal([]byte(doc(map[string]string{"sev4": row("sev4", "8h business", "n/a", "1y")})), &m); err == nil || err.Error() != `sev4.fix "1y": invalid syntax: `+wantTarget {
		t.Errorf("json.Unmarshal: %v", err)
	}
	var ts severity.Targets
	if err := json.Unmarshal([]byte(`{"response":"1h"}`), &ts); err == nil || err.Error() != `response "1h": missing or misplaced clock: want "business" or "continuous" after the unit, as in "4h business"`+"\n"+
		`workaround: missing: want a target, or "n/a" for "not applicable"`+"\n"+`fix: missing: want a target, or "n/a" for "not applicable"` {
		t.Errorf("Targets alone: %v", err)
	}
}

// Inside a document read by the library's strict decoder, errors carry the
// document's path, as sla's policies do.
func TestMatrixInDocument(t *testing.T) {
	var doc struct {
		Levels severity.Matrix `json:"levels"`
	}
	in := `{"levels":` + strings.Replace(presetJSON, `"fix":"12mo"`, `"fix":"1y"`, 1) + `}`
	err := jsonx.Decode([]byte(in), &doc)
	want := `levels.sev4.fix "1y": invalid syntax: want a target such as "4h business", "5d continuous", "12mo" or "n/a"`
	if err == nil || err.Error() != want || !errors.Is(err, severity.ErrSyntax) {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
	if err := jsonx.Decode([]byte(`{"levels":`+presetJSON+`}`), &doc); err != nil || !maps.Equal(doc.Levels, severity.PresetMatrix()) {
		t.Errorf("decode: %v, %v", doc.Levels, err)
	}
	// A long value is not repeated in full.
	long := `{"levels":{"sev1":{"response":"` + strings.Repeat("x", 100) + `"}}}`
	err = jsonx.Decode([]byte(long), &doc)
	var fe *severity.FieldError
	if !errors.As(err, &fe) || fe.Field != "levels.sev1.response" || fe.Value != strings.Repeat("x", 40)+"…" {
		t.Errorf("long value: %#v", err)
	}
}

func TestMatrixValidate(t *testing.T) {
	if err := severity.Matrix(nil).Validate(); !errors.Is(err, severity.ErrMissing) || !strings.Contains(err.Error(), "sev1") {
		t.Errorf("nil matrix: %v", err)
	}
	for _, bad := range []severity.Level{0, 5} {
		m := severity.PresetMatrix()
		m[bad] = severity.Targets{}
		err := m.Validate()
		wantErr(t, err, severity.ErrRange)
		if _, err := json.Marshal(m); err == nil {
			t.Errorf("marshalled a matrix with level %v", bad)
		}
	}
	m := severity.PresetMatrix()
	delete(m, severity.Sev2)
	delete(m, severity.Sev4)
	m[7] = severity.Targets{}
	want := "%!Level(7): out of range: want only the levels sev1 to sev4\n" +
		"sev2: missing: want targets for every level, sev1 to sev4\n" +
		"sev4: missing: want targets for every level, sev1 to sev4"
	if err := m.Validate(); !errors.Is(err, severity.ErrMissing) || !errors.Is(err, severity.ErrRange) || err.Error() != want {
		t.Errorf("Validate:\n%v\nwant\n%s", err, want)
	}
}

func TestTargetsString(t *testing.T) {
	got := severity.PresetMatrix()[severity.Sev4].String()
	if want := "response 8h business, workaround n/a, fix 12mo"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// FuzzMatrixJSON: decoding never panics; what decodes is valid, encodes, and
// decodes back to the same matrix, whose encoding is then stable.
func FuzzMatrixJSON(f *testing.F) {
	f.Add([]byte(presetJSON))
	f.Add([]byte(`{"S1":{"response":"1h continuous","workaround":"n/a","fix":"n/a"}}`))
	f.Add([]byte(`{"sev1":{"response":"","workaround":"n/a","fix":"1mo"},"2":{"response":"1m business","workaround":"n/a","fix":"n/a"},` +
		`"severity 3":{"response":"1d continuous","workaround":"n/a","fix":"n/a"},"s4":{"response":"1h business","workaround":"n/a","fix":"n/a"}}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"sev1":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m severity.Matrix
		if err := m.UnmarshalJSON(data); err != nil {
			// Every problem is a *FieldError; a joined error lists them.
			errs := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			for _, e := range errs {
				var fe *severity.FieldError
				if !errors.As(e, &fe) || !errors.Is(e, severity.ErrInvalid) && !errors.Is(e, severity.ErrMissing) &&
					!errors.Is(e, severity.ErrUnknown) && !errors.Is(e, severity.ErrDuplicate) {
					t.Fatalf("decoding %q: error %v (%T) is not a *FieldError with a sentinel", data, e, e)
				}
				if len(fe.Value) > 40+len("…") {
					t.Fatalf("decoding %q: value %q repeated in full", data, fe.Value)
				}
			}
			if m != nil {
				t.Fatalf("matrix set on error")
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("decoded %s into an invalid matrix: %v", data, err)
		}
		_ = m.Lint()
		enc, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("Marshal(%v): %v", m, err)
		}
		var back severity.Matrix
		if err := json.Unmarshal(enc, &back); err != nil || !maps.Equal(back, m) {
			t.Fatalf("round trip of %s: %v, %v", enc, back, err)
		}
		if again, _ := json.Marshal(back); !bytes.Equal(again, enc) {
			t.Fatalf("encoding not stable: %s then %s", enc, again)
		}
	})
}

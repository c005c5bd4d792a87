package severity_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"strings"
	"testing"

	"github.com/slakit/slakit/severity"
)

// The preset is SPEC R6 on the clocks of I1: rows copied from the SPEC.
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
	tests := []struct {
		name, in string
		err      error
		level    severity.Level
		field    string
		message  string
	}{
		{"bad target", doc(map[string]string{"sev3": row("sev3", "4h business", "5d business", "15x business")}),
			severity.ErrSyntax, severity.Sev3, "fix", `severity: sev3.fix "15x business": invalid syntax`},
		{"missing clock", doc(map[string]string{"sev2": row("sev2", "1h", "2d continuous", "5d continuous")}),
			severity.ErrClock, severity.Sev2, "response", `severity: sev2.response "1h": missing or misplaced clock`},
		{"months with clock", doc(map[string]string{"sev4": row("sev4", "8h business", "n/a", "12mo business")}),
			severity.ErrClock, severity.Sev4, "fix", `severity: sev4.fix "12mo business"`},
		{"level missing", doc(map[string]string{"sev4": ""}),
			severity.ErrMissing, severity.Sev4, "", `severity: sev4: missing`},
		{"target missing", doc(map[string]string{"sev3": `"sev3":{"response":"4h business","fix":"15d business"}`}),
			severity.ErrMissing, severity.Sev3, "workaround", `severity: sev3.workaround: missing (write "n/a"`},
		{"unknown field", doc(map[string]string{"sev2": `"sev2":{"response":"1h continuous","workaround":"2d continuous","fix":"5d continuous","fixx":"1h continuous"}`}),
			severity.ErrUnknown, severity.Sev2, "fixx", `severity: sev2.fixx: unknown field`},
		{"target not a string", doc(map[string]string{"sev1": `"sev1":{"response":60,"workaround":"30m continuous","fix":"1h continuous"}`}),
			severity.ErrSyntax, severity.Sev1, "response", `severity: sev1.response "60"`},
		{"target null", doc(map[string]string{"sev1": `"sev1":{"response":null,"workaround":"30m continuous","fix":"1h continuous"}`}),
			severity.ErrSyntax, severity.Sev1, "response", `severity: sev1.response "null"`},
		{"level out of range", doc(map[string]string{"extra": row("sev5", "1h continuous", "n/a", "n/a")}),
			severity.ErrRange, 0, "level", `severity: level "sev5": value out of range`},
		{"level unreadable", doc(map[string]string{"extra": row("critical", "1h continuous", "n/a", "n/a")}),
			severity.ErrSyntax, 0, "level", `severity: level "critical": invalid syntax`},
		{"level twice", doc(map[string]string{"extra": row("S1", "1h continuous", "n/a", "n/a")}),
			severity.ErrDuplicate, severity.Sev1, "", `severity: sev1 "`},
		{"targets null", doc(map[string]string{"sev2": `"sev2":null`}),
			severity.ErrSyntax, severity.Sev2, "", `severity: sev2: invalid syntax`},
		{"matrix null", `null`, severity.ErrSyntax, 0, "matrix", `severity: matrix: invalid syntax`},
	}
	for _, tt := range tests {
		var m severity.Matrix
		err := json.Unmarshal([]byte(tt.in), &m)
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.err)
			continue
		}
		var fe *severity.FieldError
		if !errors.As(err, &fe) || fe.Level != tt.level || fe.Field != tt.field {
			t.Errorf("%s: error %#v, want a *FieldError for %v %q", tt.name, err, tt.level, tt.field)
		}
		if !strings.HasPrefix(err.Error(), tt.message) {
			t.Errorf("%s: message %q, want it to start with %q", tt.name, err, tt.message)
		}
		if m != nil {
			t.Errorf("%s: matrix set to %v on error", tt.name, m)
		}
	}
	// Not JSON objects. (Malformed JSON, such as "{", fails in encoding/json
	// before the matrix sees it.)
	for in, want := range map[string]string{
		`[]`:          `severity: matrix: invalid syntax (want an object keyed by level)`,
		`"sev1"`:      `severity: matrix: invalid syntax (want an object keyed by level)`,
		`{"sev1":[]}`: `severity: sev1: invalid syntax (want an object with response, workaround and fix)`,
	} {
		var m severity.Matrix
		if err := json.Unmarshal([]byte(in), &m); !errors.Is(err, severity.ErrSyntax) || err.Error() != want {
			t.Errorf("json.Unmarshal(%s): %v, want %s", in, err, want)
		}
	}
	var ts severity.Targets
	if err := json.Unmarshal([]byte(`{"response":"1h"}`), &ts); err == nil || err.Error() != `severity: response "1h": missing or misplaced clock (add "business" or "continuous")` {
		t.Errorf("Targets alone: %v", err)
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
	var fe *severity.FieldError
	if err := m.Validate(); !errors.As(err, &fe) || fe.Level != severity.Sev2 || !errors.Is(err, severity.ErrMissing) {
		t.Errorf("missing sev2: %v", err)
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
		if err := json.Unmarshal(data, &m); err != nil {
			_ = err.Error()
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

package severity_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/slakit/slakit/severity"
)

// lintKeys summarises warnings as "CODE level.field".
func lintKeys(ws []severity.Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, fmt.Sprintf("%s %v.%s", w.Code, w.Level, w.Field))
	}
	return out
}

func TestLintPreset(t *testing.T) {
	ws := severity.PresetMatrix().Lint()
	if got := fmt.Sprint(lintKeys(ws)); got != "[SEV001 sev1.workaround]" {
		t.Fatalf("preset lint = %v", got)
	}
	want := "SEV001 workaround-before-response: sev1: workaround 30m continuous can fall due before response 1h continuous"
	if ws[0].String() != want {
		t.Errorf("warning %q, want %q", ws[0], want)
	}
	b, err := json.Marshal(ws)
	wantJSON := `[{"code":"SEV001","level":"sev1","field":"workaround","message":"workaround 30m continuous can fall due before response 1h continuous"}]`
	if err != nil || string(b) != wantJSON {
		t.Errorf("json.Marshal = %s, %v; want %s", b, err, wantJSON)
	}
	var back []severity.Warning
	if err := json.Unmarshal(b, &back); err != nil || len(back) != 1 || back[0] != ws[0] {
		t.Errorf("json round trip = %v, %v", back, err)
	}
}

// row builds the Targets of one level from their text.
func row(response, workaround, fix string) severity.Targets {
	return severity.Targets{
		Response:   severity.MustParseTarget(response),
		Workaround: severity.MustParseTarget(workaround),
		Fix:        severity.MustParseTarget(fix),
	}
}

func TestLint(t *testing.T) {
	tests := []struct {
		name string
		m    severity.Matrix
		want string
	}{
		{"clean", severity.Matrix{
			severity.Sev1: row("30m continuous", "30m continuous", "1h continuous"),
			severity.Sev2: row("1h continuous", "2d continuous", "5d continuous"),
		}, "[]"},
		{"fix before workaround", severity.Matrix{
			severity.Sev2: row("1h continuous", "5d continuous", "2d continuous"),
		}, "[SEV002 sev2.fix]"},
		{"both in one row", severity.Matrix{
			severity.Sev2: row("2h business", "1h business", "30m business"),
		}, "[SEV001 sev2.workaround SEV002 sev2.fix]"},
		// 24 continuous hours are one continuous day (I2): not before.
		{"equal lengths in other units", severity.Matrix{
			severity.Sev2: row("1h continuous", "24h continuous", "1d continuous"),
		}, "[]"},
		{"less severe tighter, against each more severe level", severity.Matrix{
			severity.Sev1: row("30m continuous", "30m continuous", "1h continuous"),
			severity.Sev2: row("1h continuous", "2d continuous", "5d continuous"),
			severity.Sev4: row("20m continuous", "2d continuous", "5d continuous"),
		}, "[SEV003 sev4.response SEV003 sev4.response]"},
		// Business time never runs faster than elapsed time: 2 business hours never
		// fall due before 1 continuous hour, but 30 business minutes can.
		{"business longer than continuous", severity.Matrix{
			severity.Sev2: row("1h continuous", "n/a", "n/a"),
			severity.Sev3: row("2h business", "n/a", "n/a"),
		}, "[]"},
		{"business shorter than continuous", severity.Matrix{
			severity.Sev2: row("1h continuous", "n/a", "n/a"),
			severity.Sev3: row("30m business", "n/a", "n/a"),
		}, "[SEV003 sev3.response]"},
		// Business days and business hours do not compare without a calendar.
		{"business days against business hours", severity.Matrix{
			severity.Sev3: row("4h business", "30h business", "2d business"),
			severity.Sev4: row("8h business", "1d business", "20h business"),
		}, "[]"},
		// Against continuous targets, a business day counts as a calendar day.
		{"business days against continuous time", severity.Matrix{
			severity.Sev2: row("1h continuous", "2d continuous", "72h continuous"),
			severity.Sev3: row("4h business", "1d business", "3d business"),
		}, "[SEV003 sev3.workaround]"},
		// N ends of day fall due at or after N business days: 1 business day
		// can fall due before 1 end of day, 1 end of day before 2 business days.
		{"ends of day against business days", severity.Matrix{
			severity.Sev3: row("4h business", "1eod business", "2d business"),
			severity.Sev4: row("8h business", "1d business", "1eod business"),
		}, "[SEV003 sev4.workaround SEV003 sev4.fix]"},
		// 1 end of day is 24 to 48 hours in Lint's calendar of 24-hour days.
		{"ends of day against continuous time", severity.Matrix{
			severity.Sev2: row("1h continuous", "1d continuous", "2d continuous"),
			severity.Sev3: row("4h business", "1eod business", "1eod business"),
		}, "[SEV003 sev3.fix]"},
		// A month is 28 to 31 days: one month can fall due before 30 days (in
		// February) but never before 28.
		{"months against days", severity.Matrix{
			severity.Sev3: row("4h business", "28d continuous", "30d continuous"),
			severity.Sev4: row("8h business", "1mo", "1mo"),
		}, "[SEV003 sev4.fix]"},
		{"months against months", severity.Matrix{
			severity.Sev3: row("4h business", "n/a", "13mo"),
			severity.Sev4: row("8h business", "n/a", "12mo"),
		}, "[SEV003 sev4.fix]"},
		// "n/a" is no deadline: a less severe level with a target where a more
		// severe one has none is odd; the other way round is not, and within a
		// row "n/a" compares with nothing.
		{"n/a in a more severe level", severity.Matrix{
			severity.Sev2: row("1h continuous", "n/a", "5d continuous"),
			severity.Sev3: row("4h business", "5d business", "15d business"),
			severity.Sev4: row("8h business", "n/a", "12mo"),
		}, "[SEV003 sev3.workaround]"},
		{"n/a within a row", severity.Matrix{
			severity.Sev4: row("n/a", "n/a", "1h continuous"),
		}, "[]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(lintKeys(tt.m.Lint())); got != tt.want {
			t.Errorf("%s: lint = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestLintPartialMatrix(t *testing.T) {
	m := severity.Matrix{severity.Sev3: severity.PresetMatrix()[severity.Sev3]}
	if ws := m.Lint(); len(ws) != 0 {
		t.Errorf("lint of one clean level = %v", ws)
	}
	if ws := severity.Matrix(nil).Lint(); len(ws) != 0 {
		t.Errorf("lint of nil = %v", ws)
	}
}

func TestCodeNames(t *testing.T) {
	want := map[severity.Code]string{
		severity.CodeWorkaroundBeforeResponse: "SEV001 workaround-before-response",
		severity.CodeFixBeforeWorkaround:      "SEV002 fix-before-workaround",
		severity.CodeLessSevereTighter:        "SEV003 less-severe-tighter",
		"SEV999":                              "SEV999 ",
	}
	for c, w := range want {
		if got := string(c) + " " + c.Name(); got != w {
			t.Errorf("code %q: %q, want %q", c, got, w)
		}
	}
}

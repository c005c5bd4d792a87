package sla_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestPolicyJSONRoundTrip(t *testing.T) {
	p := sla.Preset("Europe/Paris", "FR")
	data, err := json.MarshalIndent(p, "", "  ")
	require.NoError(t, err)
	for _, want := range []string{`"version": 1`, `"availability": "99.9%"`, `"rto": "24h"`, `"rpo": "30m"`,
		`"notice": "48h"`, `"at_risk": "75%"`, `"severity_change": "restart"`, `"fix": "12mo"`, `"workaround": "n/a"`} {
		assert.Contains(t, string(data), want)
	}
	var back sla.Policy
	require.NoError(t, json.Unmarshal(data, &back))
	again, err := json.MarshalIndent(back, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again))
	assert.True(t, back.Availability.Equal(p.Availability))
	assert.NoError(t, back.Validate())
}

func TestPolicyJSONStrict(t *testing.T) {
	good, err := json.Marshal(sla.Preset("Europe/Paris", "FR"))
	require.NoError(t, err)
	var p sla.Policy

	bad := strings.Replace(string(good), `"rto"`, `"rt0"`, 1)
	err = json.Unmarshal([]byte(bad), &p)
	require.Error(t, err)
	assert.ErrorIs(t, err, sla.ErrUnknown)
	assert.Contains(t, err.Error(), "rt0")

	v2 := strings.Replace(string(good), `"version":1`, `"version":2`, 1)
	assert.ErrorIs(t, json.Unmarshal([]byte(v2), &p), sla.ErrVersion)

	frac := strings.Replace(string(good), `"99.9%"`, `"0.999"`, 1)
	require.NoError(t, json.Unmarshal([]byte(frac), &p))
	assert.Equal(t, "99.9%", p.Availability.String())

	nested := strings.Replace(string(good), `"time_zone":"Europe/Paris"`, `"time_zone":"Europe/Paris","tz":"x"`, 1)
	err = json.Unmarshal([]byte(nested), &p)
	require.Error(t, err, "unknown fields inside the calendars are refused too")
	assert.Contains(t, err.Error(), "tz")
}

func TestValidateReportsEverything(t *testing.T) {
	p := sla.Preset("Europe/Nowhere", "XX")
	p.Availability = sla.MustRatio("0%")
	p.RTO = 0
	p.Support.Hours.Mon = []string{"8:00-18:00"}
	err := p.Validate()
	require.Error(t, err)
	for _, field := range []string{"support.time_zone", "maintenance.time_zone", "availability", "rto"} {
		assert.Contains(t, "\n"+err.Error(), "\n"+field+" ", "the error names %s", field)
	}
	var fe *sla.FieldError
	assert.True(t, errors.As(err, &fe))
	assert.NotContains(t, err.Error(), "sla:", "no package prefix: the path says where")
}

func TestRatio(t *testing.T) {
	for _, ok := range []string{"99.9%", "0.999", "100%", "1", "0.75", "75%", " 99.95 % "} {
		var r sla.Ratio
		assert.NoError(t, r.UnmarshalText([]byte(ok)), ok)
	}
	for _, bad := range []string{"", "%", "101%", "1.5", "-1%", "abc", "1e-3", "NaN", "Inf"} {
		var r sla.Ratio
		assert.Error(t, r.UnmarshalText([]byte(bad)), bad)
	}
	assert.True(t, sla.MustRatio("99.9%").Equal(sla.MustRatio("0.999")))
}

func TestDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{24 * time.Hour: "24h", 30 * time.Minute: "30m",
		90 * time.Minute: "1h30m", 90 * time.Second: "1m30s", 0: "0s", -18*time.Minute - 36*time.Second: "-18m36s"} {
		assert.Equal(t, want, sla.Duration(d).String())
		var back sla.Duration
		require.NoError(t, back.UnmarshalText([]byte(want)))
		assert.Equal(t, sla.Duration(d), back)
	}
}

func TestEffectiveDating(t *testing.T) {
	old := sla.Preset("Europe/Paris", "FR")
	old.Name = "2025 terms"
	tighter := sla.Preset("Europe/Paris", "FR")
	tighter.Name = "2026 terms"
	tighter.Severities[3] = tighter.Severities[1] // sev3 now as strict as sev1
	switchAt := at(2026, 6, 15, 0, 0)
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{From: switchAt, Policy: tighter}, {Policy: old}}})
	require.NoError(t, err)
	before, err := e.Evaluate(sla.Ticket{ID: "A", Received: at(2026, 6, 12, 16, 0), Severity: 3}, at(2026, 6, 20, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, "2025 terms", before.Policy, "received before the change: the old policy")
	assert.True(t, before.Targets[0].Due.Equal(at(2026, 6, 15, 10, 0)), "4h business from Friday 16:00")
	after, err := e.Evaluate(sla.Ticket{ID: "B", Received: at(2026, 6, 19, 16, 0), Severity: 3}, at(2026, 6, 20, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, "2026 terms", after.Policy)
	assert.True(t, after.Targets[0].Due.Equal(at(2026, 6, 19, 17, 0)))

	_, err = e.Evaluate(sla.Ticket{ID: "C", Received: time.Date(1999, 1, 1, 0, 0, 0, 0, paris), Severity: 3}, at(2026, 1, 1, 0, 0))
	assert.NoError(t, err, "the policy without a date holds since always")
}

func TestContractLocalizes(t *testing.T) {
	e, err := sla.New(sla.Contract{Customer: "Globex", TimeZone: "America/New_York", Holidays: []string{"US"},
		Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	require.NoError(t, err)
	ny := mustLoc("America/New_York")
	p, err := e.PolicyAt(time.Date(2026, 7, 3, 0, 0, 0, 0, ny))
	require.NoError(t, err)
	assert.Equal(t, "America/New_York", p.Support.TimeZone)
	st, err := e.Evaluate(sla.Ticket{ID: "J", Received: time.Date(2026, 7, 2, 16, 0, 0, 0, ny), Severity: 3}, time.Date(2026, 7, 2, 16, 0, 0, 0, ny))
	require.NoError(t, err)
	assert.True(t, st.Targets[0].Due.Equal(time.Date(2026, 7, 6, 10, 0, 0, 0, ny)), "3 July is the observed Independence Day: due %v", st.Targets[0].Due)
}

func FuzzPolicyJSON(f *testing.F) {
	good, _ := json.Marshal(sla.Preset("Europe/Paris", "FR"))
	f.Add(good)
	f.Add([]byte(`{"version":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p sla.Policy
		if json.Unmarshal(data, &p) != nil {
			return
		}
		if p.Validate() != nil {
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("valid policy does not marshal: %v", err)
		}
		var back sla.Policy
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("re-decoding %s: %v", out, err)
		}
		if again, _ := json.Marshal(back); string(again) != string(out) {
			t.Fatalf("round trip changed the policy:\n%s\n%s", out, again)
		}
	})
}

func FuzzTicketJSON(f *testing.F) {
	f.Add([]byte(`{"id":"T","contact":"ann@acme.example","received":"2026-06-01T09:00:00+02:00","severity":"sev3","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"waiting"},{"at":"2026-06-03T10:00:00+02:00","kind":"resumed"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var tk sla.Ticket
		if json.Unmarshal(data, &tk) != nil {
			return
		}
		_, _ = props.Evaluate(tk, tk.Received.Add(100*time.Hour))
	})
}

func TestContractJSONStrict(t *testing.T) {
	var c sla.Contract
	err := json.Unmarshal([]byte(`{"customer":"A","contact":["x"],"policies":[]}`), &c)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `contact`)
	err = json.Unmarshal([]byte(`{"customer":"A","policies":[{"since":"2026-01-01T00:00:00Z"}]}`), &c)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `since`)
	good, err := json.Marshal(sla.Contract{Customer: "A", Contacts: []string{"x"}, Policies: []sla.Dated{{Policy: sla.Preset("UTC", "")}}})
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(good, &c))
	_, err = sla.New(c)
	assert.NoError(t, err)
}

// checkChangeRuleText: every ChangeRule that marshals reads back as itself,
// and one that does not is not valid.
func checkChangeRuleText(t *rapid.T) {
	r := sla.ChangeRule(rapid.IntRange(0, 255).Draw(t, "rule"))
	text, err := r.MarshalText()
	if !r.IsValid() {
		if err == nil {
			t.Fatalf("%v marshals as %q", r, text)
		}
		if want := fmt.Sprintf("%%!ChangeRule(%d)", uint8(r)); r.String() != want {
			t.Fatalf("String() = %q, want %q", r.String(), want)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	var back sla.ChangeRule
	if err := back.UnmarshalText(text); err != nil || back != r {
		t.Fatalf("%q read back as %v, %v", text, back, err)
	}
}

func TestChangeRuleText(t *testing.T) { rapid.Check(t, checkChangeRuleText) }
func FuzzChangeRuleText(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkChangeRuleText)) }

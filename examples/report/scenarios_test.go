package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/slakit/slakit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScenarios runs the tool on the cases a user meets with their own data
// and compares its exit status, output and errors with
// testdata/scenarios/NAME.golden.
func TestScenarios(t *testing.T) {
	c := sampleFile("contract.json")
	scenario := func(name string) string { return filepath.Join("testdata", "scenarios", name) }
	for _, tc := range []struct {
		name string
		args []string
	}{
		// The contract alone: every input not supplied, no verdict, no credit.
		{"contract-only", append([]string{"-contract", c}, june...)},
		{"contract-only-json", append([]string{"-contract", c, "-format", "json"}, june...)},
		// Monitoring missed 14 June: 10 minutes down, 24 hours unknown. Met if
		// the day was up, missed if it was down: unknown, and so is the credit.
		{"coverage-gap", append([]string{"-contract", c, "-outages", scenario("coverage-gap.json")}, june...)},
		// A 20-minute gap fits in the budget even counted as down: met.
		{"coverage-small-gap", append([]string{"-contract", c, "-outages", scenario("coverage-small-gap.json")}, june...)},
		// Tickets only: availability, RTO and RPO had no data.
		{"no-outages", append([]string{"-contract", c, "-tickets", sampleFile("tickets.json")}, june...)},
		{"no-outages-json", append([]string{"-contract", c, "-tickets", sampleFile("tickets.json"), "-format", "json"}, june...)},
		// Incidents only: the RTO of each, nothing else known.
		{"only-incidents", append([]string{"-contract", c, "-incidents", sampleFile("incidents.json")}, june...)},
		// One ticket twice: refused, naming the ID and both records.
		{"duplicate-ids", append([]string{"-contract", c, "-tickets", scenario("duplicate-ids.json")}, june...)},
		// Received 30 June 23:30, its 1h response due 1 July 00:30 and given at
		// 01:10: missed in July, the month it was decided in (I14).
		{"previous-month", []string{"-contract", c, "-tickets", scenario("previous-month.json"), "-month", "2026-07", "-now", "2026-08-01T00:00:00+02:00"}},
		{"previous-month-june", []string{"-contract", c, "-tickets", scenario("previous-month.json"), "-month", "2026-06", "-now", "2026-08-01T00:00:00+02:00"}},
		// The sample month misses its availability objective.
		{"fail-on-miss", []string{"-fail-on-miss"}},
		// Every target met: status 0 with -fail-on-miss.
		{"fail-on-miss-met", append([]string{"-contract", c, "-tickets", scenario("previous-month.json"), "-fail-on-miss"}, "-month", "2026-06", "-now", "2026-06-30T23:45:00+02:00")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runTool(t, tc.args...)
			golden.Check(t, filepath.Join("scenarios", tc.name+".golden"),
				[]byte(fmt.Sprintf("exit %d\n--- stdout\n%s--- stderr\n%s", code, out, errs)))
		})
	}
}

// TestNothingSupplied: with the contract alone the report never says met: it
// names each input not supplied, in text and in the JSON fields, and owes no
// credit it cannot know.
func TestNothingSupplied(t *testing.T) {
	args := append([]string{"-contract", sampleFile("contract.json")}, june...)
	code, text, errs := runTool(t, args...)
	require.Equal(t, 0, code, errs)
	assert.NotContains(t, text, "met")
	for _, want := range []string{"Availability: not supplied", "RTO: not supplied", "RPO: not supplied", "Tickets: not supplied", "Service credit: unknown"} {
		assert.Contains(t, text, want)
	}
	code, out, errs := runTool(t, append(args, "-format", "json")...)
	require.Equal(t, 0, code, errs)
	var r struct {
		Inputs       map[string]struct{ Supplied bool } `json:"inputs"`
		Availability any                                `json:"availability"`
		Credit       string                             `json:"credit"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	for _, in := range []string{"tickets", "outages", "coverage", "incidents", "recovery_points"} {
		s, ok := r.Inputs[in]
		assert.True(t, ok, in)
		assert.False(t, s.Supplied, in)
	}
	assert.Nil(t, r.Availability)
	assert.Equal(t, "unknown", r.Credit)
	// -fail-on-miss: nothing is missed either
	code, _, _ = runTool(t, append(args, "-fail-on-miss")...)
	assert.Equal(t, 0, code)
}

// TestCoverageGap: a day without monitoring makes the verdict unknown, as
// the text and the JSON say; 20 minutes within the budget leave it met.
func TestCoverageGap(t *testing.T) {
	for file, verdict := range map[string]string{"coverage-gap.json": "unknown", "coverage-small-gap.json": "met"} {
		args := append([]string{"-contract", sampleFile("contract.json"), "-outages", filepath.Join("testdata", "scenarios", file), "-format", "json"}, june...)
		code, out, errs := runTool(t, args...)
		require.Equal(t, 0, code, errs)
		var r struct {
			Availability struct {
				Verdict string `json:"verdict"`
				Unknown string `json:"unknown"`
			} `json:"availability"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &r))
		assert.Equal(t, verdict, r.Availability.Verdict, file)
		assert.NotEqual(t, "0s", r.Availability.Unknown, file)
	}
}

// TestPreviousMonthTicket: a ticket received 30 June whose response came due
// and was missed on 1 July counts in July, once, and not in June (I14).
func TestPreviousMonthTicket(t *testing.T) {
	missed := func(month string) map[string]int {
		args := []string{"-contract", sampleFile("contract.json"), "-tickets", filepath.Join("testdata", "scenarios", "previous-month.json"),
			"-month", month, "-now", "2026-08-01T00:00:00+02:00", "-format", "json"}
		code, out, errs := runTool(t, args...)
		require.Equal(t, 0, code, errs)
		var r struct {
			Tickets struct {
				Breaches []struct{ Ticket, Target string }
			}
		}
		require.NoError(t, json.Unmarshal([]byte(out), &r))
		n := map[string]int{}
		for _, b := range r.Tickets.Breaches {
			n[b.Ticket+" "+b.Target]++
		}
		return n
	}
	assert.Equal(t, 1, missed("2026-07")["ACME-301 response"])
	assert.Empty(t, missed("2026-06"))
}

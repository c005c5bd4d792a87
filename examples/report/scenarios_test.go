package main

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/slakit/slakit/internal/golden"
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

package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBadFlags(t *testing.T) {
	c := sampleFile("contract.json")
	for _, tc := range []struct {
		name string
		args []string
		want string // the whole of standard error
	}{
		{"month with a sign", []string{"-month", "+026-06"}, `report: -month "+026-06": want a month as YYYY-MM, such as 2026-06`},
		{"month 13", []string{"-month", "2026-13"}, `report: -month "2026-13": want a month as YYYY-MM, such as 2026-06`},
		{"month of five digits", []string{"-month", "20260-06"}, `report: -month "20260-06": want a month as YYYY-MM, such as 2026-06`},
		{"now not RFC 3339", []string{"-now", "yesterday"}, `report: -now "yesterday": want an RFC 3339 instant such as 2026-07-01T00:00:00+02:00`},
		{"now before the month", []string{"-contract", c, "-month", "2026-06", "-now", "2026-05-31T23:00:00+02:00"},
			`report: -now 2026-05-31T23:00:00+02:00: before the month 2026-06 starts (2026-06-01T00:00:00+02:00 in Europe/Paris)`},
		{"now at the month's first instant", []string{"-month", "2026-06", "-now", "2026-05-31T22:00:00Z"},
			`report: -now 2026-05-31T22:00:00Z: before the month 2026-06 starts (2026-06-01T00:00:00+02:00 in Europe/Paris)`},
		{"default month after now", []string{"-contract", c, "-now", "2026-06-01T00:00:00+02:00", "-month", "2026-07"},
			`report: -now 2026-06-01T00:00:00+02:00: before the month 2026-07 starts (2026-07-01T00:00:00+02:00 in Europe/Paris)`},
		{"year 0", []string{"-month", "0000-06", "-now", "0000-07-01T00:00:00Z"}, `report: -month 0000-06, -now 0000-07-01T00:00:00Z: year "0": invalid month: want 1 to 9999`},
		{"past year 9999", []string{"-month", "9999-12"}, `report: -month 9999-12: month "9999-12": invalid month: want a month that ends by year 9999`},
		{"unknown format", []string{"-format", "pdf"}, `report: -format "pdf": want text, json, html, status, openslo or prometheus`},
		{"files without a contract", []string{"-tickets", "t.json"}, `report: -contract is required with your own files`},
		{"events without CSV tickets", []string{"-contract", c, "-tickets", "t.json", "-events", "e.csv"},
			`report: -events goes with a CSV -tickets file (a name ending in .csv)`},
		{"events alone", []string{"-contract", c, "-events", "e.csv"}, `report: -events goes with a CSV -tickets file (a name ending in .csv)`},
		{"export without an SLI", []string{"-format", "prometheus"}, `report: -format prometheus needs -sli, the PromQL error ratio over {{.window}}`},
		{"SLI without export", []string{"-sli", "x[{{.window}}]"}, `report: -sli is for -format openslo or prometheus`},
		{"SLI without a window", []string{"-format", "openslo", "-sli", "rate(x[5m])"},
			`report: -sli: sli "rate(x[5m])": invalid value: want {{.window}} where the window goes, as in rate(errors_total[{{.window}}])`},
		{"export with data files", []string{"-format", "openslo", "-sli", "x[{{.window}}]", "-contract", c, "-tickets", "t.json", "-points", "p.txt"},
			`report: -format openslo exports the contract alone: drop -tickets, -points`},
		{"argument", []string{"-month", "2026-06", "contract.json"}, `report: unexpected argument "contract.json" (every input is a flag)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runTool(t, tc.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Equal(t, tc.want+"\n", errs)
		})
	}
	code, _, errs := runTool(t, "-fail-on-miss=maybe")
	assert.Equal(t, 2, code)
	assert.True(t, strings.HasPrefix(errs, `invalid boolean value "maybe" for -fail-on-miss`), errs)
}

// TestDefaultMonth: with your own files the report describes the current time
// (the test's clock: 15 July 2026) and the last full month before it.
func TestDefaultMonth(t *testing.T) {
	c := sampleFile("contract.json")
	for _, tc := range []struct {
		name string
		args []string
		head string // the report's first line
	}{
		{"sample: June 2026, complete", nil, "SLA report — Acme Logistics — 2026-06"},
		{"sample, another month", []string{"-month", "2026-05"}, "SLA report — Acme Logistics — 2026-05"},
		{"own files: last month, as of now", []string{"-contract", c}, "SLA report — Acme Logistics — 2026-06"},
		{"own files, -now in August", []string{"-contract", c, "-now", "2026-08-02T09:00:00+02:00"}, "SLA report — Acme Logistics — 2026-07"},
		{"own files, -now on the first instant of a month", []string{"-contract", c, "-now", "2026-08-01T00:00:00+02:00"}, "SLA report — Acme Logistics — 2026-07"},
		// 31 July 22:30 UTC is already August in Paris: July is complete
		{"own files, -now in UTC", []string{"-contract", c, "-now", "2026-07-31T22:30:00Z"}, "SLA report — Acme Logistics — 2026-07"},
		{"own files, this month so far", []string{"-contract", c, "-month", "2026-07"},
			"SLA report — Acme Logistics — 2026-07 (partial, up to 2026-07-15T12:30:00+02:00)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := runTool(t, tc.args...)
			assert.Equal(t, 0, code, errs)
			head, _, _ := strings.Cut(out, "\n")
			assert.Equal(t, tc.head, head)
		})
	}
}

package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/slakit/slakit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCSVEqualsJSON: the sample's tickets as CSV (testdata/sample-csv) give
// the report the JSON gives, in every format.
func TestCSVEqualsJSON(t *testing.T) {
	common := append([]string{"-contract", sampleFile("contract.json"), "-outages", sampleFile("outages.json"),
		"-incidents", sampleFile("incidents.json"), "-points", sampleFile("points.txt")}, june...)
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			code, fromJSON, errs := runTool(t, append(common, "-format", format, "-tickets", sampleFile("tickets.json"))...)
			require.Equal(t, 0, code, errs)
			code, fromCSV, errs := runTool(t, append(common, "-format", format,
				"-tickets", filepath.Join("testdata", "sample-csv", "tickets.csv"), "-events", filepath.Join("testdata", "sample-csv", "events.csv"))...)
			require.Equal(t, 0, code, errs)
			assert.Equal(t, fromJSON, fromCSV)
			golden.Check(t, "csv."+format, []byte(fromCSV))
		})
	}
}

func TestCSVErrors(t *testing.T) {
	const header = "id,contact,received,severity\n"
	const ok = header + "T-1,,2026-06-01T09:00:00+02:00,sev3\nT-2,ann@acme.example,2026-06-02T09:00:00+02:00,sev2\n"
	for _, tc := range []struct {
		name, tickets, events string
		want                  string // standard error, with TICKETS and EVENTS for the files' paths
	}{
		{"empty file", "", "", "TICKETS: line 1: bad header row: want a header row with id, received, severity"},
		{"unknown column", "id,received,severity,priority\n", "", `TICKETS: line 1: bad header row: column 4 "priority": unknown: want one of id, contact, received, severity`},
		{"column twice", "id,received,severity,id\n", "", `TICKETS: line 1: bad header row: column 4 "id": written twice`},
		{"no severity column", "id,received\n", "", `TICKETS: line 1: bad header row: no column "severity": want id, received, severity`},
		{"bad time", header + "T-1,,yesterday,sev3\n", "", `TICKETS: line 2: received "yesterday": invalid syntax: want an RFC 3339 instant such as "2026-06-10T09:00:00Z"`},
		{"bad severity", header + "T-1,,2026-06-01T09:00:00+02:00,urgent\n", "", `TICKETS: line 2: severity "urgent": invalid syntax: want a level such as "1", "sev1", "S1" or "severity 1"`},
		{"duplicate ID", ok + "T-1,,2026-06-03T09:00:00+02:00,sev4\n", "", `TICKETS: line 4: id "T-1": duplicate: the same ID as line 2`},
		{"ragged row", header + "T-1,2026-06-01T09:00:00+02:00,sev3\n", "", `TICKETS: line 2, column 1: wrong number of fields`},
		{"unclosed quote", header + "\"T-1,,2026-06-01T09:00:00+02:00,sev3\n", "", `TICKETS: line 2, column 38: extraneous or missing " in quoted-field`},
		{"not UTF-8", header + "T-\xff,,2026-06-01T09:00:00+02:00,sev3\n", "", `TICKETS: line 2: id "T-\xff": invalid syntax: want UTF-8 text`},
		{"event of an unknown ticket", ok, "ticket,at,kind\nT-9,2026-06-01T10:00:00+02:00,responded\n", `EVENTS: line 2: ticket "T-9": invalid value: want the id of a ticket of TICKETS`},
		{"event without a ticket", ok, "ticket,at,kind\n,2026-06-01T10:00:00+02:00,responded\n", `EVENTS: line 2: ticket: missing: want the id of a ticket of TICKETS`},
		{"unknown kind", ok, "ticket,at,kind\nT-1,2026-06-01T10:00:00+02:00,answered\n",
			`EVENTS: line 2: kind "answered": invalid value: want one of "resumed", "severity", "responded", "workaround", "fixed", "reopened", "waiting", "not-a-defect", "excluded", "waived", "customer-replied"`},
		{"impossible timeline", ok, "ticket,at,kind\nT-2,2026-06-02T10:00:00+02:00,resumed\n",
			`TICKETS with EVENTS: tickets[1].events[0] "resumed at 2026-06-02T10:00:00+02:00": impossible timeline: resumed without a pause: want "waiting" before it (TICKETS line 3, EVENTS line 2)`},
		{"two problems", ok, "ticket,at,kind\nT-1,2026-06-01T10:00:00+02:00,responded\nT-2,2026-06-02T10:00:00+02:00,resumed\nT-1,2026-06-01T08:00:00+02:00,fixed\n",
			`TICKETS with EVENTS: tickets[0].events[1].at "2026-06-01T08:00:00+02:00": impossible timeline: before the ticket was received at 2026-06-01T09:00:00+02:00: want an instant at or after it (TICKETS line 2, EVENTS line 4)` + "\n" +
				`tickets[1].events[0] "resumed at 2026-06-02T10:00:00+02:00": impossible timeline: resumed without a pause: want "waiting" before it (TICKETS line 3, EVENTS line 3)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tickets := write(t, "tickets.csv", tc.tickets)
			args := append([]string{"-contract", sampleFile("contract.json"), "-tickets", tickets}, june...)
			events := "EVENTS"
			if tc.events != "" {
				events = write(t, "events.csv", tc.events)
				args = append(args, "-events", events)
			}
			code, out, errs := runTool(t, args...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			want := strings.NewReplacer("TICKETS", tickets, "EVENTS", events).Replace(tc.want)
			assert.Equal(t, "report: "+want+"\n", errs)
		})
	}
}

// TestCSVHeaderOnly: a tickets file with its header alone is supplied and
// empty, as the JSON "[]" is.
func TestCSVHeaderOnly(t *testing.T) {
	args := append([]string{"-contract", sampleFile("contract.json"), "-format", "json"}, june...)
	code, want, errs := runTool(t, append(args, "-tickets", write(t, "t.json", "[]"))...)
	require.Equal(t, 0, code, errs)
	code, got, errs := runTool(t, append(args, "-tickets", write(t, "t.csv", "id,received,severity\n"))...)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, want, got)
}

// TestCSVOptionalColumns: columns in any order, a byte-order mark, no events
// file, CRLF line ends, an upper-case extension: read as the same JSON.
func TestCSVOptionalColumns(t *testing.T) {
	fromCSV := write(t, "t.CSV", "\uFEFFseverity,received,contact,id\r\nsev3,2026-06-01T09:00:00+02:00,ana.ruiz@acme-logistics.example,T-1\r\n"+
		"S2,2026-06-03T09:00:00+02:00,,T-2\r\n")
	fromJSON := write(t, "t.json", `[{"id":"T-1","received":"2026-06-01T09:00:00+02:00","contact":"ana.ruiz@acme-logistics.example","severity":"sev3"},
		{"id":"T-2","received":"2026-06-03T09:00:00+02:00","severity":"sev2"}]`)
	args := append([]string{"-contract", sampleFile("contract.json"), "-format", "json"}, june...)
	code, want, errs := runTool(t, append(args, "-tickets", fromJSON)...)
	require.Equal(t, 0, code, errs)
	code, got, errs := runTool(t, append(args, "-tickets", fromCSV)...)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, want, got)
	assert.Contains(t, got, `"missed": 1`, "the sev3 ticket was never answered")
}

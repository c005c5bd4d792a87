package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clock is the current time of every test.
func clock() time.Time { return time.Date(2026, 7, 15, 10, 30, 0, 0, time.UTC) }

func runTool(args ...string) (int, string, string) {
	var out, errs bytes.Buffer
	code := run(args, &out, &errs, clock)
	return code, out.String(), errs.String()
}

// contract is the report tool's sample contract: Europe/Paris, French holidays.
var contract = filepath.Join("..", "internal", "sample", "contract.json")

func TestDue(t *testing.T) {
	for name, args := range map[string][]string{
		"e4.txt":       nil,
		"sev1-dst.txt": {"-severity", "S1", "-received", "2026-10-24T23:30:00+02:00"},
		"sev4-ny.txt":  {"-severity", "severity 4", "-received", "2028-02-29T10:00:00-05:00", "-zone", "America/New_York", "-country", "US"},
		// a new ticket under a contract, looked at later
		"contract-new.txt": {"-contract", contract, "-severity", "2", "-received", "2026-06-12T17:30:00+02:00", "-now", "2026-06-12T19:00:00+02:00",
			"-contact", "Ana.Ruiz@acme-logistics.example"},
		// a new ticket from someone not designated
		"contract-not-covered.txt": {"-contract", contract, "-severity", "4", "-received", "2026-06-12T17:30:00+02:00"},
		// a ticket file: a wait, a reopening
		"ticket.txt": {"-contract", contract, "-ticket", filepath.Join("testdata", "ticket.json"), "-now", "2026-06-24T12:00:00+02:00"},
		// the same ticket before its reopening: the events after -now have not
		// happened yet, and the first cycle's targets are all there
		"ticket-midway.txt": {"-contract", contract, "-ticket", filepath.Join("testdata", "ticket.json"), "-now", "2026-06-10T12:00:00+02:00"},
		// several tickets: a severity change, a contact not designated; the
		// current time by default
		"tickets.txt": {"-contract", contract, "-ticket", filepath.Join("testdata", "tickets.json")},
		// reply and update targets, warning points, the instant to look again
		"replies.txt": {"-contract", filepath.Join("testdata", "contract-replies.json"), "-ticket", filepath.Join("testdata", "ticket-replies.json"),
			"-now", "2026-06-16T12:00:00+02:00"},
		// a ticket file under the preset policy
		"ticket-preset.txt": {"-ticket", filepath.Join("testdata", "ticket.json"), "-zone", "America/New_York", "-country", "US", "-now", "2026-06-24T12:00:00-04:00"},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errs := runTool(args...)
			require.Equal(t, 0, code, errs)
			golden.Check(t, name, []byte(out))
		})
	}
}

func TestDueBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-severity", "9"}, `due: -severity: "9": out of range: want a level from 1 to 4`},
		{[]string{"-received", "yesterday"}, `due: -received "yesterday": want an RFC 3339 instant such as 2026-03-27T16:00:00+01:00`},
		{[]string{"-now", "soon"}, `due: -now "soon": want an RFC 3339 instant such as 2026-03-30T09:00:00+02:00`},
		{[]string{"-zone", "Mars/Olympus"}, `due: -zone "Mars/Olympus": want an IANA time zone such as Europe/Paris`},
		{[]string{"-zone", ""}, `due: -zone "": want an IANA time zone such as Europe/Paris`},
		{[]string{"-country", "XX"}, `due: -country "XX": want a holiday code such as FR, US or DE-BY, or "" for none`},
		{[]string{"-contract", contract, "-zone", "UTC"}, `due: -zone and -country set the preset policy: the contract has its own`},
		{[]string{"-ticket", "t.json", "-severity", "2"}, `due: -severity, -received and -contact describe a new ticket: the ticket file has its own`},
		{[]string{"-severity", "2", "extra"}, `due: unexpected argument "extra" (every input is a flag)`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errs := runTool(tc.args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.Equal(t, tc.want+"\n", errs)
		})
	}
}

func TestDueBadFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(data), 0o644))
		return p
	}
	for _, tc := range []struct {
		name, file, data string
		want             string // with FILE for the path
	}{
		{"unknown kind", "t.json", `{"id":"A","received":"2026-06-01T09:00:00+02:00","severity":"sev3","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"waitin"}]}`,
			`FILE: events[0].kind "waitin": invalid value: want one of "resumed", "severity", "responded", "workaround", "fixed", "reopened", "waiting", "not-a-defect", "excluded", "waived", "customer-replied"`},
		{"key twice", "t.json", `{"id":"A","id":"B"}`, `FILE: id: duplicate: key written twice in one object`},
		{"second ticket impossible", "t.json", `[{"id":"A","received":"2026-06-01T09:00:00+02:00","severity":"sev3"},
			{"id":"B","received":"2026-06-01T09:00:00+02:00","severity":"sev3","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"resumed"}]}]`,
			`FILE: tickets[1].events[0] "resumed at 2026-06-01T10:00:00+02:00": impossible timeline: resumed without a pause: want "waiting" before it`},
		{"empty array", "t.json", `[]`, `FILE: tickets "[]": missing: want a ticket or an array of tickets`},
		{"trailing data", "t.json", `{"id":"A"} x`, `FILE: "x": invalid syntax: want nothing after the JSON value (offset 10)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := write(tc.file, tc.data)
			code, out, errs := runTool("-contract", contract, "-ticket", p, "-now", "2026-07-01T00:00:00+02:00")
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.Equal(t, "due: "+strings.ReplaceAll(tc.want, "FILE", p)+"\n", errs)
		})
	}
	code, _, errs := runTool("-contract", filepath.Join(dir, "missing.json"))
	assert.Equal(t, 1, code)
	assert.Equal(t, "due: open "+filepath.Join(dir, "missing.json")+": no such file or directory\n", errs)
}

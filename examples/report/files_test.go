package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// june is the flags of a report of June 2026 as of its end.
var june = []string{"-month", "2026-06", "-now", "2026-07-01T00:00:00+02:00"}

// TestBadFiles: each bad file is refused with status 1, and the message names
// the file and the record's path in it.
func TestBadFiles(t *testing.T) {
	contract, err := os.ReadFile(sampleFile("contract.json"))
	require.NoError(t, err)
	binary := strings.Repeat("\x00\x01\x02\xfe\xff", 20000)                 // one line of 100 000 bytes
	binaryLines := strings.Repeat(strings.Repeat("\x00\xff", 50)+"\n", 100) // lines of 100 bytes
	for _, tc := range []struct {
		name, flag, file, data string
		want                   string // standard error, with FILE for the file's path
	}{
		{"unknown kind", "-tickets", "t.json", `[{"id":"A","received":"2026-06-01T09:00:00+02:00","severity":"sev3"},
			{"id":"B","received":"2026-06-01T09:00:00+02:00","severity":"sev3","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"waitin"}]}]`,
			`FILE: tickets[1].events[0].kind "waitin": invalid value: want one of "resumed", "severity", "responded", "workaround", "fixed", "reopened", "waiting", "not-a-defect", "excluded", "waived", "customer-replied"`},
		{"impossible timeline", "-tickets", "t.json", `[{"id":"A","received":"2026-06-01T09:00:00+02:00","severity":"sev3","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"resumed"}]}]`,
			`FILE: tickets[0].events[0] "resumed at 2026-06-01T10:00:00+02:00": impossible timeline: resumed without a pause: want "waiting" before it`},
		{"duplicate IDs", "-tickets", "t.json", `[{"id":"A","received":"2026-06-01T09:00:00+02:00","severity":"sev3"},
			{"id":"B","received":"2026-06-01T09:00:00+02:00","severity":"sev3"},
			{"id":"A","received":"2026-06-02T09:00:00+02:00","severity":"sev4"}]`,
			`FILE: tickets[2].id "A": duplicate: also tickets[0]`},
		{"tickets not a list", "-tickets", "t.json", `{"id":"A"}`, `FILE: tickets "{\"id\":\"A\"}": invalid value: want a list`},
		{"outage reversed", "-outages", "o.json", `[{"start":"2026-06-02T10:00:00+02:00","end":"2026-06-02T09:00:00+02:00"}]`,
			`FILE: outages[0].end "2026-06-02T09:00:00+02:00": end before start: want at or after start "2026-06-02T10:00:00+02:00"`},
		{"key written twice", "-outages", "o.json", `[{"start":"2026-06-02T10:00:00+02:00","start":"2026-06-02T11:00:00+02:00"}]`,
			`FILE: outages[0].start: duplicate: key written twice in one object`},
		{"trailing data", "-outages", "o.json", `[] []`, `FILE: outages "[]": invalid syntax: want nothing after the JSON value (offset 2)`},
		{"incident reversed", "-incidents", "i.json", `[{"reported":"2026-06-10T09:00:00Z","restored":"2026-06-09T09:00:00Z"}]`,
			`FILE: incidents[0].restored "2026-06-09T11:00:00+02:00": end before start: want an instant at or after reported 2026-06-10T11:00:00+02:00`},
		{"bad point", "-points", "p.txt", "2026-06-01T00:00:00Z\nyesterday\n",
			`FILE: line 2 "yesterday": invalid syntax: want an RFC 3339 instant, optionally followed by the instant it was stored`},
		{"binary points", "-points", "p.txt", binary,
			`FILE: line 1 "\x00\x01\x02\xfe\xff\x00\x01\x02\xfe\xff\x00\x01\x02\xfe\xff\x00\x01\x02\xfe\xff\x00\x01\x02\xfe\xff\x00\x01\x02\xfe\xff\x00\x01\x02\xfe\xff\x00\x01\x02\xfe\xff…": over the limit: want a line of at most 65536 bytes`},
		{"binary lines", "-points", "p.txt", binaryLines,
			`FILE: line 1 "\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff…": invalid syntax: want an RFC 3339 instant, optionally followed by the instant it was stored`},
		{"contract with a key twice", "-contract", "c.json", strings.Replace(string(contract), `"availability": "99.9%",`, `"availability": "99.9%", "availability": "50%",`, 1),
			`FILE: policies[0].policy.availability: duplicate: key written twice in one object`},
		{"contract then garbage", "-contract", "c.json", string(contract) + "\n{\"customer\": \"Evil\"}\n",
			fmt.Sprintf(`FILE: "{\"customer\": \"Evil\"}": invalid syntax: want nothing after the JSON value (offset %d)`, len(bytes.TrimRight(contract, "\n")))},
		{"no file", "-outages", "", "", `open FILE: no such file or directory`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.file
			if tc.data != "" || tc.file != "" {
				path = write(t, tc.file, tc.data)
			}
			if tc.file == "" {
				path = t.TempDir() + "/missing.json"
			}
			args := append([]string{"-contract", sampleFile("contract.json")}, june...)
			args = append(args, tc.flag, path)
			code, out, errs := runTool(t, args...)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			assert.Equal(t, "report: "+strings.ReplaceAll(tc.want, "FILE", path)+"\n", errs)
		})
	}
}

// TestBlame: the file named is the one at fault, whatever the others hold.
func TestBlame(t *testing.T) {
	bad := write(t, "incidents.json", `[{"reported":"2026-06-10T09:00:00Z","restored":"2026-06-09T09:00:00Z"}]`)
	args := append([]string{"-contract", sampleFile("contract.json"), "-tickets", sampleFile("tickets.json"),
		"-outages", sampleFile("outages.json"), "-points", sampleFile("points.txt"), "-incidents", bad}, june...)
	code, _, errs := runTool(t, args...)
	assert.Equal(t, 1, code)
	assert.True(t, strings.HasPrefix(errs, "report: "+bad+": "), errs)
}

// TestEveryFileNamed: problems in two files are each named after theirs.
func TestEveryFileNamed(t *testing.T) {
	tickets := write(t, "t.json", `[{"id":"A","received":"2026-06-01T09:00:00+02:00","severity":"sev3","events":[{"at":"2026-06-01T10:00:00+02:00","kind":"resumed"}]}]`)
	incidents := write(t, "i.json", `[{"reported":"2026-06-10T09:00:00Z","restored":"2026-06-09T09:00:00Z"}]`)
	code, _, errs := runTool(t, append([]string{"-contract", sampleFile("contract.json"), "-tickets", tickets, "-incidents", incidents}, june...)...)
	assert.Equal(t, 1, code)
	assert.Equal(t, "report: "+tickets+`: tickets[0].events[0] "resumed at 2026-06-01T10:00:00+02:00": impossible timeline: resumed without a pause: want "waiting" before it`+"\n"+
		incidents+`: incidents[0].restored "2026-06-09T11:00:00+02:00": end before start: want an instant at or after reported 2026-06-10T11:00:00+02:00`+"\n", errs)
}

func TestTooLarge(t *testing.T) {
	c := write(t, "contract.json", "{"+strings.Repeat(" ", 1<<20)+"}")
	code, _, errs := runTool(t, "-contract", c)
	assert.Equal(t, 1, code)
	assert.Equal(t, "report: "+c+": over the limit: want at most 1 MiB\n", errs)
}

package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRun runs the tool on fuzzed files: whatever they hold, it writes a
// report or refuses the input with status 1 and a message; it never panics,
// never blames the flags, and never writes half a report.
func FuzzRun(f *testing.F) {
	// Small seeds: the fuzzer minimizes every new input, in time that grows
	// with its size. The sample, compacted; three tickets; ten points.
	read := func(name string) []byte {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		if strings.HasSuffix(name, ".json") {
			var c bytes.Buffer
			if err := json.Compact(&c, b); err != nil {
				f.Fatal(err)
			}
			b = c.Bytes()
		}
		return b
	}
	lines := func(b []byte, n int) []byte {
		ls := bytes.SplitAfter(b, []byte("\n"))
		return bytes.Join(ls[:min(n, len(ls))], nil)
	}
	contract, outages, incidents := read(sampleFile("contract.json")), read(sampleFile("outages.json")), read(sampleFile("incidents.json"))
	var all []json.RawMessage
	if err := json.Unmarshal(read(sampleFile("tickets.json")), &all); err != nil {
		f.Fatal(err)
	}
	tickets, err := json.Marshal(all[:3])
	if err != nil {
		f.Fatal(err)
	}
	points := lines(read(sampleFile("points.txt")), 10)
	csvTickets := lines(read(filepath.Join("testdata", "sample-csv", "tickets.csv")), 4)
	csvEvents := lines(read(filepath.Join("testdata", "sample-csv", "events.csv")), 8)
	f.Add(contract, tickets, []byte(nil), outages, incidents, points, uint8(0))
	f.Add(contract, csvTickets, csvEvents, outages, incidents, points, uint8(1+8))
	f.Add(contract, []byte(`[{"id":"A","received":"2026-06-30T23:30:00+02:00","severity":"sev1","events":[{"at":"2026-07-01T00:10:00+02:00","kind":"waiting"},{"at":"2026-07-01T00:10:00+02:00","kind":"resumed"}]}]`),
		[]byte(nil), []byte(`[]`), []byte(`[{"reported":"2026-06-10T09:00:00Z"}]`), []byte("# none\n"), uint8(2))
	f.Add([]byte(`{"policies":[]}`), []byte(`[]`), []byte(nil), []byte(`[]`), []byte(`[]`), []byte(""), uint8(0))
	f.Fuzz(func(t *testing.T, contract, tickets, events, outages, incidents, points []byte, mode uint8) {
		files := map[string][]byte{"contract.json": contract, "outages.json": outages, "incidents.json": incidents, "points.txt": points}
		args := []string{"-contract", "contract.json", "-outages", "outages.json", "-incidents", "incidents.json", "-points", "points.txt",
			"-month", "2026-06", "-now", "2026-07-01T00:00:00Z", "-format", []string{"text", "json", "html", "status"}[mode%4]}
		if mode&8 != 0 {
			files["tickets.csv"], files["events.csv"] = tickets, events
			args = append(args, "-tickets", "tickets.csv", "-events", "events.csv")
		} else {
			files["tickets.json"] = tickets
			args = append(args, "-tickets", "tickets.json")
		}
		sys := env{
			read: func(name string, limit int64) ([]byte, error) {
				b, ok := files[name]
				if !ok {
					return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
				}
				if int64(len(b)) > limit {
					t.Fatalf("%s: %d bytes over the limit", name, len(b))
				}
				return b, nil
			},
			clock: clock,
		}
		var out, errs bytes.Buffer
		code := runEnv(args, &out, &errs, sys)
		switch code {
		case exitOK, exitMissed:
			if out.Len() == 0 {
				t.Fatalf("status %d and no report", code)
			}
			if mode%4 == 1 && !json.Valid(out.Bytes()) {
				t.Fatalf("-format json wrote invalid JSON:\n%s", out.String())
			}
		case exitInput:
			if out.Len() != 0 {
				t.Fatalf("status 1 after writing:\n%s", out.String())
			}
			if !strings.HasPrefix(errs.String(), "report: ") || !strings.HasSuffix(errs.String(), "\n") {
				t.Fatalf("status 1 with message %q", errs.String())
			}
		default:
			t.Fatalf("status %d: %s", code, errs.String())
		}
	})
}

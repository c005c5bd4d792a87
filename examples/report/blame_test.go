package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// sampleFiles are the sample's files by the names the tool is given, the
// tickets both as JSON and as CSV.
func sampleFiles(t interface{ Fatal(...any) }) map[string][]byte {
	files := map[string][]byte{}
	for name, path := range map[string]string{
		"contract.json": sampleFile("contract.json"), "tickets.json": sampleFile("tickets.json"),
		"outages.json": sampleFile("outages.json"), "incidents.json": sampleFile("incidents.json"), "points.txt": sampleFile("points.txt"),
		"tickets.csv": filepath.Join("testdata", "sample-csv", "tickets.csv"), "events.csv": filepath.Join("testdata", "sample-csv", "events.csv"),
	} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = b
	}
	return files
}

// checkBlame: with one data file damaged (a few bytes changed, a line cut
// short or repeated), the tool either still reports or refuses with status 1
// and a message that names the damaged file first (or, for the CSV pair of
// tickets and events, names it). Data files do not depend on one another, so
// no other file can be at fault.
func checkBlame(t *rapid.T) {
	files := sampleFiles(t)
	csv := rapid.Bool().Draw(t, "csv")
	names := []string{"outages.json", "incidents.json", "points.txt"}
	if csv {
		names = append(names, "tickets.csv", "events.csv")
	} else {
		names = append(names, "tickets.json")
	}
	bad := rapid.SampledFrom(names).Draw(t, "damaged")
	b := bytes.Clone(files[bad])
	switch rapid.IntRange(0, 2).Draw(t, "how") {
	case 0: // change a few bytes
		for range rapid.IntRange(1, 4).Draw(t, "bytes") {
			b[rapid.IntRange(0, len(b)-1).Draw(t, "at")] = rapid.SampledFrom([]byte(`0123456789"{}[],:-+TZ .x#`+"\n")).Draw(t, "byte")
		}
	case 1: // cut the file short
		b = b[:rapid.IntRange(0, len(b)-1).Draw(t, "cut")]
	case 2: // repeat a line
		lines := bytes.SplitAfter(b, []byte("\n"))
		i := rapid.IntRange(0, len(lines)-1).Draw(t, "line")
		b = bytes.Join(append(lines[:i+1:i+1], lines[i:]...), nil)
	}
	files[bad] = b
	args := []string{"-contract", "contract.json", "-outages", "outages.json", "-incidents", "incidents.json", "-points", "points.txt",
		"-month", "2026-06", "-now", "2026-07-01T00:00:00+02:00"}
	if csv {
		args = append(args, "-tickets", "tickets.csv", "-events", "events.csv")
	} else {
		args = append(args, "-tickets", "tickets.json")
	}
	sys := env{
		read: func(name string, _ int64) ([]byte, error) {
			if b, ok := files[name]; ok {
				return b, nil
			}
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
		},
		clock: clock,
	}
	var out, errs bytes.Buffer
	switch code := runEnv(args, &out, &errs, sys); code {
	case exitOK, exitMissed:
	case exitInput:
		// A CSV pair is one input: a damaged ID in tickets.csv shows as an
		// event of events.csv for a ticket not in tickets.csv, naming both.
		msg := errs.String()
		named := strings.HasPrefix(msg, "report: "+bad+": ")
		if csv && strings.HasSuffix(bad, ".csv") {
			named = strings.Contains(msg, bad)
		}
		if !named {
			t.Fatalf("%s damaged, but the message blames another file: %s", bad, msg)
		}
	default:
		t.Fatalf("status %d: %s", code, errs.String())
	}
}

func TestBlameProperty(t *testing.T) { rapid.Check(t, checkBlame) }
func FuzzBlame(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(checkBlame)) }

package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestNewConfig(t *testing.T) {
	clock := time.Date(2026, 11, 2, 10, 11, 12, 500, time.UTC)
	c, err := newConfig("data/*.jsonl", "contracts.json", "out/", "", 10, 2, clock)
	if err != nil {
		t.Fatal(err)
	}
	if want := clock.Truncate(time.Second); !c.Now.Equal(want) || c.Input != "data/*.jsonl" || c.Output != "out/" || c.Batch != 10 || c.Fanout != 2 || len(c.Contracts) != 1 {
		t.Errorf("config %+v", c)
	}
	c, err = newConfig("data/*.jsonl", "contracts.json", "out/", "2026-08-01T00:00:00+02:00", 1, 1, clock)
	if err != nil || !c.Now.Equal(time.Date(2026, 7, 31, 22, 0, 0, 0, time.UTC)) {
		t.Errorf("-now: %v, %v", c.Now, err)
	}

	_, err = newConfig("", filepath.Join(t.TempDir(), "none.json"), "", "yesterday", 0, 0, clock)
	want := []string{
		"-input is required",
		"-output is required",
		`-now "yesterday": want an RFC 3339 instant such as 2026-08-01T00:00:00Z`,
		"-batch 0: want at least 1",
		"-fanout 0: want at least 1",
	}
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(err.Error(), "\n")
	if !slices.Equal(got[:len(want)], want) || len(got) != len(want)+1 || !strings.HasSuffix(got[len(want)], "none.json: no such file or directory") {
		t.Errorf("got\n%s\nwant\n%s\n…none.json: no such file or directory", err, strings.Join(want, "\n"))
	}
	if _, err := newConfig("a", "", "b", "", 1, 1, clock); err == nil || err.Error() != "-contracts is required" {
		t.Errorf("got %v, want -contracts is required", err)
	}
}

// TestSample runs the command as the README does, on the sample data, and
// checks its reports against Engine.Month.
func TestSample(t *testing.T) {
	out := t.TempDir()
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for name, value := range map[string]string{"input": "data/*.jsonl", "contracts": "contracts.json",
		"output": out, "now": now.Format(time.RFC3339), "batch": "512", "fanout": "1"} {
		if err := flag.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	var w bytes.Buffer
	if err := launch(context.Background(), &w); err != nil {
		t.Fatal(err)
	}
	n := checkReports(t, "contracts.json", "data/*.jsonl", out, now)
	if want := fmt.Sprintf("48 tickets, %d reports in %s\n", n, out); w.String() != want {
		t.Errorf("printed %q, want %q", w.String(), want)
	}
}

func TestSummarizeSubmitted(t *testing.T) {
	var w bytes.Buffer
	if err := summarize(&w, nil, "gs://bucket/reports/"); err != nil || w.String() != "submitted: the reports go to gs://bucket/reports/\n" {
		t.Errorf("printed %q, %v", w.String(), err)
	}
}

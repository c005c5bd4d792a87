// Command report prints the monthly SLA report of a contract: availability,
// RTO and RPO, and ticket compliance per severity and target.
//
// With no flags it reports June 2026 for the built-in sample customer:
//
//	go run ./examples/report
//	go run ./examples/report -format html > report.html
//	go run ./examples/report -format status > status.html
//
// Point it at your own files with -contract, -tickets, -outages, -incidents and
// -points (any of them; the others stay empty), choose the month with -month
// and the instant the report describes with -now (by default the month's end).
package main

import (
	"embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/slakit/slakit/sla"
	"github.com/slakit/slakit/sla/page"
)

//go:embed sample
var sample embed.FS

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("report", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var (
		contract  = fl.String("contract", "", "contract JSON file (default: the built-in sample)")
		tickets   = fl.String("tickets", "", "tickets JSON file: an array of tickets")
		outages   = fl.String("outages", "", "outages JSON file: an array of outages")
		incidents = fl.String("incidents", "", "incidents JSON file: an array of {started, reported, restored}")
		points    = fl.String("points", "", "recovery points: one RFC 3339 instant a line, optionally a second (when stored)")
		month     = fl.String("month", "2026-06", "the month to report, YYYY-MM")
		now       = fl.String("now", "", "RFC 3339 instant the report describes (default: the end of the month)")
		format    = fl.String("format", "text", "output: text, json, html (the month report page) or status (the public status page at -now)")
	)
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if err := report(stdout, inputs{*contract, *tickets, *outages, *incidents, *points}, *month, *now, *format); err != nil {
		fmt.Fprintln(stderr, "report:", err)
		return 1
	}
	return 0
}

// inputs are the file names given; an empty name means the sample's file when
// no file at all is given, and nothing otherwise.
type inputs struct{ contract, tickets, outages, incidents, points string }

func (in inputs) source() (readFile, inputs) {
	if in == (inputs{}) {
		return func(name string) ([]byte, error) { return sample.ReadFile("sample/" + name) },
			inputs{"contract.json", "tickets.json", "outages.json", "incidents.json", "points.txt"}
	}
	return os.ReadFile, in
}

// readFile reads a named input.
type readFile func(name string) ([]byte, error)

func report(w io.Writer, in inputs, month, nowText, format string) error {
	var year, mon int
	if _, err := fmt.Sscanf(month, "%4d-%2d", &year, &mon); err != nil || mon < 1 || mon > 12 || len(month) != 7 {
		return fmt.Errorf("-month %q: want YYYY-MM", month)
	}
	read, in := in.source()
	if in.contract == "" {
		return errors.New("-contract is required with your own files")
	}
	d, err := load(read, in)
	if err != nil {
		return err
	}
	e, err := sla.New(d.contract)
	if err != nil {
		return fmt.Errorf("%s: %w", in.contract, err)
	}
	now, err := reportTime(e, year, time.Month(mon), nowText)
	if err != nil {
		return err
	}
	r, err := e.Month(year, time.Month(mon), d.month, now)
	if err != nil {
		return fmt.Errorf("%s: %w", in.blame(err), err)
	}
	switch format {
	case "text":
		return r.WriteText(w)
	case "json":
		return writeJSON(w, r)
	case "html":
		return page.Month(w, e, r, d.month)
	case "status":
		return page.Status(w, e, d.month, now)
	}
	return fmt.Errorf("-format %q: want text, json, html or status", format)
}

func writeJSON(w io.Writer, r sla.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// reportTime is -now, or the first instant after the month in the customer's zone.
func reportTime(e *sla.Engine, year int, month time.Month, text string) (time.Time, error) {
	if text != "" {
		t, err := time.Parse(time.RFC3339, text)
		if err != nil {
			return time.Time{}, fmt.Errorf("-now %q: want an RFC 3339 instant", text)
		}
		return t, nil
	}
	p, err := e.PolicyAt(time.Date(year, month, 1, 12, 0, 0, 0, time.UTC))
	if err != nil {
		return time.Time{}, err
	}
	loc, err := time.LoadLocation(p.Support.TimeZone)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(year, month+1, 1, 0, 0, 0, 0, loc), nil
}

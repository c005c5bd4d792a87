// Command report prints the monthly SLA report of a contract: availability,
// RTO and RPO, ticket compliance per severity and target, and the service
// credit owed. It also exports the contract's availability objective to SLO
// tools.
//
// With no file it reports June 2026 for the built-in sample customer:
//
//	go run ./examples/report
//	go run ./examples/report -format html > report.html
//	go run ./examples/report -format status > status.html
//
// Point it at your own files with -contract (required then), -tickets (JSON,
// or CSV with -events), -outages, -incidents and -points. Any data file may be
// left out: the report then says that input was not supplied, and derives no
// verdict or credit from it. An outages file is either a JSON array, the
// complete record of the month's outages, or an object that also says where
// monitoring covered the month ({"coverage": "full" or [{"start", "end"}, …],
// "outages": […]}); unmonitored time is unknown. With your own files -now is
// the current time unless given, and -month the last full month before -now.
//
// Files are read strictly: an unknown or repeated key, anything after the
// JSON value, or a bad record is an error naming the file and the record's
// path ("tickets.json: tickets[3].events[0].kind"); problems of CSV tickets
// also give their lines. A contract may hold at most 1 MiB, every other file
// at most 32 MiB.
//
// -format openslo and -format prometheus write the availability objective in
// force at the month's start as an OpenSLO v1 document or a Prometheus rule
// file (JSON, which YAML readers read), for the SLI given with -sli (without
// it, the OpenSLO document refers to an SLI object defined elsewhere):
//
//	go run ./examples/report -format prometheus \
//	  -sli 'sum(rate(http_requests_total{code=~"5.."}[{{.window}}])) / sum(rate(http_requests_total[{{.window}}]))'
//
// Exit status: 0 when the report is written, 1 on bad input files, 2 on bad
// flags, and with -fail-on-miss 3 when the report shows a missed objective
// (availability, an RTO, the RPO or a ticket target; an unknown availability
// is not missed), for scheduled jobs.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // customers' zones must load on hosts without zoneinfo files (scratch containers, Windows); the library leaves that choice to programs

	"github.com/slakit/slakit/examples/internal/input"
	"github.com/slakit/slakit/examples/internal/sample"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now))
}

// env is what the tool takes from the machine: files and the clock.
type env struct {
	read  readFile
	clock func() time.Time
}

// Exit statuses.
const (
	exitOK     = 0
	exitInput  = 1 // a file is missing, too large or wrong
	exitUsage  = 2 // a flag is wrong
	exitMissed = 3 // -fail-on-miss and an objective was missed
)

// usageError is a wrong flag or combination of flags: exit status 2.
type usageError struct{ error }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

// options are the flags, as given.
type options struct {
	in         inputs
	month      string
	now        string
	format     string
	sli        string
	failOnMiss bool
}

// run is main without the process: it returns the exit status. clock gives
// the current time, the default of -now with your own files.
func run(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	return runEnv(args, stdout, stderr, env{read: input.ReadFile, clock: clock})
}

func runEnv(args []string, stdout, stderr io.Writer, sys env) int {
	fl := flag.NewFlagSet("report", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o options
	fl.StringVar(&o.in.contract, "contract", "", "contract JSON file (default: the built-in sample)")
	fl.StringVar(&o.in.tickets, "tickets", "", "tickets: a JSON array, or a CSV file when the name ends in .csv (see -events)")
	fl.StringVar(&o.in.events, "events", "", "ticket events CSV file, with CSV -tickets")
	fl.StringVar(&o.in.outages, "outages", "", "outages JSON file: an array of outages, or {\"coverage\": …, \"outages\": […]}")
	fl.StringVar(&o.in.incidents, "incidents", "", "incidents JSON file: an array of {started, reported, restored}")
	fl.StringVar(&o.in.points, "points", "", "recovery points: one RFC 3339 instant a line, optionally a second (when stored)")
	fl.StringVar(&o.month, "month", "", "the month to report, YYYY-MM (default: 2026-06 for the sample, else the last full month before -now)")
	fl.StringVar(&o.now, "now", "", "RFC 3339 instant the report describes (default: the month's end for the sample, else the current time)")
	fl.StringVar(&o.format, "format", "text", "output: text, json, html (the month report page), status (the public status page at -now), openslo or prometheus")
	fl.StringVar(&o.sli, "sli", "", "with -format prometheus (required) or openslo: PromQL error ratio over {{.window}}")
	fl.BoolVar(&o.failOnMiss, "fail-on-miss", false, "exit with status 3 when an objective is missed")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "report: unexpected argument %q (every input is a flag)\n", fl.Arg(0))
		return exitUsage
	}
	code, err := report(stdout, o, sys)
	if err != nil {
		fmt.Fprintln(stderr, "report:", err)
		if errors.As(err, new(usageError)) {
			return exitUsage
		}
		return exitInput
	}
	if code == exitMissed {
		fmt.Fprintln(stderr, "report: -fail-on-miss: an objective was missed")
	}
	return code
}

// inputs are the file names given.
type inputs struct{ contract, tickets, events, outages, incidents, points string }

// sampleInputs are the files of the built-in sample.
var sampleInputs = inputs{contract: "contract.json", tickets: "tickets.json", outages: "outages.json", incidents: "incidents.json", points: "points.txt"}

func (in inputs) data() []string {
	var out []string
	for _, f := range []struct{ flag, name string }{{"-tickets", in.tickets}, {"-events", in.events},
		{"-outages", in.outages}, {"-incidents", in.incidents}, {"-points", in.points}} {
		if f.name != "" {
			out = append(out, f.flag)
		}
	}
	return out
}

// readFile reads a named input.
type readFile func(name string, limit int64) ([]byte, error)

func readSample(name string, _ int64) ([]byte, error) { return sample.FS.ReadFile(name) }

// checkFlags refuses what no file can make right.
func checkFlags(o options) error {
	export := o.format == "openslo" || o.format == "prometheus"
	switch {
	case !export && o.format != "text" && o.format != "json" && o.format != "html" && o.format != "status":
		return usagef("-format %q: want text, json, html, status, openslo or prometheus", o.format)
	case o.format == "prometheus" && o.sli == "":
		return usagef("-format prometheus needs -sli, the PromQL error ratio over {{.window}}")
	case !export && o.sli != "":
		return usagef("-sli is for -format openslo or prometheus")
	case export && len(o.in.data()) > 0:
		return usagef("-format %s exports the contract alone: drop %s", o.format, strings.Join(o.in.data(), ", "))
	case o.in.events != "" && !isCSV(o.in.tickets):
		return usagef("-events goes with a CSV -tickets file (a name ending in .csv)")
	case o.in != (inputs{}) && o.in.contract == "":
		return usagef("-contract is required with your own files")
	}
	return nil
}

func isCSV(name string) bool { return strings.HasSuffix(strings.ToLower(name), ".csv") }

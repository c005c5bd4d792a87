// Command beam computes the monthly SLA reports of many customers on Apache
// Beam: it reads tickets as JSON Lines, evaluates each with the contract of
// its customer, combines them per customer and month with the library's exact
// merge, and writes one JSON report per customer-month.
//
//	go run . -input 'data/*.jsonl' -contracts contracts.json -output out/ -now 2026-08-01T00:00:00Z
//
// Each line of an input file is one ticket and its customer:
//
//	{"customer":"Acme Logistics","ticket":{"id":"ACME-1","contact":"ana@acme.example",
//	 "received":"2026-06-11T21:00:00+02:00","severity":"sev2","events":[{"at":"…","kind":"responded"}]}}
//
// -contracts is a JSON file holding a list of contracts (or one), or a
// directory of such files. The report of month M of customer C is written to
// OUTPUT/C/M.json (C path-escaped). Lines that cannot be counted (not JSON,
// an unknown customer, an impossible timeline, a ticket ID given on two lines
// for one customer) are listed with the reason in OUTPUT/rejected.txt, and
// make the command fail once the reports are written.
//
// The pipeline runs on the prism runner in-process by default; --runner and
// the runner's flags send it to Flink, Spark or Dataflow (see the README).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	input     = flag.String("input", "", "ticket files, JSON Lines: a file name or a glob such as 'data/*.jsonl' (required)")
	contracts = flag.String("contracts", "", "contracts: a JSON file (a list of contracts, or one) or a directory of them (required)")
	output    = flag.String("output", "", "directory of the reports: OUTPUT/CUSTOMER/YYYY-MM.json (required)")
	now       = flag.String("now", "", "RFC 3339 instant the reports describe (default: the time of launch)")
	batch     = flag.Int("batch", defaultBatch, "tickets a combiner holds before evaluating them together")
	fanout    = flag.Int("fanout", 1, "combiners sharing each customer-month, merged at the end (for hot customer-months)")
)

func main() {
	flag.Parse()
	beam.Init() // on a worker, this runs the worker and never returns
	if err := launch(context.Background(), os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "beam:", err)
		os.Exit(1)
	}
}

// launch checks the flags, reads the contracts, runs the pipeline and prints
// what it counted.
func launch(ctx context.Context, w io.Writer) error {
	c, err := newConfig(*input, *contracts, *output, *now, *batch, *fanout, time.Now())
	if err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	build(s, c)
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return err
	}
	return summarize(w, res, c.Output)
}

// newConfig checks the flags; clock is the default of -now.
func newConfig(input, contracts, output, now string, batch, fanout int, clock time.Time) (config, error) {
	c := config{Input: input, Output: output, Now: clock.Truncate(time.Second), Batch: batch, Fanout: fanout}
	var errs []error
	for _, f := range []struct{ name, value string }{{"-input", input}, {"-contracts", contracts}, {"-output", output}} {
		if f.value == "" {
			errs = append(errs, fmt.Errorf("%s is required", f.name))
		}
	}
	if now != "" {
		t, err := time.Parse(time.RFC3339, now)
		if err != nil {
			errs = append(errs, fmt.Errorf("-now %q: want an RFC 3339 instant such as 2026-08-01T00:00:00Z", now))
		}
		c.Now = t
	}
	if batch < 1 {
		errs = append(errs, fmt.Errorf("-batch %d: want at least 1", batch))
	}
	if fanout < 1 {
		errs = append(errs, fmt.Errorf("-fanout %d: want at least 1", fanout))
	}
	if contracts != "" {
		files, err := readContracts(contracts)
		if err == nil {
			_, err = engines(files) // fail here, not on every worker
		}
		errs = append(errs, err)
		c.Contracts = files
	}
	return c, errors.Join(errs...)
}

// summarize prints the counters of a finished run; rejected lines are an
// error once the reports are written. A run that returns no result (--async,
// --dry_run) has nothing to count yet.
func summarize(w io.Writer, res beam.PipelineResult, dir string) error {
	if res == nil {
		fmt.Fprintf(w, "submitted: the reports go to %s\n", dir)
		return nil
	}
	count := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == "slakit" {
			count[c.Name()] += c.Result()
		}
	}
	fmt.Fprintf(w, "%d tickets, %d reports in %s\n", count["tickets"], count["reports"], dir)
	if n := count["rejected"]; n > 0 {
		return fmt.Errorf("%d lines rejected: see %s", n, rejectedPath(dir))
	}
	return nil
}

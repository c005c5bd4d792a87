package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/slakit/slakit/sla"
)

// defaultBatch is how many tickets an accumulator holds before it evaluates
// them: each evaluation is merged into the partial report, whose merge costs
// about the length of its capped lists (breaches and open targets), so large
// batches keep that cost off each ticket; they also bound the memory of a key
// (about 2 MB of tickets).
const defaultBatch = 2048

var merges = beam.NewCounter("slakit", "merges")

// reportFn combines the tickets of one customer-month into its report. Its
// accumulator is a partial report (the library's sla.Report over the tickets
// evaluated so far) and the tickets not yet evaluated; MergeAccumulators is
// the library's exact sla.Report.Merge, so partial reports computed on any
// workers, in any grouping and order, merge into what Engine.Month computes
// over all the tickets at once.
type reportFn struct {
	Contracts []contractFile
	Now       time.Time
	Batch     int // tickets held before evaluation; defaultBatch when 0

	engines map[string]*sla.Engine
}

// accum is reportFn's accumulator. The zero accum is empty.
type accum struct {
	Customer string       `json:"customer,omitempty"`
	Month    month        `json:"month,omitempty"`
	Report   *sla.Report  `json:"report,omitempty"`  // over the tickets evaluated so far
	Pending  []sla.Ticket `json:"pending,omitempty"` // not yet evaluated
}

func (f *reportFn) Setup() error {
	var err error
	f.engines, err = engines(f.Contracts)
	return err
}

func (f *reportFn) CreateAccumulator() accum { return accum{} }

func (f *reportFn) AddInput(a accum, in entry) (accum, error) {
	switch {
	case a.Customer == "":
		a.Customer, a.Month = in.Customer, in.Month
	case a.Customer != in.Customer || a.Month != in.Month:
		return a, fmt.Errorf("ticket %s of %s/%s added to the report of %s/%s", in.Ticket.ID, in.Customer, in.Month, a.Customer, a.Month)
	}
	a.Pending = append(a.Pending, in.Ticket)
	if len(a.Pending) < f.batch() {
		return a, nil
	}
	return f.flush(a)
}

// MergeAccumulators evaluates what each side holds, then merges the two
// partial reports with sla.Report.Merge.
func (f *reportFn) MergeAccumulators(ctx context.Context, a, b accum) (accum, error) {
	a, err := f.flush(a)
	if err != nil {
		return a, err
	}
	if b, err = f.flush(b); err != nil {
		return b, err
	}
	return mergeAccums(ctx, a, b)
}

// mergeAccums merges two evaluated accumulators with sla.Report.Merge.
func mergeAccums(ctx context.Context, a, b accum) (accum, error) {
	switch {
	case a.Report == nil:
		return b, nil
	case b.Report == nil:
		return a, nil
	}
	merges.Inc(ctx, 1)
	r, err := mergeReports(*a.Report, *b.Report)
	if err != nil {
		return a, err
	}
	a.Report = &r
	return a, nil
}

// Compact evaluates the pending tickets before the accumulator is sent
// between workers: a partial report is smaller than its tickets.
func (f *reportFn) Compact(a accum) (accum, error) { return f.flush(a) }

func (f *reportFn) ExtractOutput(a accum) (sla.Report, error) {
	a, err := f.flush(a)
	if err != nil {
		return sla.Report{}, err
	}
	return a.report()
}

func (a accum) report() (sla.Report, error) {
	if a.Report == nil {
		return sla.Report{}, fmt.Errorf("no ticket for the report of %s/%s", a.Customer, a.Month)
	}
	return *a.Report, nil
}

// mergeFn merges the partial reports of a customer-month's shards (see
// config.Fanout) with sla.Report.Merge.
type mergeFn struct{}

func (mergeFn) CreateAccumulator() accum { return accum{} }

func (mergeFn) AddInput(ctx context.Context, a accum, r sla.Report) (accum, error) {
	return mergeAccums(ctx, a, accum{Report: &r})
}

func (mergeFn) MergeAccumulators(ctx context.Context, a, b accum) (accum, error) {
	return mergeAccums(ctx, a, b)
}

func (mergeFn) ExtractOutput(a accum) (sla.Report, error) { return a.report() }

// flush evaluates the pending tickets into the partial report.
func (f *reportFn) flush(a accum) (accum, error) {
	if len(a.Pending) == 0 {
		return a, nil
	}
	e, ok := f.engines[a.Customer]
	if !ok {
		return a, fmt.Errorf("customer %q: %w", a.Customer, errNoContract)
	}
	r, err := monthReport(e, a.Month, a.Pending, f.Now)
	if err != nil {
		return a, fmt.Errorf("the report of %s/%s: %w", a.Customer, a.Month, err)
	}
	if a.Report != nil {
		if r, err = mergeReports(*a.Report, r); err != nil {
			return a, err
		}
	}
	a.Report, a.Pending = &r, nil
	return a, nil
}

func (f *reportFn) batch() int {
	if f.Batch > 0 {
		return f.Batch
	}
	return defaultBatch
}

// The coders of the values that travel between workers: JSON, in the
// library's own forms (a report round trips exactly).

func encodeAccum(a accum) ([]byte, error) { return json.Marshal(a) }

func decodeAccum(b []byte) (accum, error) {
	var a accum
	err := json.Unmarshal(b, &a)
	return a, err
}

func encodeEntry(e entry) ([]byte, error) { return json.Marshal(e) }

func decodeEntry(b []byte) (entry, error) {
	var e entry
	err := json.Unmarshal(b, &e)
	return e, err
}

func encodeReport(r sla.Report) ([]byte, error) { return json.Marshal(r) }

func decodeReport(b []byte) (sla.Report, error) {
	var r sla.Report
	err := json.Unmarshal(b, &r)
	return r, err
}

package main

import (
	"strings"
	"time"

	"github.com/slakit/slakit/sla"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
)

// config is what the pipeline needs.
type config struct {
	Input     string         // glob of JSON Lines ticket files
	Contracts []contractFile // the contracts, as read at launch
	Output    string         // directory of the reports
	Now       time.Time      // the instant the reports describe
	Batch     int            // tickets a combiner holds before evaluating them
	// Fanout spreads the tickets of each customer-month over this many
	// combiners, whose partial reports a second combine merges: a hot
	// customer-month is then evaluated by many workers even on a runner that
	// does not lift combiners. 1 or less for none.
	Fanout int
}

// build adds the pipeline to s:
//
//	read lines → parse, group by ticket ID → evaluate, key by customer-month → CombinePerKey(reportFn) → one file per report
//	                       ↘ rejected lines (bad, duplicate IDs, impossible timelines) → OUTPUT/rejected.txt
//
// With a fanout, the key also names a shard, and a second CombinePerKey
// (mergeFn) merges the shards' reports. A ticket goes to every month whose
// report may count it; the reports that count nothing are dropped, and the
// others say how many of the customer's tickets they read and ignored (see
// receipts). It returns the reports keyed by customer-month and the rejected
// lines.
func build(s beam.Scope, c config) (reports, rejected beam.PCollection) {
	lines, badLines := uniqueTickets(s, readLines(s, c.Input))
	keyed, receipts, badTickets := beam.ParDo3(s.Scope("Key"), &keyFn{Contracts: c.Contracts, Now: c.Now, Fanout: c.Fanout}, lines)
	rejected = beam.Flatten(s, badLines, badTickets)
	reports = beam.CombinePerKey(s.Scope("Report"), &reportFn{Contracts: c.Contracts, Now: c.Now, Batch: c.Batch}, keyed)
	if c.Fanout > 1 {
		reports = beam.CombinePerKey(s.Scope("MergeShards"), mergeFn{}, beam.ParDo(s, unshard, reports))
	}
	reports = withReceipts(s, beam.ParDo(s, counted, reports), receipts)
	beam.ParDo0(s.Scope("Write"), &writeFn{Dir: c.Output}, reports)
	textio.Write(s.Scope("WriteRejected"), rejectedPath(c.Output), rejected)
	return reports, rejected
}

// rejectedPath is the file listing the lines not counted, with the reason.
func rejectedPath(dir string) string { return strings.TrimSuffix(dir, "/") + "/rejected.txt" }

// unshard keys a shard's report by its customer-month alone.
func unshard(k key, r sla.Report) (key, sla.Report) {
	k.Shard = 0
	return k, r
}

// counted passes on the reports that count a target.
func counted(k key, r sla.Report, emit func(key, sla.Report)) {
	if counts(r) {
		emit(k, r)
	}
}

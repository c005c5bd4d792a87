package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/google/go-cmp/cmp"
	"github.com/slakit/slakit/sla"
)

// TestMain runs the pipelines of the tests on the SDK's local runner (prism,
// in-process; -runner=direct chooses the direct runner).
func TestMain(m *testing.M) { ptest.Main(m) }

// badLines are lines the pipeline must reject, with the reason it gives.
var badLines = []struct{ text, reason string }{
	{`not json`, `invalid syntax: invalid character 'o' in literal null (expecting 'u')`},
	{`{"customer":"Nobody","ticket":{"id":"N-1","contact":"x@y.example","received":"2026-07-01T10:00:00Z","severity":"sev3"}}`,
		`customer "Nobody": no contract: want the customer of a contract given with -contracts`},
	{`{"customer":"Globex","ticket":{"id":"G-1","contact":"x@y.example","received":"2026-07-01T10:00:00Z","severity":"sev3"},"priority":1}`,
		`priority: unknown field: want one of customer, ticket`},
	{`{"customer":"Globex","ticket":{"contact":"x@y.example","received":"2026-07-01T10:00:00Z","severity":"sev3"}}`,
		`ticket.id: missing: want the ticket's identifier`},
	{`{"customer":"Acme Logistics","ticket":{"id":"A-BAD","contact":"ana@acme.example","received":"2026-07-01T10:00:00Z","severity":"sev3","events":[{"at":"2026-07-01T11:00:00Z","kind":"resumed"}]}}`,
		`ticket.events[0] "resumed at 2026-07-01T13:00:00+02:00": impossible timeline: resumed without a pause: want "waiting" before it`},
	{`{"customer":"Initech","ticket":{"id":"I-LATE","contact":"x@y.example","received":"2026-10-21T10:00:00Z","severity":"sev1"}}`,
		``}, // received after now: read, and ignored by every month
	{``, ``}, // blank: skipped, not rejected
	{`{"customer":"Initech","ticket":{"id":"I-TWICE","contact":"x@y.example","received":"2026-10-01T10:00:00Z","severity":"sev1"}}`,
		`ticket.id "I-TWICE": duplicate: want one line a ticket (also %s: line %d)`},
	{`{"customer":"Initech","ticket":{"id":"I-TWICE","contact":"x@y.example","received":"2026-10-02T10:00:00Z","severity":"sev2"}}`,
		`ticket.id "I-TWICE": duplicate: want one line a ticket (also %s: line %d)`},
	{`{"customer":"Globex","ticket":{"id":"I-TWICE","contact":"x@y.example","received":"2026-10-02T10:00:00Z","severity":"sev2"}}`,
		``}, // the same ID, another customer's
}

// writeDataSet writes ds as the pipeline reads it: the contracts as one JSON
// list, the tickets spread over files in dir/in (bad lines in the last),
// and returns the input glob and the contracts file.
func writeDataSet(t *testing.T, dir string, ds dataSet, files int, bad bool) (glob, contracts string) {
	t.Helper()
	contracts = filepath.Join(dir, "contracts.json")
	b, err := json.MarshalIndent(ds.contracts, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(contracts, b, 0o644); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	var bufs = make([]bytes.Buffer, files)
	for i, r := range ds.records {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		bufs[i%files].Write(append(b, '\n'))
	}
	if bad {
		for _, l := range badLines {
			bufs[files-1].WriteString(l.text + "\n")
		}
	}
	for i := range bufs {
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("tickets-%d.jsonl", i)), bufs[i].Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(in, "*.jsonl"), contracts
}

// TestPipelineEqualsMonth runs the whole pipeline on the local runner over
// several customers and months, and checks that it writes a report for
// exactly the customer-months that Engine.Month counts a target in, each
// equal field for field to what Engine.Month computes in one process over all
// of the customer's tickets, and that it rejects the bad lines with their
// reasons.
func TestPipelineEqualsMonth(t *testing.T) {
	n := 60
	if os.Getenv("SLAKIT_LONG") != "" {
		n = 2500
	}
	ds := genDataSet(newSeeded(17), n)
	dir := t.TempDir()
	glob, contractsPath := writeDataSet(t, dir, ds, 3, true)
	files, err := readContracts(contractsPath)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	p, s := beam.NewPipelineWithRoot()
	build(s, config{Input: glob, Contracts: files, Output: out, Now: ds.now, Batch: 7, Fanout: 4})
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatal(err)
	}

	reports := checkReports(t, contractsPath, glob, out, ds.now)
	if want := 4 * 4; reports < want { // every customer has tickets in July to October
		t.Errorf("%d reports, want at least %d", reports, want)
	}
	checkCrossing(t, ds)

	var want []string
	last, first := filepath.Join(dir, "in", "tickets-2.jsonl"), len(ds.records)/3+1 // the bad lines' file and first line
	for i, l := range badLines {
		reason := l.reason
		if strings.Contains(reason, "%s") { // a duplicate names the other line
			other := first + len(badLines) - 3
			if i == len(badLines)-3 {
				other++
			}
			reason = fmt.Sprintf(reason, last, other)
		}
		if reason != "" {
			want = append(want, fmt.Sprintf("%s: line %d: %s", last, first+i, reason))
		}
	}
	raw, err := os.ReadFile(rejectedPath(out))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	slices.Sort(got)
	slices.Sort(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rejected lines (-want +got):\n%s", diff)
	}

	// The shards' partial reports of a customer-month meet in the pipeline.
	merged := int64(0)
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Name() == "merges" {
			merged += c.Result()
		}
	}
	if merged < int64(reports) {
		t.Errorf("%d merges in the pipeline, want at least one a report (%d)", merged, reports)
	}
	var summary bytes.Buffer
	err = summarize(&summary, res, out)
	wantSummary := fmt.Sprintf("%d tickets, %d reports in %s\n", len(ds.records)+2, reports, out) // and I-LATE, Globex's I-TWICE
	if summary.String() != wantSummary {
		t.Errorf("summary %q, want %q", summary.String(), wantSummary)
	}
	if wantErr := fmt.Sprintf("%d lines rejected: see %s", len(want), rejectedPath(out)); err == nil || err.Error() != wantErr {
		t.Errorf("summary error %v, want %s", err, wantErr)
	}
}

// checkReports compares the reports under out with what Engine.Month
// computes from the same files in one process, and returns how many there
// are. A report must exist for a customer-month exactly when Engine.Month
// counts a target in it.
func checkReports(t *testing.T, contractsPath, glob, out string, now time.Time) int {
	t.Helper()
	raw, err := os.ReadFile(contractsPath)
	if err != nil {
		t.Fatal(err)
	}
	var contracts []sla.Contract
	if err := json.Unmarshal(raw, &contracts); err != nil {
		t.Fatal(err)
	}
	bad := map[string]bool{}
	for _, l := range badLines {
		bad[l.text] = l.reason != ""
	}
	tickets := map[string][]sla.Ticket{}
	names, err := filepath.Glob(glob)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for l := range strings.Lines(string(raw)) {
			if bad[strings.TrimSuffix(l, "\n")] || strings.TrimSpace(l) == "" {
				continue
			}
			var r record
			if err := json.Unmarshal([]byte(l), &r); err != nil {
				t.Fatal(err)
			}
			tickets[r.Customer] = append(tickets[r.Customer], r.Ticket)
		}
	}

	written := map[string]bool{}
	err = filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".json") {
			written[path] = true
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	reports := 0
	for _, c := range contracts {
		e, err := sla.New(c)
		if err != nil {
			t.Fatal(err)
		}
		// Every month from June 2026 (before the first ticket) to now's in
		// the customer's zone.
		for m := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC); ; m = m.AddDate(0, 1, 0) {
			period, err := span(e, m.Year(), m.Month())
			if err != nil {
				t.Fatal(err)
			}
			if !now.After(period.Start) {
				break
			}
			want, err := e.Month(m.Year(), m.Month(), sla.MonthData{Tickets: tickets[c.Customer]}, now)
			if err != nil {
				t.Fatalf("%s %s: %v", c.Customer, m.Format("2006-01"), err)
			}
			path := reportPath(out, key{Customer: c.Customer, Month: m.Format("2006-01")})
			if !counts(want) {
				if written[path] {
					t.Errorf("%s: written, but Engine.Month counts no target", path)
				}
				continue
			}
			reports++
			delete(written, path)
			checkReport(t, path, want)
		}
	}
	for path := range written {
		t.Errorf("%s: written, but no month of the data", path)
	}
	return reports
}

// checkReport compares the report in file path with want: its JSON byte for
// byte, then, decoded, every field (instants compared as instants).
func checkReport(t *testing.T, path string, want sla.Report) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	wantJSON, err := json.MarshalIndent(want, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, append(wantJSON, '\n')) {
		t.Errorf("%s differs from Engine.Month:\n%s", path, cmp.Diff(string(wantJSON)+"\n", string(got)))
	}
	r, err := decodeReport(got)
	if err != nil {
		t.Errorf("%s: %v", path, err)
		return
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("%s: fields differ from Engine.Month (-want +got):\n%s", path, diff)
	}
}

// checkCrossing makes sure the data set has what the test is about: tickets
// whose events fall in a later month than their receipt, and tickets received
// in a different month in the customer's zone than in UTC.
func checkCrossing(t *testing.T, ds dataSet) {
	t.Helper()
	zones := map[string]*time.Location{}
	for _, c := range ds.contracts {
		zones[c.Customer] = zoneOf(c)
	}
	crossing, edge := 0, 0
	for _, r := range ds.records {
		loc := zones[r.Customer]
		recv := r.Ticket.Received.In(loc)
		if recv.Month() != r.Ticket.Received.UTC().Month() {
			edge++
		}
		for _, ev := range r.Ticket.Events {
			if ev.At.In(loc).Month() != recv.Month() {
				crossing++
				break
			}
		}
	}
	if crossing < len(ds.records)/10 || edge < 4 {
		t.Errorf("%d tickets of %d cross a month, %d are received in another month than in UTC: the data set does not test months", crossing, len(ds.records), edge)
	}
}

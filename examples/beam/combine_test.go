package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/slakit/slakit/sla"
	"pgregory.net/rapid"
)

// testFiles are the test contracts as the pipeline carries them.
func testFiles(t interface{ Fatal(...any) }) []contractFile {
	b, err := json.Marshal(testContracts())
	if err != nil {
		t.Fatal(err)
	}
	return []contractFile{{Name: "contracts.json", Data: b}}
}

// compiled are the engines of the test contracts, compiled once: engines are
// immutable, and compiling them for every check would be most of its time.
var compiled = sync.OnceValues(func() (map[string]*sla.Engine, error) {
	b, err := json.Marshal(testContracts())
	if err != nil {
		return nil, err
	}
	return engines([]contractFile{{Name: "contracts.json", Data: b}})
})

// testEngines returns the engines of the test contracts.
func testEngines(t interface{ Fatal(...any) }) map[string]*sla.Engine {
	es, err := compiled()
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// roundTrip sends a through its coder, as Beam does between workers, and
// checks that the encoding is stable.
func roundTrip(t *rapid.T, a accum) accum {
	b, err := encodeAccum(a)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeAccum(b)
	if err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	again, err := encodeAccum(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, again) {
		t.Fatalf("the accumulator does not round trip:\n%s\n%s", b, again)
	}
	return back
}

// checkAccumRoundTrip: the tickets of a customer-month, spread over any number
// of accumulators in any way, each sent through the coder, then merged two by
// two in any order and grouping (each merge sent through the coder too), give
// the report Engine.Month computes over all the tickets at once.
func checkAccumRoundTrip(t *rapid.T) {
	d := drawn{t}
	ctx := context.Background()
	now := time.Date(2026, 10, 20, 9, 30, 0, 0, time.UTC)
	contracts := testContracts()
	c := pick(d, "customer", contracts...)
	f := &reportFn{Now: now, Batch: d.intn(1, 6, "batch"), engines: testEngines(t)}
	loc := zoneOf(c)
	mon := time.Month(d.intn(7, 10, "month"))
	start := time.Date(2026, mon, 1, 0, 0, 0, 0, loc)
	end := start.AddDate(0, 1, 0)
	if end.After(now) {
		end = now
	}
	m := monthOfDate(2026, mon)

	tickets := make([]sla.Ticket, d.intn(1, 16, "tickets"))
	for i := range tickets {
		tickets[i] = genTicket(d, fmt.Sprintf("T-%03d", i), genReceived(d, start, end, loc), c.Contacts)
	}
	accs := make([]accum, d.intn(1, 5, "accumulators")) // some may stay empty
	for _, tk := range tickets {
		i := d.intn(0, len(accs)-1, "accumulator")
		a, err := f.AddInput(accs[i], entry{c.Customer, m, tk})
		if err != nil {
			t.Fatal(err)
		}
		if d.intn(0, 3, "compact") == 0 {
			if a, err = f.Compact(a); err != nil {
				t.Fatal(err)
			}
		}
		accs[i] = a
	}
	for i := range accs {
		accs[i] = roundTrip(t, accs[i])
	}
	for len(accs) > 1 {
		i := d.intn(0, len(accs)-1, "left")
		j := d.intn(0, len(accs)-2, "right")
		if j >= i {
			j++
		}
		merged, err := f.MergeAccumulators(ctx, accs[i], accs[j])
		if err != nil {
			t.Fatal(err)
		}
		accs[i] = roundTrip(t, merged)
		accs = slices.Delete(accs, j, j+1)
	}
	got, err := f.ExtractOutput(accs[0])
	if err != nil {
		t.Fatal(err)
	}

	e := f.engines[c.Customer]
	want, err := e.Month(2026, mon, sla.MonthData{Tickets: tickets}, now)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, _ := json.Marshal(want)
	gotJSON, _ := json.Marshal(got)
	if !bytes.Equal(wantJSON, gotJSON) {
		t.Fatalf("merged accumulators differ from Engine.Month:\n%s", cmp.Diff(string(wantJSON), string(gotJSON)))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("fields differ from Engine.Month (-want +got):\n%s", diff)
	}
}

func TestAccumRoundTrip(t *testing.T) { rapid.Check(t, checkAccumRoundTrip) }

func FuzzAccumRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkAccumRoundTrip)) }

// checkMergeFn: partial reports of shards, merged by mergeFn in any order,
// give the report of all their tickets.
func checkMergeFn(t *rapid.T) {
	d := drawn{t}
	ctx := context.Background()
	now := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	c := pick(d, "customer", testContracts()...)
	f := &reportFn{Now: now, engines: testEngines(t)}
	e, loc := f.engines[c.Customer], zoneOf(c)
	start := time.Date(2026, 9, 1, 0, 0, 0, 0, loc)
	var all []sla.Ticket
	var partials []sla.Report
	for s := range d.intn(1, 4, "shards") {
		shard := make([]sla.Ticket, d.intn(1, 8, "tickets"))
		for i := range shard {
			shard[i] = genTicket(d, fmt.Sprintf("S%d-%02d", s, i), genReceived(d, start, start.AddDate(0, 1, 0), loc), c.Contacts)
		}
		r, err := e.Month(2026, 9, sla.MonthData{Tickets: shard}, now)
		if err != nil {
			t.Fatal(err)
		}
		all, partials = append(all, shard...), append(partials, r)
	}
	var m mergeFn
	acc := m.CreateAccumulator()
	order := make([]int, len(partials))
	for i := range order {
		order[i] = i
	}
	for _, i := range rapid.Permutation(order).Draw(t, "order") {
		var err error
		if acc, err = m.AddInput(ctx, acc, partials[i]); err != nil {
			t.Fatal(err)
		}
		acc = roundTrip(t, acc)
	}
	got, err := m.ExtractOutput(acc)
	if err != nil {
		t.Fatal(err)
	}
	want, err := e.Month(2026, 9, sla.MonthData{Tickets: all}, now)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
}

func TestMergeFn(t *testing.T) { rapid.Check(t, checkMergeFn) }

func FuzzMergeFn(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkMergeFn)) }

func TestCombinerErrors(t *testing.T) {
	ctx := context.Background()
	f := &reportFn{Contracts: testFiles(t), Now: time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)}
	if err := f.Setup(); err != nil {
		t.Fatal(err)
	}
	tk := sla.Ticket{ID: "G-1", Contact: "x@y.example", Received: time.Date(2026, 9, 3, 10, 0, 0, 0, time.UTC), Severity: 3}
	a, err := f.AddInput(f.CreateAccumulator(), entry{"Globex", "2026-09", tk})
	if err != nil {
		t.Fatal(err)
	}
	b, err := f.AddInput(f.CreateAccumulator(), entry{"Initech", "2026-09", tk})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		do   func() error
		want string
	}{
		{"another key", func() error { _, err := f.AddInput(a, entry{"Globex", "2026-08", tk}); return err },
			"ticket G-1 of Globex/2026-08 added to the report of Globex/2026-09"},
		{"unknown customer", func() error {
			_, err := f.ExtractOutput(accum{Customer: "Nobody", Month: "2026-09", Pending: []sla.Ticket{tk}})
			return err
		},
			`customer "Nobody": no contract`},
		{"bad month", func() error {
			_, err := f.ExtractOutput(accum{Customer: "Globex", Month: "2026-9", Pending: []sla.Ticket{tk}})
			return err
		},
			`the report of Globex/2026-9: month "2026-9": want YYYY-MM`},
		{"empty", func() error { _, err := f.ExtractOutput(f.CreateAccumulator()); return err },
			"no ticket for the report of /"},
		{"two customers", func() error { _, err := f.MergeAccumulators(ctx, a, b); return err },
			"reports cannot be merged: Globex/2026-09/Globex premium and Initech/2026-09/Initech APAC"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.do(); err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

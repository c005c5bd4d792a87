package main

import (
	"fmt"
	"testing"
	"time"

	"github.com/slakit/slakit/sla"
)

// BenchmarkCombine measures the combiner over the tickets of one
// customer-month beside its anchor, Engine.Month over the same slice in one
// call: the batch amortises the month's availability, computed once a call.
func BenchmarkCombine(b *testing.B) {
	const n = 10000
	now := time.Date(2026, 10, 20, 9, 30, 0, 0, time.UTC)
	c := testContracts()[0]
	loc := zoneOf(c)
	d := newSeeded(1)
	start := time.Date(2026, 9, 1, 0, 0, 0, 0, loc)
	tickets := make([]sla.Ticket, n)
	for i := range tickets {
		tickets[i] = genTicket(d, fmt.Sprintf("T-%05d", i), genReceived(d, start, start.AddDate(0, 1, 0), loc), c.Contacts)
	}
	f := &reportFn{Contracts: testFiles(b), Now: now}
	if err := f.Setup(); err != nil {
		b.Fatal(err)
	}
	perTicket := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/ticket")
	}

	b.Run("anchor=Month", func(b *testing.B) {
		for b.Loop() {
			if _, err := f.engines[c.Customer].Month(2026, 9, sla.MonthData{Tickets: tickets}, now); err != nil {
				b.Fatal(err)
			}
		}
		perTicket(b)
	})
	for _, batch := range []int{64, 512, defaultBatch} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			f.Batch = batch
			for b.Loop() {
				a := f.CreateAccumulator()
				for _, t := range tickets {
					var err error
					if a, err = f.AddInput(a, entry{c.Customer, "2026-09", t}); err != nil {
						b.Fatal(err)
					}
				}
				if _, err := f.ExtractOutput(a); err != nil {
					b.Fatal(err)
				}
			}
			perTicket(b)
		})
	}
	b.Run("coder", func(b *testing.B) {
		f.Batch = n
		a := f.CreateAccumulator()
		for _, t := range tickets {
			a, _ = f.AddInput(a, entry{c.Customer, "2026-09", t})
		}
		enc, err := encodeAccum(a)
		if err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			enc, _ := encodeAccum(a)
			if _, err := decodeAccum(enc); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(enc)), "bytes/accumulator")
	})
}

package sla_test

import (
	"fmt"
	"iter"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

// synthetic returns ticket i of a synthetic month: June 2026, every level,
// a response and a fix, some late.
func synthetic(i, n int) sla.Ticket {
	start := at(2026, 6, 1, 0, 0)
	recv := start.Add(time.Duration(i) * (29 * 24 * time.Hour / time.Duration(n)))
	return sla.Ticket{ID: fmt.Sprintf("T%09d", i), Contact: "ann@acme.example", Received: recv,
		Severity: severity.Level(1 + i%4),
		Events: []sla.Event{
			{At: recv.Add(time.Duration(i%90) * time.Minute), Kind: sla.Responded},
			{At: recv.Add(time.Duration(i%50) * time.Hour), Kind: sla.Fixed},
		}}
}

// liveHeap watches the live heap (as measured after each GC) while f runs and
// returns its largest growth over what was live before, in bytes. It makes
// the collector run after every 1 % of growth, so that the live heap is
// measured often: f runs slower, and is not timed.
func liveHeap(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	base, peak := sample[0].Value.Uint64(), uint64(0)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
			}
		}
	})
	f()
	runtime.GC() // the last cycle's live heap includes what f still held
	close(done)
	wg.Wait()
	if peak < base {
		return 0
	}
	return peak - base
}

// peakHeap runs f and returns the most heap memory its objects took, live or
// not yet collected, sampled every 10ms.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	return peak
}

// BenchmarkMonth1M: a month report over a million tickets held in a slice,
// on one goroutine; live-MB is the growth of the live heap beyond the input.
// The anchor evaluates the same tickets one by one with Engine.Evaluate
// (explanations included), as a caller without Month would.
func BenchmarkMonth1M(b *testing.B) {
	if testing.Short() {
		b.Skip("a million tickets")
	}
	e := engine(b)
	const n = 1_000_000
	tickets := make([]sla.Ticket, n)
	for i := range tickets {
		tickets[i] = synthetic(i, n)
	}
	now := at(2026, 7, 15, 0, 0)
	b.Run("report", func(b *testing.B) {
		month := func() {
			if _, err := e.Month(2026, time.June, sla.MonthData{Tickets: tickets}, now); err != nil {
				b.Fatal(err)
			}
		}
		live := liveHeap(month) // once, untimed: the watch forces collections
		for b.Loop() {
			month()
		}
		b.ReportMetric(float64(live)/(1<<20), "live-MB")
	})
	b.Run("anchor-evaluate", func(b *testing.B) {
		for b.Loop() {
			for i := range tickets {
				if _, err := e.Evaluate(tickets[i], now); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// stream yields n synthetic tickets, made one at a time.
func stream(n int) iter.Seq2[sla.Ticket, error] {
	return func(yield func(sla.Ticket, error) bool) {
		for i := range n {
			if !yield(synthetic(i, n), nil) {
				return
			}
		}
	}
}

// BenchmarkMonthStream: the streaming report over tickets made one at a time
// (the making is timed too), IDs checked in ascending order: the live heap
// stays flat whatever the count: peak-heap-MB is the most the heap held,
// garbage included, sampled every 10ms. The 100M run takes minutes; it runs
// only when SLAKIT_LONG is set:
//
//	SLAKIT_LONG=1 go test ./sla -run '^$' -bench 'MonthStream/100000000' -benchtime 1x
func BenchmarkMonthStream(b *testing.B) {
	e := engine(b)
	sizes := []int{100_000, 1_000_000}
	if os.Getenv("SLAKIT_LONG") != "" {
		sizes = append(sizes, 100_000_000)
	}
	now := at(2026, 7, 15, 0, 0)
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			month := func() {
				if _, err := e.MonthStream(2026, time.June, sla.MonthData{}, stream(n), now, sla.Options{IDs: sla.IDsAscending}); err != nil {
					b.Fatal(err)
				}
			}
			var live, peak uint64
			if n <= 1_000_000 {
				live = liveHeap(month) // once, untimed: the watch slows the collector down
			}
			for b.Loop() {
				peak = max(peak, peakHeap(month))
			}
			b.ReportMetric(float64(live)/(1<<20), "live-MB")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		})
	}
}

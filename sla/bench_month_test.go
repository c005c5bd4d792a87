package sla_test

import (
	"fmt"
	"iter"
	"os"
	"runtime"
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
// returns its largest growth over what was live before, in bytes.
func liveHeap(f func()) uint64 {
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

// BenchmarkMonth1M: a month report over a million tickets held in a slice,
// on one goroutine; live-MB is the growth of the live heap beyond the input.
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
// stays flat whatever the count. Each run is watched for its live heap, which
// forces two collections. The 100M run takes minutes; it runs only when
// SLAKIT_LONG is set.
func BenchmarkMonthStream(b *testing.B) {
	e := engine(b)
	sizes := []int{100_000, 1_000_000}
	if os.Getenv("SLAKIT_LONG") != "" {
		sizes = append(sizes, 100_000_000)
	}
	now := at(2026, 7, 15, 0, 0)
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var live uint64
			for b.Loop() {
				live = liveHeap(func() {
					if _, err := e.MonthStream(2026, time.June, sla.MonthData{}, stream(n), now, sla.Options{IDs: sla.IDsAscending}); err != nil {
						b.Fatal(err)
					}
				})
			}
			b.ReportMetric(float64(live)/(1<<20), "live-MB")
		})
	}
}

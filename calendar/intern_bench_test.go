package calendar

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/rickar/cal/v2/fr"
)

// BenchmarkSharedTables builds 100 000 calendars from 100 distinct specs
// (contracts that differ in their hours), each asked one question, keeps them
// all, and reports the heap they hold: with shared tables, about what 100
// calendars hold. The anchor builds 2 000 calendars whose tables are not
// shared (holidays given as Go values), the cost of every calendar before.
func BenchmarkSharedTables(b *testing.B) {
	specs := make([]Spec, 100)
	for i := range specs {
		specs[i] = Spec{TimeZone: "Europe/Paris", Hours: Weekdays(fmt.Sprintf("08:%02d-18:00", i%60), "19:00-2"+fmt.Sprint(i/60)+":00"), Holidays: []string{"FR"}}
	}
	at := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	measure := func(b *testing.B, n int, spec func(i int) Spec) {
		var kept []*Calendar
		for b.Loop() {
			kept = nil
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			kept = make([]*Calendar, n)
			for i := range kept {
				kept[i] = MustNew(spec(i))
				kept[i].Add(at, time.Hour)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/float64(n), "heap-B/calendar")
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "heap-MiB")
		}
		runtime.KeepAlive(kept)
	}
	b.Run("shared/100000-of-100", func(b *testing.B) {
		measure(b, 100_000, func(i int) Spec { return specs[i%len(specs)] })
	})
	b.Run("unshared/2000", func(b *testing.B) {
		measure(b, 2000, func(i int) Spec {
			s := specs[i%len(specs)]
			s.Holidays, s.HolidayRules = nil, fr.Holidays
			return s
		})
	})
}

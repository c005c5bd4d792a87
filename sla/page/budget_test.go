package page

import (
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"pgregory.net/rapid"
)

// checkRanOut: the budget runs out at the instant after which the unplanned
// downtime spent exceeds it, found here by summing the evidence up to an
// instant; it never runs out when the total stays within it.
func checkRanOut(t *rapid.T) {
	start := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	var ev []availability.Segment
	at := start
	for range rapid.IntRange(0, 8).Draw(t, "segments") {
		at = at.Add(time.Duration(rapid.Int64Range(0, int64(5*time.Hour)).Draw(t, "gap")))
		end := at.Add(time.Duration(rapid.Int64Range(1, int64(3*time.Hour)).Draw(t, "length")))
		class := rapid.SampledFrom([]availability.Class{availability.ClassUnplanned, availability.ClassPlanned, availability.ClassExcluded}).Draw(t, "class")
		ev = append(ev, availability.Segment{Start: at, End: end, Class: class})
		at = end
	}
	budget := time.Duration(rapid.Int64Range(0, int64(6*time.Hour)).Draw(t, "budget"))
	spent := func(until time.Time) time.Duration { // unplanned time in [start, until)
		var d time.Duration
		for _, s := range ev {
			if s.Class == availability.ClassUnplanned && s.Start.Before(until) {
				end := s.End
				if until.Before(end) {
					end = until
				}
				d += end.Sub(s.Start)
			}
		}
		return d
	}
	out, ok := ranOut(ev, budget, false)
	total := spent(at.Add(time.Hour))
	if !ok {
		if total > budget {
			t.Fatalf("spent %v of %v but the budget never ran out", total, budget)
		}
		return
	}
	if got := spent(out); got != budget {
		t.Fatalf("ran out at %v with %v spent, want exactly the budget %v", out, got, budget)
	}
	if got := spent(out.Add(1)); got <= budget {
		t.Fatalf("a nanosecond after running out, %v spent is still within %v", got, budget)
	}
}

func TestRanOut(t *testing.T) { rapid.Check(t, checkRanOut) }
func FuzzRanOut(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkRanOut)) }

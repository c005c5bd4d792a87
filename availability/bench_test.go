package availability_test

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
)

// randomOutages returns n outages of every cause spread over period, from a
// fixed seed so that runs compare.
func randomOutages(period calendar.Interval, n int) []availability.Outage {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	span := int64(period.Duration())
	out := make([]availability.Outage, n)
	for i := range out {
		start := period.Start.Add(time.Duration(rng.Int64N(span)))
		o := availability.Outage{Start: start, End: start.Add(time.Duration(rng.Int64N(int64(2 * time.Hour))))}
		switch rng.IntN(4) {
		case 1:
			o.Cause = availability.Maintenance
			o.AnnouncedAt = start.Add(-time.Duration(rng.Int64N(int64(96 * time.Hour))))
			o.AnnouncedEnd = start.Add(time.Hour)
		case 2:
			o.Cause, o.Category = availability.Exceptional, availability.ForceMajeure
		case 3:
			o.Cause = availability.SecurityBlock
		}
		out[i] = o
	}
	return out
}

func BenchmarkCompute(b *testing.B) {
	period := month(b, 2026, time.June, "Europe/Paris")
	rules := specRules("Europe/Paris")
	for _, n := range []int{10, 10_000, 1_000_000} {
		outages := randomOutages(period, n)
		b.Run("n="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := availability.Compute(period, outages, rules); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkFromProbes reads a month of probes every 30 seconds.
func BenchmarkFromProbes(b *testing.B) {
	period := month(b, 2026, time.June, "Europe/Paris")
	rng := rand.New(rand.NewPCG(2, 3))
	var probes []availability.Probe
	for t := period.Start; t.Before(period.End); t = t.Add(30 * time.Second) {
		probes = append(probes, availability.Probe{At: t, Up: rng.IntN(500) > 0})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := availability.FromProbes(period, probes, time.Minute); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAlerts evaluates the default rules on a month with 10 000 outages.
func BenchmarkAlerts(b *testing.B) {
	period := month(b, 2026, time.June, "Europe/Paris")
	r, err := availability.Compute(period, randomOutages(period, 10_000), specRules("Europe/Paris"))
	if err != nil {
		b.Fatal(err)
	}
	at := period.Start.Add(15 * 24 * time.Hour)
	rules := availability.DefaultAlerts()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Alerts(at, rules); err != nil {
			b.Fatal(err)
		}
	}
}

// monthOfSeconds returns June 2026 in Paris as 2 592 000 one-second slices
// of about 100 requests: mostly good, bursts of failures (a minute of 8 %
// errors every few hours, short spikes that MinRun filters), and a few
// silent seconds.
func monthOfSeconds(b *testing.B) (calendar.Interval, []availability.Slice) {
	period := month(b, 2026, time.June, "Europe/Paris")
	n := int(period.Duration() / time.Second)
	rng := rand.New(rand.NewPCG(4, 5))
	counts := make([]availability.Slice, n)
	for i := range counts {
		total := 80 + rng.Int64N(40)
		good := total - rng.Int64N(3)
		switch {
		case i%(4*3600) < 60: // a bad minute every four hours
			good = total - total*8/100
		case rng.IntN(2000) == 0: // a lone spike
			good = total / 2
		case rng.IntN(5000) == 0: // a silent second
			total, good = 0, 0
		}
		counts[i] = availability.Slice{Good: good, Total: total}
	}
	return period, counts
}

// BenchmarkFromSlices reads a month of one-second slices (2.6 M) into an
// Observation, then through ComputeCovered. The anchor only reads every
// slice and compares its error ratio in floating point: the cost of touching
// the data.
func BenchmarkFromSlices(b *testing.B) {
	period, counts := monthOfSeconds(b)
	rule := availability.SliceRule{Length: time.Second, Threshold: ratio("5%"), MinRun: 3}
	b.Run("anchor-scan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			bad := 0
			for _, c := range counts {
				if c.Total > 0 && float64(c.Total-c.Good) > 0.05*float64(c.Total) {
					bad++
				}
			}
			if bad == 0 {
				b.Fatal("no bad slice")
			}
		}
	})
	b.Run("FromSlices", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := availability.FromSlices(period, period.Start, counts, rule); err != nil {
				b.Fatal(err)
			}
		}
	})
	rules := specRules("Europe/Paris")
	b.Run("FromSlices+ComputeCovered", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			obs, err := availability.FromSlices(period, period.Start, counts, rule)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := availability.ComputeCovered(period, obs.Outages, obs.Coverage(), rules); err != nil {
				b.Fatal(err)
			}
		}
	})
}

package recovery_test

import (
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/slakit/slakit/recovery"
)

// Issue 11: recovery points supplied, and empty, mean that no restore point
// existed: the worst gap is the whole month, missed, and that is a result, not
// an error.
func TestExposureSuppliedAndEmptyIsTheWholePeriodMissed(t *testing.T) {
	june := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	july := june.AddDate(0, 1, 0)
	whole := recovery.Gap{From: june, Since: june, To: july, Duration: 720 * time.Hour, Breach: 720*time.Hour - 30*time.Minute, NoPoint: true}
	for name, points := range map[string][]recovery.Point{
		"empty":            {},
		"nil":              nil,
		"only after":       {{At: july}, {At: july.Add(time.Hour)}},
		"stored too late":  {{At: june.Add(time.Hour), Stored: july}},
		"stored far after": {{At: june.Add(-time.Hour), Stored: july.Add(time.Hour)}},
	} {
		r, err := recovery.Exposure(points, june, july, 30*time.Minute)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Worst != whole || r.Met || r.Breach != whole.Breach || len(r.Breaching) != 1 || r.Breaching[0] != whole ||
			r.Margin != 30*time.Minute-720*time.Hour {
			t.Errorf("%s: %+v", name, r)
		}
	}
	// A point before the month, usable at its start, is a point in the month.
	r := must(recovery.Exposure([]recovery.Point{{At: june.Add(-time.Hour)}}, june, july, 30*time.Minute))
	if r.Worst.NoPoint || r.Worst.Duration != 721*time.Hour {
		t.Errorf("point before the month: %+v", r.Worst)
	}
}

// checkNoneUsable: whatever the points, when none is usable before the end of
// the period the worst gap is the whole period from its start, and the
// objective is missed exactly when it is shorter than the period.
func checkNoneUsable(t *rapid.T) {
	start, end, obj := smallPeriod(t)
	obj = rapid.SampledFrom([]time.Duration{obj, end.Sub(start), end.Sub(start) + time.Second}).Draw(t, "objective or period")
	points := rapid.SliceOfN(smallPoint(), 0, 8).Draw(t, "points")
	var late []recovery.Point
	for _, p := range points {
		if !p.UsableFrom().Before(end) {
			late = append(late, p)
		}
	}
	r, err := recovery.Exposure(late, start, end, obj)
	if err != nil {
		t.Fatal(err)
	}
	period := end.Sub(start)
	if !r.Worst.NoPoint || !r.Worst.From.Equal(start) || !r.Worst.To.Equal(end) || r.Worst.Duration != period {
		t.Fatalf("worst gap %+v, want the whole period %v → %v", r.Worst, start, end)
	}
	if r.Met != (period <= obj) || r.Breach != max(0, period-obj) {
		t.Fatalf("met %v breach %v for a period of %v and an objective of %v", r.Met, r.Breach, period, obj)
	}
}

func TestExposureNoneUsable(t *testing.T) { rapid.Check(t, checkNoneUsable) }
func FuzzExposureNoneUsable(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkNoneUsable)) }

package recovery

import (
	"math"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// anyInstant draws a time anywhere in ±1000 years around 2026 (beyond the range of a
// Duration, so that sub saturates), or at one of a few edges, in UTC or not.
func anyInstant(label string) *rapid.Generator[time.Time] {
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	edges := []time.Time{
		{},
		base,
		base.Add(math.MaxInt64),
		base.Add(math.MinInt64),
		base.Add(math.MaxInt64).Add(time.Nanosecond),
		base.Add(math.MinInt64).Add(-time.Nanosecond),
		time.Unix(0, 0),
		time.Unix(-1, 999999999),
	}
	return rapid.Custom(func(t *rapid.T) time.Time {
		var v time.Time
		if rapid.Bool().Draw(t, label+"Edge") {
			v = rapid.SampledFrom(edges).Draw(t, label+"Which")
			v = v.Add(time.Duration(rapid.Int64Range(-2e9, 2e9).Draw(t, label+"Near")))
		} else {
			const year = 365 * 24 * 3600
			s := rapid.Int64Range(-1000*year, 1000*year).Draw(t, label+"Sec")
			n := rapid.Int64Range(0, 999999999).Draw(t, label+"Nsec")
			v = time.Unix(base.Unix()+s, n).UTC()
		}
		if rapid.Bool().Draw(t, label+"Zoned") {
			v = v.In(time.FixedZone("Z", 3600*rapid.IntRange(-12, 14).Draw(t, label+"Zone")))
		}
		return v
	})
}

// checkInstantArith: instant orders, subtracts and adds exactly as time.Time does.
func checkInstantArith(t *rapid.T) {
	a, b := anyInstant("a").Draw(t, "a"), anyInstant("b").Draw(t, "b")
	ia, ib := instantOf(a), instantOf(b)
	if ia.before(ib) != a.Before(b) || ia.after(ib) != a.After(b) || (ia == ib) != a.Equal(b) || ia.compare(ib) != a.Compare(b) {
		t.Fatalf("order of %v, %v: instants %v %v", a, b, ia, ib)
	}
	if got, want := ia.sub(ib), a.Sub(b); got != want {
		t.Fatalf("%v − %v = %v, want %v", a, b, got, want)
	}
	d := time.Duration(rapid.Int64Range(0, math.MaxInt64).Draw(t, "d"))
	if got, want := ia.add(d), instantOf(a.Add(d)); got != want {
		t.Fatalf("%v + %v = %v, want %v", a, d, got, want)
	}
	if ia.nsec < 0 || ia.nsec >= 1e9 {
		t.Fatalf("nsec out of range in %v", ia)
	}
}

func TestInstant(t *testing.T) { rapid.Check(t, checkInstantArith) }
func FuzzInstant(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkInstantArith)) }

// TestInstantSubEdges pins sub at the exact bounds of a Duration and beyond.
func TestInstantSubEdges(t *testing.T) {
	base := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	times := []time.Time{
		base,
		base.Add(math.MaxInt64),
		base.Add(math.MinInt64),
		time.Unix(1<<62, 0),
		time.Unix(-(1 << 62), 999999999),
	}
	for _, a := range times {
		for _, b := range times {
			for _, d := range []time.Duration{-time.Nanosecond, 0, time.Nanosecond} {
				a := a.Add(d)
				if got, want := instantOf(a).sub(instantOf(b)), a.Sub(b); got != want {
					t.Errorf("%v − %v = %v, want %v", a, b, got, want)
				}
			}
		}
	}
}

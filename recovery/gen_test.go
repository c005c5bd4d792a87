package recovery_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Paris whatever the host has

	"pgregory.net/rapid"

	"github.com/slakit/slakit/recovery"
)

// Generators and slow oracles shared by the property tests. Small histories live on
// whole seconds around t0 so that the oracles can step second by second.

var t0 = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func sec(n int64) time.Time { return t0.Add(time.Duration(n) * time.Second) }

// smallPoint draws a valid point on whole seconds in [-900, 4500] s around t0,
// stored at At (zero Stored) or up to 20 minutes later. Most times fall on whole
// minutes, so that points often share an At or become usable at the same instant.
func smallPoint() *rapid.Generator[recovery.Point] {
	jitter := func(t *rapid.T, label string) int64 {
		if rapid.IntRange(0, 3).Draw(t, label+"Jittered") == 0 {
			return rapid.Int64Range(0, 59).Draw(t, label+"Jitter")
		}
		return 0
	}
	return rapid.Custom(func(t *rapid.T) recovery.Point {
		at := 60*rapid.Int64Range(-15, 74).Draw(t, "atMinute") + jitter(t, "at")
		p := recovery.Point{At: sec(at)}
		if rapid.Bool().Draw(t, "stored") {
			p.Stored = sec(at + 60*rapid.Int64Range(0, 20).Draw(t, "delayMinutes") + jitter(t, "delay"))
		}
		return p
	})
}

// smallPeriod draws a period of 1 s to 1 h starting within the first 10 minutes
// after t0, and an objective of 1 s to 30 min, all on whole seconds.
func smallPeriod(t *rapid.T) (start, end time.Time, objective time.Duration) {
	s := rapid.Int64Range(0, 600).Draw(t, "start")
	n := rapid.Int64Range(1, 3600).Draw(t, "length")
	o := rapid.Int64Range(1, 1800).Draw(t, "objective")
	return sec(s), sec(s + n), time.Duration(o) * time.Second
}

// locations in which anyTime expresses instants; Europe/Paris comes from time/tzdata.
var locations = func() []*time.Location {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return []*time.Location{time.UTC, time.FixedZone("X", -5*3600), paris}
}()

// anyTime draws any instant a caller might pass, valid or not: zero, or up to
// ±100 years around t0 with nanoseconds, in one of several locations.
func anyTime(label string) *rapid.Generator[time.Time] {
	return rapid.Custom(func(t *rapid.T) time.Time {
		if rapid.IntRange(0, 15).Draw(t, label+"IsZero") == 0 {
			return time.Time{}
		}
		const span = 100 * 365 * 24 * int64(time.Hour)
		d := rapid.Int64Range(-span, span).Draw(t, label)
		loc := rapid.SampledFrom(locations).Draw(t, label+"Loc")
		return t0.Add(time.Duration(d)).In(loc)
	})
}

// anyPoint draws any point, valid or not.
func anyPoint() *rapid.Generator[recovery.Point] {
	return rapid.Custom(func(t *rapid.T) recovery.Point {
		return recovery.Point{At: anyTime("at").Draw(t, "at"), Stored: anyTime("stored").Draw(t, "stored")}
	})
}

// anyObjective draws any objective, including zero and negative ones.
func anyObjective(t *rapid.T) time.Duration {
	return time.Duration(rapid.Int64Range(-int64(time.Hour), 48*int64(time.Hour)).Draw(t, "objective"))
}

// bruteExposure computes the exposure function of a small history second by second,
// straight from its definition: at instant x the baseline is the latest At among the
// points with At ≤ x and (Stored zero or Stored ≤ x), or start when there is none.
// Between whole seconds the exposure grows with slope 1, so with whole-second objective
// the second [x, x+1s) is in breach (but for its first instant) exactly when the
// exposure at x is at least the objective, and the supremum over [x, x+1s) is the
// exposure at x plus one second.
func bruteExposure(points []recovery.Point, start, end time.Time, objective time.Duration) (worst, breach time.Duration) {
	for x := start; x.Before(end); x = x.Add(time.Second) {
		base, found := start, false
		for _, p := range points {
			if p.At.After(x) || (!p.Stored.IsZero() && p.Stored.After(x)) {
				continue
			}
			if !found || p.At.After(base) {
				base, found = p.At, true
			}
		}
		e := x.Sub(base)
		worst = max(worst, e+time.Second)
		if e >= objective {
			breach += time.Second
		}
	}
	return worst, breach
}

// checkFieldError fails unless err is a *FieldError naming a path, with no
// package prefix, that wraps one of the sentinels.
func checkFieldError(t *rapid.T, err error) {
	var fe *recovery.FieldError
	if !errors.As(err, &fe) || fe.Field == "" {
		t.Fatalf("error %v (%T) is not a *FieldError with a path", err, err)
	}
	if strings.Contains(err.Error(), "recovery:") {
		t.Fatalf("message %q names the package", err)
	}
	for _, s := range []error{recovery.ErrZeroTime, recovery.ErrFuture, recovery.ErrReversed, recovery.ErrObjective, recovery.ErrNoPoint} {
		if errors.Is(err, s) {
			return
		}
	}
	t.Fatalf("error %v wraps no sentinel", err)
}

// equalPoints reports whether two slices hold the same points, field by field
// (monotonic readings and all).
func equalPoints(a, b []recovery.Point) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// must returns v, panicking on an error: for table entries whose inputs are valid.
func must[V any](v V, err error) V {
	if err != nil {
		panic(err)
	}
	return v
}

// wantFieldError fails unless err is a *FieldError wrapping sentinel, naming
// field, of the point at index when index ≥ 0 ("points[3].stored").
func wantFieldError(tb testing.TB, err, sentinel error, field string, index int) {
	tb.Helper()
	if !errors.Is(err, sentinel) {
		tb.Fatalf("error %v, want one wrapping %v", err, sentinel)
	}
	var fe *recovery.FieldError
	if !errors.As(err, &fe) {
		tb.Fatalf("error %v (%T) is not a *FieldError", err, err)
	}
	path := field
	if index >= 0 {
		path = "points[" + strconv.Itoa(index) + "]." + field
	}
	if fe.Field != path {
		tb.Errorf("error names %q, want %q (%v)", fe.Field, path, err)
	}
	if strings.Contains(err.Error(), "recovery:") {
		tb.Errorf("message %q names the package", err)
	}
}

func mustLoc(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

package recovery_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/slakit/slakit/recovery"
)

// hm is 10 June 2026 at h:m UTC.
func hm(h, m int) time.Time { return time.Date(2026, 6, 10, h, m, 0, 0, time.UTC) }

func TestDataLoss(t *testing.T) {
	rpo := 30 * time.Minute
	tests := []struct {
		name      string
		points    []recovery.Point
		incident  time.Time
		loss      time.Duration
		point     recovery.Point // the evidence
		met       bool
		objective time.Duration
	}{
		{
			"latest point before the incident",
			[]recovery.Point{{At: hm(8, 0)}, {At: hm(8, 30)}, {At: hm(9, 0)}},
			hm(9, 20), 20 * time.Minute, recovery.Point{At: hm(9, 0)}, true, rpo,
		},
		{
			"exactly the objective is met",
			[]recovery.Point{{At: hm(9, 0)}},
			hm(9, 30), 30 * time.Minute, recovery.Point{At: hm(9, 0)}, true, rpo,
		},
		{
			"one nanosecond over is missed",
			[]recovery.Point{{At: hm(9, 0)}},
			hm(9, 30).Add(time.Nanosecond), 30*time.Minute + time.Nanosecond, recovery.Point{At: hm(9, 0)}, false, rpo,
		},
		{
			"a point at the incident loses nothing",
			[]recovery.Point{{At: hm(9, 0)}, {At: hm(9, 20)}},
			hm(9, 20), 0, recovery.Point{At: hm(9, 20)}, true, rpo,
		},
		{
			"points after the incident are ignored, order does not matter",
			[]recovery.Point{{At: hm(10, 0)}, {At: hm(8, 50)}, {At: hm(9, 40)}},
			hm(9, 30), 40 * time.Minute, recovery.Point{At: hm(8, 50)}, false, rpo,
		},
		{
			"a point still being stored does not count",
			[]recovery.Point{{At: hm(8, 30)}, {At: hm(9, 0), Stored: hm(9, 40)}},
			hm(9, 20), 50 * time.Minute, recovery.Point{At: hm(8, 30)}, false, rpo,
		},
		{
			"a point counts from the instant it is stored",
			[]recovery.Point{{At: hm(8, 30)}, {At: hm(9, 0), Stored: hm(9, 20)}},
			hm(9, 20), 20 * time.Minute, recovery.Point{At: hm(9, 0), Stored: hm(9, 20)}, true, rpo,
		},
		{
			"duplicates: the evidence is the copy usable first",
			[]recovery.Point{{At: hm(9, 0), Stored: hm(9, 10)}, {At: hm(9, 0), Stored: hm(9, 5)}, {At: hm(9, 0), Stored: hm(9, 10)}},
			hm(9, 20), 20 * time.Minute, recovery.Point{At: hm(9, 0), Stored: hm(9, 5)}, true, rpo,
		},
		{
			"same At and usable instant: the copy without Stored",
			[]recovery.Point{{At: hm(9, 0), Stored: hm(9, 0)}, {At: hm(9, 0)}},
			hm(9, 20), 20 * time.Minute, recovery.Point{At: hm(9, 0)}, true, rpo,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.points)
			got, err := recovery.DataLoss(tt.points, tt.incident, tt.objective)
			if err != nil {
				t.Fatal(err)
			}
			if got.Loss != tt.loss || got.Met != tt.met || got.Margin != tt.objective-tt.loss || got.Objective != tt.objective {
				t.Errorf("got loss %v met %v margin %v, want %v %v %v", got.Loss, got.Met, got.Margin, tt.loss, tt.met, tt.objective-tt.loss)
			}
			if got.Point != tt.point || !got.At.Equal(tt.incident) {
				t.Errorf("evidence %+v at %v, want %+v at %v", got.Point, got.At, tt.point, tt.incident)
			}
			if !equalPoints(before, tt.points) {
				t.Errorf("input modified")
			}
		})
	}
}

func TestDataLossErrors(t *testing.T) {
	ok := []recovery.Point{{At: hm(9, 0)}}
	tests := []struct {
		name     string
		points   []recovery.Point
		incident time.Time
		obj      time.Duration
		field    string
		index    int
		sentinel error
	}{
		{"no point at all", nil, hm(9, 0), time.Hour, "incident", -1, recovery.ErrNoPoint},
		{"every point later", ok, hm(8, 59), time.Hour, "incident", -1, recovery.ErrNoPoint},
		{"not yet stored", []recovery.Point{{At: hm(8, 0), Stored: hm(9, 1)}}, hm(9, 0), time.Hour, "incident", -1, recovery.ErrNoPoint},
		{"zero incident", ok, time.Time{}, time.Hour, "incident", -1, recovery.ErrZeroTime},
		{"zero objective", ok, hm(9, 0), 0, "objective", -1, recovery.ErrObjective},
		{"zero at", []recovery.Point{{At: hm(8, 0)}, {At: hm(8, 30)}, {Stored: hm(8, 0)}}, hm(9, 0), time.Hour, "at", 2, recovery.ErrZeroTime},
		{"stored before at", []recovery.Point{{At: hm(8, 0), Stored: hm(7, 0)}}, hm(9, 0), time.Hour, "stored", 0, recovery.ErrReversed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := recovery.DataLoss(tt.points, tt.incident, tt.obj)
			wantFieldError(t, err, tt.sentinel, tt.field, tt.index)
		})
	}
}

func TestCurrent(t *testing.T) {
	points := []recovery.Point{{At: hm(8, 0)}, {At: hm(8, 45), Stored: hm(8, 55)}}
	got, err := recovery.Current(points, hm(9, 0), 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if got.Loss != 15*time.Minute || !got.Met || got.Point != points[1] || !got.At.Equal(hm(9, 0)) {
		t.Errorf("got %+v", got)
	}
	if s, want := got.String(), "lost 15m of 30m: met (margin 15m)"; s != want {
		t.Errorf("String() = %q, want %q", s, want)
	}

	_, err = recovery.Current(points, hm(8, 50), 30*time.Minute)
	wantFieldError(t, err, recovery.ErrFuture, "stored", 1)
	_, err = recovery.Current(points, hm(7, 0), 30*time.Minute)
	wantFieldError(t, err, recovery.ErrFuture, "at", 0)
	_, err = recovery.Current(nil, hm(7, 0), 30*time.Minute)
	wantFieldError(t, err, recovery.ErrNoPoint, "now", -1)
	_, err = recovery.Current(points, time.Time{}, 30*time.Minute)
	wantFieldError(t, err, recovery.ErrZeroTime, "now", -1)
}

// bruteLoss is DataLoss from its definition: the latest At among usable points.
func bruteLoss(points []recovery.Point, x time.Time) (time.Duration, bool) {
	var best time.Time
	found := false
	for _, p := range points {
		usable := !p.At.After(x) && (p.Stored.IsZero() || !p.Stored.After(x))
		if usable && (!found || p.At.After(best)) {
			best, found = p.At, true
		}
	}
	return x.Sub(best), found
}

// checkDataLoss: on valid small histories DataLoss matches its definition, whatever
// the order and duplicates, without touching the input; the evidence is a usable
// input point at the loss.
func checkDataLoss(t *rapid.T) {
	points := rapid.SliceOfN(smallPoint(), 0, 12).Draw(t, "points")
	x := sec(rapid.Int64Range(-1000, 5000).Draw(t, "incident"))
	obj := time.Duration(rapid.Int64Range(1, 3600).Draw(t, "objective")) * time.Second
	before := slices.Clone(points)
	got, err := recovery.DataLoss(points, x, obj)
	if !equalPoints(before, points) {
		t.Fatalf("input modified")
	}
	want, found := bruteLoss(points, x)
	if !found {
		if !errors.Is(err, recovery.ErrNoPoint) {
			t.Fatalf("no usable point: got %v, %v", got, err)
		}
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if got.Loss != want || got.Met != (want <= obj) || got.Margin != obj-want {
		t.Fatalf("got %+v, want loss %v", got, want)
	}
	if !slices.Contains(points, got.Point) || got.Point.UsableFrom().After(x) || !got.Point.At.Equal(x.Add(-want)) {
		t.Fatalf("evidence %+v is not an input point usable at %v with loss %v", got.Point, x, want)
	}

	// Shuffled and with duplicates: the same result, evidence included.
	more := slices.Clone(points)
	for _, i := range rapid.SliceOfN(rapid.IntRange(0, len(points)-1), 0, 4).Draw(t, "dups") {
		more = append(more, points[i])
	}
	more = rapid.Permutation(more).Draw(t, "shuffled")
	again, err := recovery.DataLoss(more, x, obj)
	if err != nil || again != got {
		t.Fatalf("shuffled with duplicates: %+v, %v; want %+v", again, err, got)
	}

	// Current agrees at now when nothing is after now.
	var past []recovery.Point
	for _, p := range points {
		if !p.UsableFrom().After(x) {
			past = append(past, p)
		}
	}
	cur, err := recovery.Current(past, x, obj)
	if err != nil || cur != got {
		t.Fatalf("Current = %+v, %v; want %+v", cur, err, got)
	}
}

func TestDataLossProperties(t *testing.T) { rapid.Check(t, checkDataLoss) }
func FuzzDataLossProperties(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkDataLoss)) }

// checkLossAnyInput: DataLoss and Current never panic; on any input they return an
// *FieldError or a result consistent with its own figures.
func checkLossAnyInput(t *rapid.T) {
	points := rapid.SliceOfN(anyPoint(), 0, 8).Draw(t, "points")
	x := anyTime("x").Draw(t, "x")
	obj := anyObjective(t)
	for _, f := range []func([]recovery.Point, time.Time, time.Duration) (recovery.LossResult, error){recovery.DataLoss, recovery.Current} {
		got, err := f(points, x, obj)
		if err != nil {
			checkFieldError(t, err)
			continue
		}
		if got.Loss < 0 || got.Loss != x.Sub(got.Point.At) || got.Margin != obj-got.Loss || got.Met != (got.Loss <= obj) || !slices.ContainsFunc(points, func(p recovery.Point) bool {
			return p.At.Equal(got.Point.At) && p.Stored.Equal(got.Point.Stored)
		}) {
			t.Fatalf("inconsistent result %+v", got)
		}
		_ = got.String()
	}
}

func TestLossAnyInput(t *testing.T) { rapid.Check(t, checkLossAnyInput) }
func FuzzDataLoss(f *testing.F)     { f.Fuzz(rapid.MakeFuzz(checkLossAnyInput)) }

func BenchmarkDataLoss1M(b *testing.B) {
	points := benchPoints(1_000_000)
	incident := points[len(points)/2].At.Add(7 * time.Minute)
	for b.Loop() {
		if _, err := recovery.DataLoss(points, incident, 30*time.Minute); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCurrent1M(b *testing.B) {
	points := benchPoints(1_000_000)
	now := points[len(points)-1].UsableFrom().Add(time.Minute)
	for b.Loop() {
		if _, err := recovery.Current(points, now, 30*time.Minute); err != nil {
			b.Fatal(err)
		}
	}
}

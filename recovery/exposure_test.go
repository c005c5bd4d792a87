package recovery_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/slakit/slakit/recovery"
)

// d9 is 9 June 2026 at h:m UTC, the day before hm's.
func d9(h, m int) time.Time { return time.Date(2026, 6, 9, h, m, 0, 0, time.UTC) }

func TestExposure(t *testing.T) {
	rpo := 30 * time.Minute
	minute := time.Minute
	tests := []struct {
		name       string
		points     []recovery.Point
		start, end time.Time
		worst      recovery.Gap
		breaching  []recovery.Gap
		breach     time.Duration
	}{
		{
			name:   "plain gaps: start → first, between points, last → end",
			points: []recovery.Point{{At: hm(0, 20)}, {At: hm(0, 40)}, {At: hm(1, 30)}, {At: hm(2, 0)}},
			start:  hm(0, 0), end: hm(3, 0),
			worst: recovery.Gap{From: hm(2, 0), Since: hm(2, 0), To: hm(3, 0), Duration: 60 * minute, Breach: 30 * minute},
			breaching: []recovery.Gap{
				{From: hm(0, 40), Since: hm(0, 40), To: hm(1, 30), Duration: 50 * minute, Breach: 20 * minute},
				{From: hm(2, 0), Since: hm(2, 0), To: hm(3, 0), Duration: 60 * minute, Breach: 30 * minute},
			},
			breach: 50 * minute,
		},
		{
			name:   "a point before the period is the baseline at its start",
			points: []recovery.Point{{At: d9(23, 0)}, {At: hm(0, 45)}},
			start:  hm(0, 0), end: hm(2, 0),
			worst: recovery.Gap{From: d9(23, 0), Since: hm(0, 0), To: hm(0, 45), Duration: 105 * minute, Breach: 45 * minute},
			breaching: []recovery.Gap{
				{From: d9(23, 0), Since: hm(0, 0), To: hm(0, 45), Duration: 105 * minute, Breach: 45 * minute},
				{From: hm(0, 45), Since: hm(0, 45), To: hm(2, 0), Duration: 75 * minute, Breach: 45 * minute},
			},
			breach: 90 * minute,
		},
		{
			name:  "no point at all: the whole period from its start",
			start: hm(0, 0), end: hm(1, 0),
			worst: recovery.Gap{From: hm(0, 0), Since: hm(0, 0), To: hm(1, 0), Duration: 60 * minute, Breach: 30 * minute, NoPoint: true},
			breaching: []recovery.Gap{
				{From: hm(0, 0), Since: hm(0, 0), To: hm(1, 0), Duration: 60 * minute, Breach: 30 * minute, NoPoint: true},
			},
			breach: 30 * minute,
		},
		{
			name:   "a point counts from when it is stored",
			points: []recovery.Point{{At: d9(23, 50)}, {At: hm(0, 20), Stored: hm(0, 50)}},
			start:  hm(0, 0), end: hm(1, 0),
			worst: recovery.Gap{From: d9(23, 50), Since: hm(0, 0), To: hm(0, 50), Duration: 60 * minute, Breach: 30 * minute},
			breaching: []recovery.Gap{
				{From: d9(23, 50), Since: hm(0, 0), To: hm(0, 50), Duration: 60 * minute, Breach: 30 * minute},
				{From: hm(0, 20), Since: hm(0, 50), To: hm(1, 0), Duration: 40 * minute, Breach: 10 * minute},
			},
			breach: 40 * minute,
		},
		{
			name:   "gaps of exactly the objective are met; the earliest worst gap wins",
			points: []recovery.Point{{At: hm(0, 30)}, {At: hm(1, 0)}},
			start:  hm(0, 0), end: hm(1, 30),
			worst: recovery.Gap{From: hm(0, 0), Since: hm(0, 0), To: hm(0, 30), Duration: 30 * minute, NoPoint: true},
		},
		{
			name:   "equal gaps in breach: the earliest is the worst",
			points: []recovery.Point{{At: hm(1, 0)}},
			start:  hm(0, 0), end: hm(2, 0),
			worst: recovery.Gap{From: hm(0, 0), Since: hm(0, 0), To: hm(1, 0), Duration: 60 * minute, Breach: 30 * minute, NoPoint: true},
			breaching: []recovery.Gap{
				{From: hm(0, 0), Since: hm(0, 0), To: hm(1, 0), Duration: 60 * minute, Breach: 30 * minute, NoPoint: true},
				{From: hm(1, 0), Since: hm(1, 0), To: hm(2, 0), Duration: 60 * minute, Breach: 30 * minute},
			},
			breach: 60 * minute,
		},
		{
			name: "an old and a new point usable from one instant: the new one is the baseline",
			points: []recovery.Point{
				{At: d9(23, 0), Stored: hm(0, 30)}, {At: hm(0, 20), Stored: hm(0, 30)},
			},
			start: hm(0, 0), end: hm(1, 0),
			worst: recovery.Gap{From: hm(0, 20), Since: hm(0, 30), To: hm(1, 0), Duration: 40 * minute, Breach: 10 * minute},
			breaching: []recovery.Gap{
				{From: hm(0, 20), Since: hm(0, 30), To: hm(1, 0), Duration: 40 * minute, Breach: 10 * minute},
			},
			breach: 10 * minute,
		},
		{
			name:   "points usable at or after the end play no part",
			points: []recovery.Point{{At: hm(1, 10)}, {At: hm(0, 50), Stored: hm(1, 0)}, {At: hm(0, 30)}},
			start:  hm(0, 0), end: hm(1, 0),
			worst: recovery.Gap{From: hm(0, 0), Since: hm(0, 0), To: hm(0, 30), Duration: 30 * minute, NoPoint: true},
		},
		{
			name:   "an old point stored during the period replaces the stand-in start",
			points: []recovery.Point{{At: d9(23, 0), Stored: hm(0, 10)}},
			start:  hm(0, 0), end: hm(1, 0),
			worst: recovery.Gap{From: d9(23, 0), Since: hm(0, 10), To: hm(1, 0), Duration: 120 * minute, Breach: 50 * minute},
			breaching: []recovery.Gap{
				{From: d9(23, 0), Since: hm(0, 10), To: hm(1, 0), Duration: 120 * minute, Breach: 50 * minute},
			},
			breach: 50 * minute,
		},
		{
			name: "unordered, duplicated, several usable from one instant",
			points: []recovery.Point{
				{At: hm(0, 40)}, {At: hm(0, 10), Stored: hm(0, 40)}, {At: hm(0, 40)}, {At: hm(0, 20), Stored: hm(0, 40)},
			},
			start: hm(0, 0), end: hm(1, 0),
			worst: recovery.Gap{From: hm(0, 0), Since: hm(0, 0), To: hm(0, 40), Duration: 40 * minute, Breach: 10 * minute, NoPoint: true},
			breaching: []recovery.Gap{
				{From: hm(0, 0), Since: hm(0, 0), To: hm(0, 40), Duration: 40 * minute, Breach: 10 * minute, NoPoint: true},
			},
			breach: 10 * minute,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.points)
			got, err := recovery.Exposure(tt.points, tt.start, tt.end, rpo)
			if err != nil {
				t.Fatal(err)
			}
			if got.Worst != tt.worst {
				t.Errorf("worst gap\n%+v\nwant\n%+v", got.Worst, tt.worst)
			}
			if !slices.Equal(got.Breaching, tt.breaching) {
				t.Errorf("breaching gaps\n%+v\nwant\n%+v", got.Breaching, tt.breaching)
			}
			if got.Breach != tt.breach || got.Met != (tt.breach == 0) || got.Margin != rpo-tt.worst.Duration {
				t.Errorf("breach %v met %v margin %v, want %v %v %v", got.Breach, got.Met, got.Margin, tt.breach, tt.breach == 0, rpo-tt.worst.Duration)
			}
			if !got.Start.Equal(tt.start) || !got.End.Equal(tt.end) || got.Objective != rpo {
				t.Errorf("period %v–%v objective %v", got.Start, got.End, got.Objective)
			}
			if !equalPoints(before, tt.points) {
				t.Errorf("input modified")
			}
		})
	}
}

// TestExposureOlderPointCanRaiseWorst pins down the one case where adding a point
// raises the worst gap: the period start stood in as the baseline, and the new point,
// older than the period, is the true baseline. DataLoss agrees with the larger figure.
func TestExposureOlderPointCanRaiseWorst(t *testing.T) {
	points := []recovery.Point{{At: hm(0, 10)}}
	a := must(recovery.Exposure(points, hm(0, 0), hm(1, 0), 30*time.Minute))
	b := must(recovery.Exposure(append(points, recovery.Point{At: d9(23, 0)}), hm(0, 0), hm(1, 0), 30*time.Minute))
	if a.Worst.Duration != 50*time.Minute || b.Worst.Duration != 70*time.Minute {
		t.Errorf("worst %v then %v, want 50m then 1h10m", a.Worst.Duration, b.Worst.Duration)
	}
	loss := must(recovery.DataLoss(append(points, recovery.Point{At: d9(23, 0)}), hm(0, 5), 30*time.Minute))
	if loss.Loss != 65*time.Minute {
		t.Errorf("loss at 00:05 = %v, want 1h5m", loss.Loss)
	}
}

func TestExposureStrings(t *testing.T) {
	r := must(recovery.Exposure([]recovery.Point{{At: hm(0, 15)}}, hm(0, 0), hm(1, 0), 30*time.Minute))
	if got, want := r.String(), "worst gap 45m of 30m: missed (margin -15m), 15m in breach in 1 gap(s)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := r.Worst.String(), "2026-06-10T00:15:00Z → 2026-06-10T01:00:00Z (45m, 15m in breach)"; got != want {
		t.Errorf("Gap.String() = %q, want %q", got, want)
	}
	g := recovery.Gap{From: hm(0, 0), To: hm(0, 10), Duration: 10 * time.Minute, NoPoint: true}
	if got, want := g.String(), "2026-06-10T00:00:00Z → 2026-06-10T00:10:00Z (10m, no point yet)"; got != want {
		t.Errorf("Gap.String() = %q, want %q", got, want)
	}
}

func TestExposureErrors(t *testing.T) {
	ok := []recovery.Point{{At: hm(0, 10)}}
	tests := []struct {
		name       string
		points     []recovery.Point
		start, end time.Time
		obj        time.Duration
		field      string
		index      int
		sentinel   error
	}{
		{"zero start", ok, time.Time{}, hm(1, 0), time.Hour, "start", -1, recovery.ErrZeroTime},
		{"zero end", ok, hm(0, 0), time.Time{}, time.Hour, "end", -1, recovery.ErrZeroTime},
		{"empty period", ok, hm(1, 0), hm(1, 0), time.Hour, "end", -1, recovery.ErrReversed},
		{"reversed period", ok, hm(1, 0), hm(0, 0), time.Hour, "end", -1, recovery.ErrReversed},
		{"objective", ok, hm(0, 0), hm(1, 0), -time.Second, "objective", -1, recovery.ErrObjective},
		{"zero at", []recovery.Point{{At: hm(0, 10)}, {}}, hm(0, 0), hm(1, 0), time.Hour, "at", 1, recovery.ErrZeroTime},
		{"stored before at", []recovery.Point{{At: hm(0, 10), Stored: hm(0, 9)}}, hm(0, 0), hm(1, 0), time.Hour, "stored", 0, recovery.ErrReversed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := recovery.Exposure(tt.points, tt.start, tt.end, tt.obj)
			wantFieldError(t, err, tt.sentinel, tt.field, tt.index)
		})
	}
}

// checkResult fails unless r is consistent with itself and with its definition
// gap by gap: each gap's Duration and Breach follow from its instants, breaching gaps
// are disjoint and in order inside the period, the worst gap is no smaller than any.
func checkResult(t *rapid.T, r recovery.ExposureResult) {
	gapOK := func(g recovery.Gap) {
		lo := g.Since
		if th := g.From.Add(r.Objective); th.After(lo) {
			lo = th
		}
		breach := time.Duration(0)
		if g.To.After(lo) {
			breach = g.To.Sub(lo)
		}
		if g.Duration != g.To.Sub(g.From) || g.Breach != breach || g.From.After(g.Since) || !g.Since.Before(g.To) ||
			g.Since.Before(r.Start) || g.To.After(r.End) || (g.NoPoint && !(g.From.Equal(r.Start) && g.Since.Equal(r.Start))) {
			t.Fatalf("inconsistent gap %+v in %v–%v", g, r.Start, r.End)
		}
	}
	gapOK(r.Worst)
	var sum time.Duration
	prevTo := r.Start
	for _, g := range r.Breaching {
		gapOK(g)
		if g.Breach <= 0 || g.Since.Before(prevTo) || g.Duration > r.Worst.Duration {
			t.Fatalf("breaching gap %+v out of order, not in breach or over the worst %v", g, r.Worst)
		}
		prevTo = g.To
		sum += g.Breach
	}
	if sum != r.Breach || r.Breach > r.End.Sub(r.Start) {
		t.Fatalf("breach %v, sum of gaps %v, period %v", r.Breach, sum, r.End.Sub(r.Start))
	}
	if r.Margin != r.Objective-r.Worst.Duration || r.Met != (r.Worst.Duration <= r.Objective) || r.Met != (r.Breach == 0) || r.Met != (r.Breaching == nil) {
		t.Fatalf("inconsistent verdict %+v", r)
	}
}

// checkExposureOracle: on small whole-second histories, Exposure agrees with the
// exposure function stepped second by second.
func checkExposureOracle(t *rapid.T) {
	points := rapid.SliceOfN(smallPoint(), 0, 10).Draw(t, "points")
	start, end, obj := smallPeriod(t)
	got, err := recovery.Exposure(points, start, end, obj)
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, got)
	worst, breach := bruteExposure(points, start, end, obj)
	if got.Worst.Duration != worst || got.Breach != breach || got.Met != (worst <= obj) {
		t.Fatalf("worst %v breach %v met %v; stepping gives worst %v breach %v",
			got.Worst.Duration, got.Breach, got.Met, worst, breach)
	}
}

func TestExposureOracle(t *testing.T)        { rapid.Check(t, checkExposureOracle) }
func FuzzExposureOracle(f *testing.F)        { f.Fuzz(rapid.MakeFuzz(checkExposureOracle)) }
func TestExposurePlainGaps(t *testing.T)     { rapid.Check(t, checkPlainGaps) }
func FuzzExposurePlainGaps(f *testing.F)     { f.Fuzz(rapid.MakeFuzz(checkPlainGaps)) }
func TestWorstCoversDataLoss(t *testing.T)   { rapid.Check(t, checkWorstCoversDataLoss) }
func FuzzWorstCoversDataLoss(f *testing.F)   { f.Fuzz(rapid.MakeFuzz(checkWorstCoversDataLoss)) }
func TestAddingPointNeverHurts(t *testing.T) { rapid.Check(t, checkAddingPointNeverHurts) }
func FuzzAddingPointNeverHurts(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkAddingPointNeverHurts)) }
func TestExposureOrder(t *testing.T)         { rapid.Check(t, checkExposureOrder) }
func FuzzExposureOrder(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(checkExposureOrder)) }
func TestBreachWithinPeriod(t *testing.T)    { rapid.Check(t, checkBreachWithinPeriod) }
func FuzzBreachWithinPeriod(f *testing.F)    { f.Fuzz(rapid.MakeFuzz(checkBreachWithinPeriod)) }
func TestExposureAnyInput(t *testing.T)      { rapid.Check(t, checkExposureAnyInput) }
func FuzzExposure(f *testing.F)              { f.Fuzz(rapid.MakeFuzz(checkExposureAnyInput)) }

// checkPlainGaps: with no Stored times and every point inside the period, the worst
// gap and the breach are those of the plain gap list (start, the points, end), for
// nanosecond times over spans of years.
func checkPlainGaps(t *rapid.T) {
	const year = 365 * 24 * int64(time.Hour)
	span := rapid.Int64Range(1, 3*year).Draw(t, "span")
	start := t0.Add(time.Duration(rapid.Int64Range(-year, year).Draw(t, "start")))
	end := start.Add(time.Duration(span))
	obj := time.Duration(rapid.Int64Range(1, span).Draw(t, "objective"))
	offsets := rapid.SliceOfN(rapid.Int64Range(0, span), 0, 50).Draw(t, "offsets")
	points := make([]recovery.Point, len(offsets))
	for i, o := range offsets {
		points[i] = recovery.Point{At: start.Add(time.Duration(o))}
	}
	got, err := recovery.Exposure(points, start, end, obj)
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, got)

	bounds := append([]int64{0}, offsets...)
	bounds = append(bounds, span)
	slices.Sort(bounds)
	var worst, breach time.Duration
	n := 0
	for i := 1; i < len(bounds); i++ {
		g := time.Duration(bounds[i] - bounds[i-1])
		worst = max(worst, g)
		if g > obj {
			breach += g - obj
			n++
		}
	}
	if got.Worst.Duration != worst || got.Breach != breach || len(got.Breaching) != n {
		t.Fatalf("worst %v breach %v in %d gaps; plain gaps give %v, %v in %d", got.Worst.Duration, got.Breach, len(got.Breaching), worst, breach, n)
	}
}

// checkWorstCoversDataLoss: the data loss at any incident in [start, end) is at most
// the worst gap, and the worst gap is approached: just before its end an incident
// loses all but a nanosecond of it (unless the period start stood in for a point).
func checkWorstCoversDataLoss(t *rapid.T) {
	points := rapid.SliceOfN(smallPoint(), 0, 10).Draw(t, "points")
	start, end, obj := smallPeriod(t)
	r, err := recovery.Exposure(points, start, end, obj)
	if err != nil {
		t.Fatal(err)
	}
	var incidents []time.Time // the period is [start, end): end is not in it
	for x := start; x.Before(end); x = x.Add(time.Second) {
		incidents = append(incidents, x, x.Add(time.Second-time.Nanosecond))
	}
	for _, x := range incidents {
		l, err := recovery.DataLoss(points, x, obj)
		if err == nil && l.Loss > r.Worst.Duration {
			t.Fatalf("loss %v at %v exceeds the worst gap %+v", l.Loss, x, r.Worst)
		}
	}
	if !r.Worst.NoPoint {
		l, err := recovery.DataLoss(points, r.Worst.To.Add(-time.Nanosecond), obj)
		if err != nil || l.Loss != r.Worst.Duration-time.Nanosecond {
			t.Fatalf("just before the worst gap ends: %v, %v; worst %+v", l, err, r.Worst)
		}
	}
}

// checkAddingPointNeverHurts: adding a point never increases the worst gap or the
// breach, provided the new point is not older than the period, or some point was
// already usable at the period start (otherwise the new, older point replaces the
// stand-in period start: see TestExposureOlderPointCanRaiseWorst).
func checkAddingPointNeverHurts(t *rapid.T) {
	points := rapid.SliceOfN(smallPoint(), 0, 10).Draw(t, "points")
	start, end, obj := smallPeriod(t)
	extra := smallPoint().Draw(t, "extra")
	covered := slices.ContainsFunc(points, func(p recovery.Point) bool { return !p.UsableFrom().After(start) })
	if extra.At.Before(start) && !covered {
		t.Skip("the new point replaces the stand-in period start")
	}
	a := must(recovery.Exposure(points, start, end, obj))
	b := must(recovery.Exposure(append(slices.Clone(points), extra), start, end, obj))
	if b.Worst.Duration > a.Worst.Duration || b.Breach > a.Breach || (a.Met && !b.Met) {
		t.Fatalf("adding %+v: worst %v → %v, breach %v → %v", extra, a.Worst.Duration, b.Worst.Duration, a.Breach, b.Breach)
	}
}

// checkExposureOrder: shuffling and duplicating the points changes nothing, and the
// caller's slice is left alone.
func checkExposureOrder(t *rapid.T) {
	points := rapid.SliceOfN(smallPoint(), 1, 20).Draw(t, "points")
	start, end, obj := smallPeriod(t)
	more := slices.Clone(points)
	for _, i := range rapid.SliceOfN(rapid.IntRange(0, len(points)-1), 0, 5).Draw(t, "dups") {
		more = append(more, points[i])
	}
	more = rapid.Permutation(more).Draw(t, "shuffled")
	before := slices.Clone(more)
	a := must(recovery.Exposure(points, start, end, obj))
	b := must(recovery.Exposure(more, start, end, obj))
	if a.Worst != b.Worst || a.Breach != b.Breach || !slices.Equal(a.Breaching, b.Breaching) || a.Met != b.Met || a.Margin != b.Margin {
		t.Fatalf("order matters:\n%+v\n%+v", a, b)
	}
	if !equalPoints(before, more) {
		t.Fatalf("input modified")
	}
}

// checkBreachWithinPeriod: on histories with nanosecond times spread over years,
// late stores and points far outside the period, the breach never exceeds the period
// and every figure is consistent.
func checkBreachWithinPeriod(t *rapid.T) {
	const year = 365 * 24 * int64(time.Hour)
	start := t0.Add(time.Duration(rapid.Int64Range(-year, year).Draw(t, "start")))
	end := start.Add(time.Duration(rapid.Int64Range(1, 2*year).Draw(t, "length")))
	obj := time.Duration(rapid.Int64Range(1, year).Draw(t, "objective"))
	points := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) recovery.Point {
		p := recovery.Point{At: start.Add(time.Duration(rapid.Int64Range(-2*year, 3*year).Draw(t, "at")))}
		if rapid.Bool().Draw(t, "stored") {
			p.Stored = p.At.Add(time.Duration(rapid.Int64Range(0, year).Draw(t, "delay")))
		}
		return p
	}), 0, 30).Draw(t, "points")
	r, err := recovery.Exposure(points, start, end, obj)
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, r)
}

// checkExposureAnyInput: Exposure never panics; on any input it returns an
// *FieldError or a self-consistent result.
func checkExposureAnyInput(t *rapid.T) {
	points := rapid.SliceOfN(anyPoint(), 0, 8).Draw(t, "points")
	start, end := anyTime("start").Draw(t, "start"), anyTime("end").Draw(t, "end")
	obj := anyObjective(t)
	r, err := recovery.Exposure(points, start, end, obj)
	if err != nil {
		checkFieldError(t, err)
		return
	}
	checkResult(t, r)
	_ = r.String()
}

// benchPoints returns n points 15 minutes apart, each stored 2 minutes after its At,
// with a 45-minute gap every 1000 points: sorted, as a backup log would be.
func benchPoints(n int) []recovery.Point {
	points := make([]recovery.Point, n)
	at := t0
	for i := range points {
		if i%1000 == 999 {
			at = at.Add(30 * time.Minute)
		}
		points[i] = recovery.Point{At: at, Stored: at.Add(2 * time.Minute)}
		at = at.Add(15 * time.Minute)
	}
	return points
}

func benchExposure(b *testing.B, points []recovery.Point) {
	start, end := t0.Add(-time.Hour), points[len(points)-1].At.Add(time.Hour)
	for b.Loop() {
		r, err := recovery.Exposure(points, start, end, 30*time.Minute)
		if err != nil || r.Met {
			b.Fatal(err, r)
		}
	}
}

func BenchmarkExposure1MSorted(b *testing.B) { benchExposure(b, benchPoints(1_000_000)) }

func BenchmarkExposure1MShuffled(b *testing.B) {
	points := benchPoints(1_000_000)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(points), func(i, j int) { points[i], points[j] = points[j], points[i] })
	benchExposure(b, points)
}

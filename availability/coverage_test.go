package availability_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"pgregory.net/rapid"
)

// TestComputeCoveredVerdicts works through I15 on June 2026 in Paris with the
// preset rules: T − P = 690 h, so the 99.9 % budget is 41 min 24 s.
func TestComputeCoveredVerdicts(t *testing.T) {
	june := month(t, 2026, time.June, "Europe/Paris")
	at := func(d, h, m int) time.Time { return paris(t, 2026, 6, d, h, m, 0) }
	budget := 41*time.Minute + 24*time.Second
	// gap returns June monitored except [from, from+d).
	gap := func(from time.Time, d time.Duration) availability.Coverage {
		return availability.Monitored(
			calendar.Interval{Start: june.Start, End: from},
			calendar.Interval{Start: from.Add(d), End: june.End},
		)
	}
	for _, tc := range []struct {
		name      string
		coverage  availability.Coverage
		outages   []availability.Outage
		U, M      time.Duration
		monitored time.Duration
		low, high string
		verdict   availability.Verdict
	}{
		{"fully monitored, nothing down", availability.FullyMonitored(), nil,
			0, 0, 720 * time.Hour, "1", "1", availability.VerdictMet},
		{"coverage not supplied", availability.Coverage{}, nil,
			0, 690 * time.Hour, 0, "0", "1", availability.VerdictUnknown},
		{"coverage supplied, empty", availability.Monitored(), nil,
			0, 690 * time.Hour, 0, "0", "1", availability.VerdictUnknown},
		{"coverage all in May", availability.Monitored(calendar.Interval{Start: june.Start.AddDate(0, -1, 0), End: june.Start}), nil,
			0, 690 * time.Hour, 0, "0", "1", availability.VerdictUnknown},
		{"a gap of exactly the budget is met", gap(at(15, 10, 0), budget), nil,
			0, budget, 720*time.Hour - budget, "0.999", "1", availability.VerdictMet},
		{"a nanosecond more is unknown", gap(at(15, 10, 0), budget+time.Nanosecond), nil,
			0, budget + time.Nanosecond, 720*time.Hour - budget - time.Nanosecond,
			"0.998999999999999597423510466989", "1", availability.VerdictUnknown},
		{"an hour down while monitored is missed whatever the gap", gap(at(15, 10, 0), time.Hour),
			[]availability.Outage{unplanned(at(20, 10, 0), at(20, 11, 0))},
			time.Hour, time.Hour, 719 * time.Hour,
			"0.997101449275362318840579710145", "0.998550724637681159420289855072", availability.VerdictMissed},
		{"an outage in the gap is downtime, not unknown", gap(at(15, 10, 0), 2*time.Hour),
			[]availability.Outage{unplanned(at(15, 10, 30), at(15, 11, 0))},
			30 * time.Minute, 90 * time.Minute, 718 * time.Hour,
			"0.997101449275362318840579710145", "0.999275362318840579710144927536", availability.VerdictUnknown},
		{"the window in a gap stays planned", gap(at(15, 0, 0), 3*time.Hour), nil,
			0, 2 * time.Hour, 717 * time.Hour,
			"0.997101449275362318840579710145", "1", availability.VerdictUnknown},
		{"no coverage at all and an outage is still unknown", availability.Coverage{},
			[]availability.Outage{unplanned(at(20, 10, 0), at(20, 12, 0))},
			2 * time.Hour, 688 * time.Hour, 0, "0", "0.997101449275362318840579710145", availability.VerdictUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := availability.ComputeCovered(june, tc.outages, tc.coverage, specRules("Europe/Paris"))
			if err != nil {
				t.Fatal(err)
			}
			if r.Unplanned != tc.U || r.Unknown != tc.M || r.Monitored != tc.monitored || r.Planned != 30*time.Hour ||
				!r.Availability.Equal(dec(tc.low)) || !r.Highest.Equal(dec(tc.high)) ||
				r.Verdict != tc.verdict || r.Met != (tc.verdict == availability.VerdictMet) {
				t.Errorf("%s\nwant U=%v M=%v monitored=%v avail=%s..%s %v", summary(r), tc.U, tc.M, tc.monitored, tc.low, tc.high, tc.verdict)
			}
			checkShape(t, r, tc.outages)
			checkBounds(t, r, dec("0.999"), r.Monitored == 0 && !tc.coverage.IsFull())
		})
	}
}

func TestCoverageKinds(t *testing.T) {
	var none availability.Coverage
	full := availability.FullyMonitored()
	empty := availability.Monitored()
	iv := calendar.Interval{Start: time.Now(), End: time.Now().Add(time.Hour)} // monotonic readings, stripped
	one := availability.Monitored(iv)
	if none.IsSupplied() || none.IsFull() || !full.IsSupplied() || !full.IsFull() ||
		!empty.IsSupplied() || empty.IsFull() || !one.IsSupplied() || one.IsFull() {
		t.Error("IsSupplied/IsFull disagree with the constructors")
	}
	if none.Intervals() != nil || full.Intervals() != nil || empty.Intervals() == nil || len(empty.Intervals()) != 0 {
		t.Error("Intervals of the zero value and of full coverage must be nil, of Monitored() empty")
	}
	got := one.Intervals()
	if len(got) != 1 || got[0].Start != iv.Start.Round(0) || got[0].End != iv.End.Round(0) { // == on purpose: stripped
		t.Errorf("Intervals = %v", got)
	}
	got[0].Start = time.Time{}
	if one.Intervals()[0].Start.IsZero() {
		t.Error("Intervals shares its slice")
	}
}

func TestCoverageJSON(t *testing.T) {
	type file struct {
		Coverage availability.Coverage `json:"coverage,omitzero"`
	}
	start := time.Date(2026, 6, 1, 0, 0, 0, 0, mustLoc(t, "Europe/Paris"))
	for _, tc := range []struct {
		c    availability.Coverage
		json string
	}{
		{availability.Coverage{}, `{}`},
		{availability.FullyMonitored(), `{"coverage":"full"}`},
		{availability.Monitored(), `{"coverage":[]}`},
		{availability.Monitored(calendar.Interval{Start: start, End: start.Add(36 * time.Hour)}),
			`{"coverage":[{"start":"2026-06-01T00:00:00+02:00","end":"2026-06-02T12:00:00+02:00"}]}`},
	} {
		data, err := json.Marshal(file{tc.c})
		if err != nil || string(data) != tc.json {
			t.Errorf("Marshal = %s, %v; want %s", data, err, tc.json)
		}
		var back file
		if err := json.Unmarshal(data, &back); err != nil || back.Coverage.IsSupplied() != tc.c.IsSupplied() ||
			back.Coverage.IsFull() != tc.c.IsFull() || len(back.Coverage.Intervals()) != len(tc.c.Intervals()) {
			t.Errorf("%s read back as %+v, %v", data, back, err)
		}
	}
	for _, tc := range []struct{ in, msg string }{
		{`5`, `"5": invalid value: want "full" or a list of intervals [{"start":…,"end":…}]`},
		{`"partial"`, `"\"partial\"": invalid value: want "full" or a list of intervals [{"start":…,"end":…}]`},
		{`[{"start":"2026-06-01T00:00:00Z","stop":"2026-06-02T00:00:00Z"}]`, `[0].stop: unknown field: want one of start, end`},
		{`[{"start":"2026-06-01T00:00:00Z","start":"2026-06-02T00:00:00Z"}]`, `[0].start: duplicate: key written twice in one object`},
		{`[1]`, `[0] "1": invalid value: want an object`},
	} {
		var c availability.Coverage
		if err := json.Unmarshal([]byte(tc.in), &c); err == nil || err.Error() != tc.msg {
			t.Errorf("%s:\n got %v\nwant %s", tc.in, err, tc.msg)
		}
	}
}

func TestCoverageErrors(t *testing.T) {
	june := month(t, 2026, time.June, "Europe/Paris")
	c := availability.Monitored(
		calendar.Interval{Start: june.Start, End: june.End},
		calendar.Interval{End: june.End},
		calendar.Interval{Start: june.End, End: june.Start},
		calendar.Interval{Start: june.Start},
	)
	const want = `coverage[1].start: missing: want an RFC 3339 time` + "\n" +
		`coverage[2].end "2026-06-01T00:00:00+02:00": end before start: want at or after start "2026-07-01T00:00:00+02:00"` + "\n" +
		`coverage[3].end: missing: want an RFC 3339 time`
	if err := c.Validate(); err == nil || err.Error() != want || !errors.Is(err, availability.ErrReversed) {
		t.Errorf("Validate:\n got %v\nwant %s", err, want)
	}
	if _, err := availability.ComputeCovered(june, nil, c, specRules("Europe/Paris")); err == nil || err.Error() != want {
		t.Errorf("ComputeCovered:\n got %v\nwant %s", err, want)
	}
}

// ---- properties -------------------------------------------------------------

// coverageDraw is a random coverage and its oracle: which minutes it saw.
type coverageDraw struct {
	c    availability.Coverage
	ivs  []calendar.Interval
	full bool
}

func (d coverageDraw) seen() func(time.Time) bool {
	if d.full {
		return nil
	}
	return func(m time.Time) bool {
		for _, iv := range d.ivs {
			if iv.Contains(m) {
				return true
			}
		}
		return false
	}
}

// genCoverage draws no coverage, full coverage, or up to six intervals of
// whole minutes around period, which may overlap, touch or fall outside it.
func genCoverage(t *rapid.T, period calendar.Interval) coverageDraw {
	switch rapid.IntRange(0, 9).Draw(t, "coverage kind") {
	case 0:
		return coverageDraw{}
	case 1:
		return coverageDraw{c: availability.FullyMonitored(), full: true}
	case 2:
		return coverageDraw{c: availability.Monitored(period), ivs: []calendar.Interval{period}}
	}
	minutes := int(period.Duration() / time.Minute)
	var ivs []calendar.Interval
	for range rapid.IntRange(0, 6).Draw(t, "monitored intervals") {
		s := rapid.IntRange(-1440, minutes+1440).Draw(t, "monitored from")
		n := rapid.IntRange(0, minutes+1).Draw(t, "monitored minutes")
		from := period.Start.Add(time.Duration(s) * time.Minute)
		ivs = append(ivs, calendar.Interval{Start: from, End: from.Add(time.Duration(n) * time.Minute)})
	}
	return coverageDraw{c: availability.Monitored(ivs...), ivs: ivs}
}

// checkCoverageOracle: ComputeCovered agrees with stepping minute by minute,
// with random gaps in coverage, on every figure, the evidence, the bounds and
// the three-valued verdict.
func checkCoverageOracle(t *rapid.T) {
	s := genScenario(t)
	cov := genCoverage(t, s.period)
	r, err := availability.ComputeCovered(s.period, s.outages, cov.c, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	o := coveredOracle(s.period, s.outages, s.win, s.notice, cov.seen())
	monitored := o.total
	if seen := cov.seen(); seen != nil {
		monitored = 0
		for m := s.period.Start; m.Before(s.period.End); m = m.Add(time.Minute) {
			if seen(m) {
				monitored += time.Minute
			}
		}
	}
	if r.Total != o.total || r.Planned != o.by[availability.ClassPlanned] || r.Unplanned != o.by[availability.ClassUnplanned] ||
		r.Excluded != o.by[availability.ClassExcluded] || r.Unknown != o.by[availability.ClassUnknown] ||
		r.Up != o.by[availability.ClassUp] || r.Monitored != monitored {
		t.Fatalf("%s\noracle T=%v P=%v U=%v E=%v M=%v up=%v monitored=%v", summary(r), o.total, o.by[availability.ClassPlanned],
			o.by[availability.ClassUnplanned], o.by[availability.ClassExcluded], o.by[availability.ClassUnknown], o.by[availability.ClassUp], monitored)
	}
	sameEvidence(t, r.Evidence, o.evidence)
	for i := range s.outages {
		if r.Outages[i] != o.outages[i] {
			t.Fatalf("outage %d: breakdown %+v, oracle %+v", i, r.Outages[i], o.outages[i])
		}
	}
	checkShape(t, r, s.outages)
	checkBounds(t, r, s.obj, !cov.full && monitored == 0)
	if cov.full {
		checkFormula(t, r, s.obj)
	}
}

// checkWholePeriodCovered: intervals that cover the whole period give exactly
// the report of Compute, which assumes full monitoring.
func checkWholePeriodCovered(t *rapid.T) {
	s := genScenario(t)
	cut := s.period.Start.Add(time.Duration(rapid.Int64Range(0, int64(s.period.Duration())).Draw(t, "cut")))
	c := availability.Monitored(
		calendar.Interval{Start: cut, End: s.period.End.Add(time.Hour)},
		calendar.Interval{Start: s.period.Start.Add(-time.Hour), End: cut},
	)
	got, err := availability.ComputeCovered(s.period, s.outages, c, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	want, err := availability.Compute(s.period, s.outages, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	if s.period.Duration() == 0 { // nothing monitored: unknown, whatever Compute says
		if got.Verdict != availability.VerdictUnknown {
			t.Fatalf("an empty period with listed coverage: %s", summary(got))
		}
		return
	}
	sameTotals(t, got, want)
}

// checkMoreCoverage: monitoring more never changes a met or missed verdict,
// never raises the unknown time, never lowers the least availability, and
// never moves the highest.
func checkMoreCoverage(t *rapid.T) {
	s := genScenario(t)
	cov := genCoverage(t, s.period)
	if cov.full || !cov.c.IsSupplied() {
		return
	}
	before, err := availability.ComputeCovered(s.period, s.outages, cov.c, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	more := append(cov.ivs, genCoverage(t, s.period).ivs...)
	after, err := availability.ComputeCovered(s.period, s.outages, availability.Monitored(more...), s.rules())
	if err != nil {
		t.Fatal(err)
	}
	if before.Verdict != availability.VerdictUnknown && after.Verdict != before.Verdict ||
		after.Unknown > before.Unknown || after.Monitored < before.Monitored ||
		after.Availability.Cmp(before.Availability) < 0 || !after.Highest.Equal(before.Highest) {
		t.Fatalf("more coverage:\nbefore %s\n after %s", summary(before), summary(after))
	}
}

// checkCoveredObservation: for a report built from a whole-minute oracle,
// the least availability is exactly (T − P − U − M) / (T − P).
func checkCoveredExact(t *rapid.T) {
	s := genScenario(t)
	cov := genCoverage(t, s.period)
	r, err := availability.ComputeCovered(s.period, s.outages, cov.c, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	if committed := r.Total - r.Planned; committed > 0 {
		want := big.NewRat(int64(committed-r.Unplanned-r.Unknown), int64(committed))
		if !roundedTo(r.Availability, want, availability.Precision) {
			t.Fatalf("availability %s, want %s", r.Availability, want.FloatString(35))
		}
	}
}

func TestCoverageOracle(t *testing.T)     { rapid.Check(t, checkCoverageOracle) }
func TestWholePeriodCovered(t *testing.T) { rapid.Check(t, checkWholePeriodCovered) }
func TestMoreCoverage(t *testing.T)       { rapid.Check(t, checkMoreCoverage) }
func TestCoveredExact(t *testing.T)       { rapid.Check(t, checkCoveredExact) }

func FuzzCoverageOracle(f *testing.F)     { f.Fuzz(rapid.MakeFuzz(checkCoverageOracle)) }
func FuzzWholePeriodCovered(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkWholePeriodCovered)) }
func FuzzMoreCoverage(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(checkMoreCoverage)) }

// FuzzCoverageJSON decodes arbitrary bytes as a coverage: no panic; what
// decodes encodes to JSON that decodes to the same kind and intervals, and
// ComputeCovered either accepts it or names the bad interval.
func FuzzCoverageJSON(f *testing.F) {
	for _, s := range []string{`"full"`, `null`, `[]`, `[{"start":"2026-06-01T00:00:00Z","end":"2026-06-02T00:00:00Z"}]`,
		`[{"start":"2026-06-02T00:00:00Z","end":"2026-06-01T00:00:00Z"}]`, `[{}]`, `"partial"`, `{}`} {
		f.Add([]byte(s))
	}
	june := month(f, 2026, time.June, "Europe/Paris")
	f.Fuzz(func(t *testing.T, data []byte) {
		var c availability.Coverage
		if json.Unmarshal(data, &c) != nil {
			return
		}
		again, err := json.Marshal(c)
		if err != nil {
			t.Fatalf("%s decoded but does not encode: %v", data, err)
		}
		var back availability.Coverage
		if err := json.Unmarshal(again, &back); err != nil || back.IsSupplied() != c.IsSupplied() || back.IsFull() != c.IsFull() {
			t.Fatalf("%s -> %s -> %v", data, again, err)
		}
		a, b := c.Intervals(), back.Intervals()
		if len(a) != len(b) {
			t.Fatalf("%d intervals came back as %d", len(a), len(b))
		}
		for i := range a {
			if !a[i].Start.Equal(b[i].Start) || !a[i].End.Equal(b[i].End) {
				t.Fatalf("interval %d: %v came back as %v", i, a[i], b[i])
			}
		}
		if _, err := availability.ComputeCovered(june, nil, c, specRules("Europe/Paris")); err != nil {
			var fe *availability.FieldError
			if !errors.As(err, &fe) || c.Validate() == nil {
				t.Fatalf("ComputeCovered: %v (Validate: %v)", err, c.Validate())
			}
		}
	})
}

package availability_test

import (
	"encoding/json"
	"errors"
	"math"
	"math/big"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"pgregory.net/rapid"
)

func TestFromSlices(t *testing.T) {
	at := func(m int) time.Time { return time.Date(2026, 6, 10, 10, m, 0, 0, time.UTC) }
	period := calendar.Interval{Start: at(0), End: at(12)}
	counts := []availability.Slice{
		{100, 100}, // 09:59, before the period: clipped away
		{100, 100}, // 10:00 up
		{94, 100},  // 10:01 6 % failed: bad, but alone: up with MinRun 2
		{95, 100},  // 10:02 exactly 5 %: not above the threshold, up
		{0, 0},     // 10:03 no requests: unknown
		{90, 100},  // 10:04 bad
		{80, 100},  // 10:05 bad: two in a row, down
		{100, 100}, // 10:06 up
		{0, 10},    // 10:07 bad, alone
		{1, 1},     // 10:08 up
	} // 10:09 to 10:12: no slice, unknown
	given := append([]availability.Slice(nil), counts...)
	rule := availability.SliceRule{Length: time.Minute, Threshold: ratio("5%"), MinRun: 2}
	obs, err := availability.FromSlices(period, at(-1), counts, rule)
	if err != nil {
		t.Fatal(err)
	}
	if len(obs.Outages) != 1 || !sameOutage(obs.Outages[0], availability.Outage{Start: at(4), End: at(6)}) {
		t.Errorf("outages %+v, want 10:04-10:06", obs.Outages)
	}
	wantGaps := []calendar.Interval{{Start: at(3), End: at(4)}, {Start: at(9), End: at(12)}}
	if len(obs.Gaps) != 2 || !obs.Gaps[0].Start.Equal(wantGaps[0].Start) || !obs.Gaps[0].End.Equal(wantGaps[0].End) ||
		!obs.Gaps[1].Start.Equal(wantGaps[1].Start) || !obs.Gaps[1].End.Equal(wantGaps[1].End) {
		t.Errorf("gaps %v, want %v", obs.Gaps, wantGaps)
	}
	if obs.Up != 6*time.Minute || obs.Down != 2*time.Minute || obs.Missing != 4*time.Minute {
		t.Errorf("up %v down %v missing %v", obs.Up, obs.Down, obs.Missing)
	}
	for i := range counts {
		if counts[i] != given[i] {
			t.Fatal("the counts were modified")
		}
	}
	// Every bad slice counts with MinRun 0; "0%" makes any failure bad.
	obs, _ = availability.FromSlices(period, at(-1), counts, availability.SliceRule{Length: time.Minute, Threshold: ratio("0%")})
	if obs.Down != 5*time.Minute || len(obs.Outages) != 3 {
		t.Errorf("threshold 0%%: down %v in %d outages, want 5m in 3", obs.Down, len(obs.Outages))
	}
	// Into the formula: 2 min down, 4 min unknown of 12.
	r, err := availability.ComputeCovered(period, obs.Outages, obs.Coverage(), availability.Rules{Objective: dec("0.5")})
	if err != nil {
		t.Fatal(err)
	}
	if r.Unplanned != 5*time.Minute || r.Unknown != 4*time.Minute || r.Monitored != 8*time.Minute ||
		!r.Availability.Equal(dec("0.25")) || r.Verdict != availability.VerdictUnknown {
		t.Errorf("%s", summary(r))
	}
}

// TestFromSlicesHugeCounts: counts near the int64 limit compare exactly, in
// 128 bits and, for a threshold of more than 19 decimals, in decimals.
func TestFromSlicesHugeCounts(t *testing.T) {
	start := time.Date(2026, 6, 10, 10, 0, 0, 0, time.UTC)
	period := calendar.Interval{Start: start, End: start.Add(2 * time.Minute)}
	const total = math.MaxInt64
	failed := int64(math.MaxInt64 / 20) // 0.05 × (2^63 − 1) rounded down: not above 5 %
	for _, tc := range []struct {
		threshold string
		failed    int64
		down      time.Duration
	}{
		{"5%", failed, 0},
		{"5%", failed + 1, time.Minute},
		{"4.999999999999999990000001%", failed, time.Minute}, // 26 decimals: the decimal path
		{"5.000000000000000010000001%", failed + 1, 0},       // (2^63 − 1) × 0.05000000000000000010000001 ≈ failed + 1.27
	} {
		counts := []availability.Slice{{Good: total - tc.failed, Total: total}, {Good: 1, Total: 1}}
		obs, err := availability.FromSlices(period, start, counts, availability.SliceRule{Length: time.Minute, Threshold: ratio(tc.threshold)})
		if err != nil || obs.Down != tc.down {
			t.Errorf("threshold %s, %d failed of %d: down %v, %v; want %v", tc.threshold, tc.failed, int64(total), obs.Down, err, tc.down)
		}
	}
}

func TestFromSlicesErrors(t *testing.T) {
	june := month(t, 2026, time.June, "Europe/Paris")
	rule := availability.SliceRule{Length: time.Minute, Threshold: ratio("5%")}
	for _, tc := range []struct {
		start  time.Time
		counts []availability.Slice
		rule   availability.SliceRule
		err    error
		msg    string
	}{
		{time.Time{}, nil, rule, availability.ErrMissing, `start: missing: want the RFC 3339 start of the first slice`},
		{june.Start, nil, availability.SliceRule{Threshold: ratio("100%"), MinRun: -1}, availability.ErrRange,
			`length "0s": not positive: want the length of a slice, such as "1m"` + "\n" +
				`threshold "100%": out of range: want at least 0% and below 100%, such as "5%"` + "\n" +
				`min_run "-1": negative: want 0 or more consecutive slices`},
		{june.Start, nil, availability.SliceRule{Length: time.Minute, Threshold: ratio("-1%")}, availability.ErrRange,
			`threshold "-1%": out of range: want at least 0% and below 100%, such as "5%"`},
		{june.Start, []availability.Slice{{1, 1}, {-1, 5}, {3, 2}, {0, -1}}, rule, availability.ErrRange,
			`counts[1].good "-1": negative: want 0 or more requests` + "\n" +
				`counts[2].good "3": out of range: want at most the total, 2` + "\n" +
				`counts[3].total "-1": negative: want 0 or more requests`},
		{june.Start, make([]availability.Slice, 3), availability.SliceRule{Length: math.MaxInt64 / 2, Threshold: ratio("5%")}, availability.ErrTooLong,
			`counts "3 slices": period longer than 292 years: want at most 2 slices of 1281023h53m38.427387903s`},
	} {
		_, err := availability.FromSlices(june, tc.start, tc.counts, tc.rule)
		if err == nil || err.Error() != tc.msg || !errors.Is(err, tc.err) {
			t.Errorf("\n got %v\nwant %s", err, tc.msg)
		}
	}
}

func TestSliceRuleJSON(t *testing.T) {
	r := availability.SliceRule{Length: time.Minute, Threshold: ratio("5%"), MinRun: 5}
	const want = `{"length":"1m","threshold":"5%","min_run":5}`
	if data, err := json.Marshal(r); err != nil || string(data) != want {
		t.Errorf("Marshal = %s, %v", data, err)
	}
	var back availability.SliceRule
	if err := json.Unmarshal([]byte(want), &back); err != nil || back.Length != r.Length || back.Threshold.Cmp(r.Threshold) != 0 || back.MinRun != 5 {
		t.Errorf("Unmarshal = %+v, %v", back, err)
	}
	for _, tc := range []struct{ in, msg string }{
		{`{"length":60000000000,"threshold":"5%"}`, `length "60000000000": invalid value: want a duration such as "24h" or "1h30m"`},
		{`{"length":"1m","threshold":"5%","runs":5}`, `runs: unknown field: want one of length, threshold, min_run`},
		{`{"length":"1m","threshold":0.05}`, `threshold "0.05": invalid syntax: want a percentage in quotes, such as "99.9%"`},
	} {
		var r availability.SliceRule
		if err := json.Unmarshal([]byte(tc.in), &r); err == nil || err.Error() != tc.msg {
			t.Errorf("%s:\n got %v\nwant %s", tc.in, err, tc.msg)
		}
	}
}

// ---- the brute-force oracle ----------------------------------------------------

// checkSlicesOracle: FromSlices agrees with reading every minute on its own:
// find its slice, decide the slice's error ratio with big.Rat, count the run
// of bad slices around it one by one. Its outages and coverage then give
// ComputeCovered the same downtime and unknown time.
func checkSlicesOracle(t *rapid.T) {
	zone := genZone().Draw(t, "zone")
	day := time.Date(2026, time.Month(rapid.IntRange(1, 12).Draw(t, "month")), rapid.IntRange(1, 28).Draw(t, "day"), 0, 0, 0, 0, mustLoc(t, zone))
	period := calendar.Interval{Start: day, End: day.Add(time.Duration(rapid.IntRange(0, 3*1440).Draw(t, "period minutes")) * time.Minute)}
	length := time.Duration(rapid.SampledFrom([]int{1, 1, 5, 60, 7}).Draw(t, "slice minutes")) * time.Minute
	start := day.Add(time.Duration(rapid.IntRange(-600, 600).Draw(t, "start minutes")) * time.Minute)
	big64 := rapid.Bool().Draw(t, "huge counts")
	counts := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) availability.Slice {
		if big64 {
			total := rapid.Int64Range(0, math.MaxInt64).Draw(t, "total")
			return availability.Slice{Good: rapid.Int64Range(0, total).Draw(t, "good"), Total: total}
		}
		total := rapid.Int64Range(0, 20).Draw(t, "total")
		return availability.Slice{Good: rapid.Int64Range(max(0, total-3), total).Draw(t, "good"), Total: total}
	}), 0, 200).Draw(t, "counts")
	threshold := availability.Ratio(decimal.New(int64(rapid.IntRange(0, 99).Draw(t, "threshold %")), -2))
	if rapid.IntRange(0, 4).Draw(t, "odd threshold") == 0 {
		exp := int32(rapid.IntRange(-30, -1).Draw(t, "threshold exponent"))
		limit := decimal.New(1, -exp).IntPart()
		if exp < -18 {
			limit = math.MaxInt64
		}
		threshold = availability.Ratio(decimal.New(rapid.Int64Range(0, limit-1).Draw(t, "threshold digits"), exp))
	}
	rule := availability.SliceRule{Length: length, Threshold: threshold, MinRun: rapid.IntRange(0, 4).Draw(t, "min run")}
	obs, err := availability.FromSlices(period, start, counts, rule)
	if err != nil {
		t.Fatal(err)
	}

	thr := rat(threshold.Decimal())
	bad := func(i int) bool {
		c := counts[i]
		return c.Total > 0 && big.NewRat(c.Total-c.Good, c.Total).Cmp(thr) > 0
	}
	const gap, upState, downState = 0, 1, 2
	state := func(m time.Time) int {
		if m.Before(start) {
			return gap
		}
		i := int(m.Sub(start) / length)
		switch {
		case i >= len(counts) || counts[i].Total == 0:
			return gap
		case !bad(i):
			return upState
		}
		run := 1
		for j := i - 1; j >= 0 && bad(j); j-- {
			run++
		}
		for j := i + 1; j < len(counts) && bad(j); j++ {
			run++
		}
		if run >= max(rule.MinRun, 1) {
			return downState
		}
		return upState
	}
	var by [3]time.Duration
	var runs [3][]calendar.Interval
	for m := period.Start; m.Before(period.End); m = m.Add(time.Minute) {
		s := state(m)
		by[s] += time.Minute
		if r := runs[s]; len(r) > 0 && r[len(r)-1].End.Equal(m) {
			r[len(r)-1].End = m.Add(time.Minute)
		} else {
			runs[s] = append(runs[s], calendar.Interval{Start: m, End: m.Add(time.Minute)})
		}
	}
	if obs.Up != by[upState] || obs.Down != by[downState] || obs.Missing != by[gap] {
		t.Fatalf("up %v down %v missing %v; oracle %v %v %v", obs.Up, obs.Down, obs.Missing, by[upState], by[downState], by[gap])
	}
	if len(obs.Outages) != len(runs[downState]) || len(obs.Gaps) != len(runs[gap]) {
		t.Fatalf("outages %v gaps %v; oracle %v %v", obs.Outages, obs.Gaps, runs[downState], runs[gap])
	}
	for i, r := range runs[downState] {
		if o := obs.Outages[i]; !o.Start.Equal(r.Start) || !o.End.Equal(r.End) || o.Cause != availability.Unplanned {
			t.Fatalf("outage %d = %+v, oracle %v", i, o, r)
		}
	}
	for i, r := range runs[gap] {
		if g := obs.Gaps[i]; !g.Start.Equal(r.Start) || !g.End.Equal(r.End) {
			t.Fatalf("gap %d = %v, oracle %v", i, g, r)
		}
	}
	rep, err := availability.ComputeCovered(period, obs.Outages, obs.Coverage(), availability.Rules{Objective: dec("0.99")})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unplanned != by[downState] || rep.Unknown != by[gap] || rep.Up != by[upState] || rep.Monitored != by[upState]+by[downState] {
		t.Fatalf("%s; oracle up %v down %v missing %v", summary(rep), by[upState], by[downState], by[gap])
	}
	checkBounds(t, rep, dec("0.99"), rep.Monitored == 0)
}

func TestSlicesOracle(t *testing.T) { rapid.Check(t, checkSlicesOracle) }
func FuzzSlicesOracle(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkSlicesOracle)) }

// FuzzFromSlices feeds FromSlices a rule and counts decoded from arbitrary
// JSON: no panic, and either an error with paths or an observation whose
// parts add up to the period.
func FuzzFromSlices(f *testing.F) {
	for _, s := range []string{
		`{"rule":{"length":"1m","threshold":"5%","min_run":2},"counts":[{"good":1,"total":1},{"good":0,"total":3}]}`,
		`{"rule":{"length":"1ns","threshold":"0%"},"counts":[{"good":-1,"total":0}]}`,
		`{"rule":{"length":"-1m","threshold":"100%"},"counts":[]}`,
	} {
		f.Add([]byte(s), int64(0))
	}
	f.Fuzz(func(t *testing.T, data []byte, offset int64) {
		var in struct {
			Rule   availability.SliceRule `json:"rule"`
			Counts []availability.Slice   `json:"counts"`
		}
		if json.Unmarshal(data, &in) != nil {
			return
		}
		period := month(t, 2026, time.June, "Europe/Paris")
		obs, err := availability.FromSlices(period, period.Start.Add(time.Duration(offset)), in.Counts, in.Rule)
		if err != nil {
			var fe *availability.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("%v is not a FieldError", err)
			}
			return
		}
		if obs.Up+obs.Down+obs.Missing != period.Duration() {
			t.Fatalf("up %v down %v missing %v do not add up to %v", obs.Up, obs.Down, obs.Missing, period.Duration())
		}
		if _, err := availability.ComputeCovered(period, obs.Outages, obs.Coverage(), availability.Rules{Objective: dec("0.999")}); err != nil {
			t.Fatal(err)
		}
	})
}

// TestCountsJSONStrict: probes, slices and tiers read from user files refuse
// unknown and repeated keys, even through encoding/json.
func TestCountsJSONStrict(t *testing.T) {
	var counts []availability.Slice
	if err := json.Unmarshal([]byte(`[{"good":1,"total":1},{"good":1,"total":2,"bad":1}]`), &counts); err == nil ||
		err.Error() != `bad: unknown field: want one of good, total` {
		t.Errorf("slices: %v", err)
	}
	var probes []availability.Probe
	if err := json.Unmarshal([]byte(`[{"at":"2026-06-10T09:00:00Z","up":true,"up":false}]`), &probes); err == nil ||
		err.Error() != `up: duplicate: key written twice in one object` {
		t.Errorf("probes: %v", err)
	}
	var tier availability.Tier
	if err := json.Unmarshal([]byte(`{"below":"99%","credit":"10%","cap":"5%"}`), &tier); err == nil ||
		err.Error() != `cap: unknown field: want one of below, credit` {
		t.Errorf("tier: %v", err)
	}
}

package availability_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"pgregory.net/rapid"
)

func TestFromProbes(t *testing.T) {
	at := func(h, m, s int) time.Time { return time.Date(2026, 6, 10, h, m, s, 0, time.UTC) }
	period := calendar.Interval{Start: at(10, 0, 0), End: at(11, 0, 0)}
	probes := []availability.Probe{
		{At: at(9, 59, 30), Up: true}, // before the period: says it started up
		{At: at(10, 1, 0), Up: true},
		// A burst of five failing probes in 4 s is 5 s of downtime, not 5 probes' worth.
		{At: at(10, 2, 0), Up: false},
		{At: at(10, 2, 1), Up: false},
		{At: at(10, 2, 2), Up: false},
		{At: at(10, 2, 3), Up: false},
		{At: at(10, 2, 4), Up: false},
		{At: at(10, 2, 5), Up: true},
		{At: at(10, 3, 0), Up: true},
		// 10:03 → 10:20 is longer than the 2 min limit: missing, not up.
		{At: at(10, 20, 0), Up: true},
		{At: at(10, 21, 0), Up: false},
		{At: at(10, 21, 0), Up: true}, // two results at once: down wins
		{At: at(10, 22, 0), Up: true},
		{At: at(10, 59, 0), Up: true}, // 10:22 → 10:59 is a gap too; after 10:59 nothing is known
	}
	shuffled := slices.Clone(probes)
	slices.Reverse(shuffled)
	given := slices.Clone(shuffled)
	obs, err := availability.FromProbes(period, shuffled, 2*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	wantOutages := []availability.Outage{
		{Start: at(10, 2, 0), End: at(10, 2, 5)},
		{Start: at(10, 21, 0), End: at(10, 22, 0)},
	}
	wantGaps := []calendar.Interval{{Start: at(10, 3, 0), End: at(10, 20, 0)}, {Start: at(10, 22, 0), End: at(11, 0, 0)}}
	if len(obs.Outages) != len(wantOutages) || len(obs.Gaps) != len(wantGaps) {
		t.Fatalf("outages %v, gaps %v", obs.Outages, obs.Gaps)
	}
	for i, o := range wantOutages {
		if !sameOutage(obs.Outages[i], o) {
			t.Errorf("outage %d = %+v, want %+v", i, obs.Outages[i], o)
		}
	}
	for i, g := range wantGaps {
		if !obs.Gaps[i].Start.Equal(g.Start) || !obs.Gaps[i].End.Equal(g.End) {
			t.Errorf("gap %d = %v, want %v", i, obs.Gaps[i], g)
		}
	}
	down := 5*time.Second + time.Minute
	missing := 17*time.Minute + 38*time.Minute
	if obs.Down != down || obs.Missing != missing || obs.Up != time.Hour-down-missing {
		t.Errorf("up %v down %v missing %v", obs.Up, obs.Down, obs.Missing)
	}
	if !slices.Equal(shuffled, given) { // == on times is right here: nothing may change at all
		t.Error("the probes slice was modified")
	}
}

func TestFromProbesNoData(t *testing.T) {
	p := month(t, 2026, time.June, "Europe/Paris")
	obs, err := availability.FromProbes(p, nil, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if obs.Missing != p.Duration() || obs.Up != 0 || obs.Down != 0 || len(obs.Gaps) != 1 || len(obs.Outages) != 0 {
		t.Errorf("no probes: %+v", obs)
	}
}

func TestFromProbesErrors(t *testing.T) {
	p := month(t, 2026, time.June, "Europe/Paris")
	for _, tc := range []struct {
		period calendar.Interval
		probes []availability.Probe
		maxGap time.Duration
		err    error
		msg    string
	}{
		{p, []availability.Probe{{At: p.Start}, {}}, time.Minute, availability.ErrMissing,
			`probes[1].at: missing: want an RFC 3339 time`},
		{p, nil, 0, availability.ErrNotPositive,
			`max_gap "0s": not positive: want the longest wait between probes that still counts, such as "5m"`},
		{calendar.Interval{Start: p.End, End: p.Start}, []availability.Probe{{}}, -time.Second, availability.ErrReversed,
			`period.end "2026-06-01T00:00:00+02:00": end before start: want at or after period.start "2026-07-01T00:00:00+02:00"` + "\n" +
				`max_gap "-1s": not positive: want the longest wait between probes that still counts, such as "5m"` + "\n" +
				`probes[0].at: missing: want an RFC 3339 time`},
	} {
		_, err := availability.FromProbes(tc.period, tc.probes, tc.maxGap)
		var fe *availability.FieldError
		if !errors.As(err, &fe) || !errors.Is(err, tc.err) || err.Error() != tc.msg {
			t.Errorf("\n got %v\nwant %s", err, tc.msg)
		}
	}
}

// checkProbes: FromProbes agrees with a minute-by-minute reading of the
// probes, and its outages feed Compute as unplanned downtime.
func checkProbes(t *rapid.T) {
	zone := genZone().Draw(t, "zone")
	day := time.Date(2026, time.Month(rapid.IntRange(1, 12).Draw(t, "month")), rapid.IntRange(1, 28).Draw(t, "day"), 0, 0, 0, 0, mustLoc(t, zone))
	period := calendar.Interval{Start: day, End: day.AddDate(0, 0, rapid.IntRange(0, 3).Draw(t, "days"))}
	span := int(period.Duration() / time.Minute)
	maxGap := rapid.IntRange(1, 180).Draw(t, "max gap (minutes)")
	probes := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) availability.Probe {
		return availability.Probe{
			At: day.Add(time.Duration(rapid.IntRange(-300, span+300).Draw(t, "at (minutes)")) * time.Minute),
			Up: rapid.IntRange(0, 3).Draw(t, "up") > 0,
		}
	}), 0, 200).Draw(t, "probes")

	obs, err := availability.FromProbes(period, probes, time.Duration(maxGap)*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	// The oracle: at minute m the last probe at or before m and the first
	// after it must both exist and be at most maxGap apart.
	const gap, upState, downState = 0, 1, 2
	state := func(m time.Time) int {
		var last, next time.Time
		lastDown := false
		for _, p := range probes {
			switch {
			case !p.At.After(m) && (last.IsZero() || p.At.After(last)):
				last, lastDown = p.At, !p.Up
			case !p.At.After(m) && p.At.Equal(last):
				lastDown = lastDown || !p.Up
			case p.At.After(m) && (next.IsZero() || p.At.Before(next)):
				next = p.At
			}
		}
		switch {
		case last.IsZero() || next.IsZero() || next.Sub(last) > time.Duration(maxGap)*time.Minute:
			return gap
		case lastDown:
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
	rep, err := availability.ComputeCovered(period, obs.Outages, obs.Coverage(), availability.Rules{Objective: dec("0.999")})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unplanned != obs.Down || rep.Unknown != obs.Missing || rep.Up != obs.Up || rep.Monitored != obs.Up+obs.Down {
		t.Fatalf("ComputeCovered counts U=%v M=%v up=%v monitored=%v; observed down %v missing %v up %v",
			rep.Unplanned, rep.Unknown, rep.Up, rep.Monitored, obs.Down, obs.Missing, obs.Up)
	}
	if obs.Up+obs.Down == 0 && rep.Verdict != availability.VerdictUnknown {
		t.Fatalf("nothing observed, verdict %v", rep.Verdict)
	}
}

func TestProbes(t *testing.T) { rapid.Check(t, checkProbes) }
func FuzzProbes(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkProbes)) }

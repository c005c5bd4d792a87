package availability_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"pgregory.net/rapid"
)

// e5 is the report of worked example E5: June 2026 in Paris, down 10 June 00:30–02:30.
func e5(t *testing.T) availability.Report {
	p := month(t, 2026, time.June, "Europe/Paris")
	out := []availability.Outage{unplanned(paris(t, 2026, 6, 10, 0, 30, 0), paris(t, 2026, 6, 10, 2, 30, 0))}
	return compute(t, p, out, specRules("Europe/Paris"))
}

func TestBudgetAt(t *testing.T) {
	r := e5(t)
	budget := 41*time.Minute + 24*time.Second // 0.1 % of 690 h
	for _, tc := range []struct {
		at    time.Time
		spent time.Duration
	}{
		{paris(t, 2026, 5, 20, 0, 0, 0), 0}, // before the month
		{paris(t, 2026, 6, 10, 0, 30, 0), 0},
		{paris(t, 2026, 6, 10, 0, 45, 0), 15 * time.Minute},
		{paris(t, 2026, 6, 10, 1, 30, 0), 30 * time.Minute}, // the window is not spent
		{paris(t, 2026, 6, 10, 2, 15, 0), 45 * time.Minute},
		{paris(t, 2026, 6, 20, 0, 0, 0), time.Hour},
		{paris(t, 2026, 8, 1, 0, 0, 0), time.Hour}, // after the month
	} {
		s := r.BudgetAt(tc.at)
		if s.Spent != tc.spent || s.Budget != budget || s.Left != budget-tc.spent {
			t.Errorf("at %v: spent %v of %v, left %v; want %v spent", tc.at, s.Spent, s.Budget, s.Left, tc.spent)
		}
		want := new(big.Rat).SetFrac64(int64(tc.spent), int64(budget))
		if !roundedTo(s.Consumed, want, availability.Precision) {
			t.Errorf("at %v: consumed %s, want %s", tc.at, s.Consumed, want.FloatString(35))
		}
	}
	if s := r.BudgetAt(paris(t, 2026, 5, 1, 0, 0, 0)); !s.At.Equal(r.Period.Start) {
		t.Errorf("At = %v, want the period's start", s.At)
	}
}

func TestBurnRate(t *testing.T) {
	r := e5(t)
	for _, tc := range []struct {
		at     time.Time
		window time.Duration
		want   string
	}{
		// [01:30, 02:30): 30 min planned, 30 min unplanned: all committed time
		// was down, 1/0.001 = 1000 times the sustainable pace.
		{paris(t, 2026, 6, 10, 2, 30, 0), time.Hour, "1000"},
		// [00:00, 03:00): 2 h committed, 1 h down: 0.5/0.001 = 500.
		{paris(t, 2026, 6, 10, 3, 0, 0), 3 * time.Hour, "500"},
		// [10 Jun 03:00, 11 Jun 03:00): nothing down.
		{paris(t, 2026, 6, 11, 3, 0, 0), 24 * time.Hour, "0"},
		// Only the window: nothing committed.
		{paris(t, 2026, 6, 10, 2, 0, 0), time.Hour, "0"},
		// A window reaching before the month is clipped to it: [1 Jun 00:00, 1 Jun 00:30).
		{paris(t, 2026, 6, 1, 0, 30, 0), 72 * time.Hour, "0"},
		{paris(t, 2026, 6, 10, 2, 30, 0), 0, "0"},
		{paris(t, 2026, 6, 10, 2, 30, 0), -time.Hour, "0"},
	} {
		got, ok := r.BurnRate(tc.at, tc.window)
		if !ok || !got.Equal(dec(tc.want)) {
			t.Errorf("BurnRate(%v, %v) = %s, %v; want %s", tc.at, tc.window, got, ok, tc.want)
		}
	}
	// With an objective of 100 % there is no budget: any downtime burns it infinitely fast.
	one := availability.Rules{Window: nightly("Europe/Paris"), Objective: decimal.NewFromInt(1)}
	r1 := compute(t, r.Period, []availability.Outage{unplanned(paris(t, 2026, 6, 10, 0, 30, 0), paris(t, 2026, 6, 10, 2, 30, 0))}, one)
	if _, ok := r1.BurnRate(paris(t, 2026, 6, 10, 3, 0, 0), time.Hour); ok {
		t.Error("BurnRate with no budget and downtime reported ok")
	}
	if rate, ok := r1.BurnRate(paris(t, 2026, 6, 20, 3, 0, 0), time.Hour); !ok || !rate.IsZero() {
		t.Errorf("BurnRate with no budget and no downtime = %s, %v", rate, ok)
	}
	if s := r1.BudgetAt(paris(t, 2026, 6, 20, 0, 0, 0)); !s.Consumed.Equal(decimal.NewFromInt(1)) || s.Left != -time.Hour {
		t.Errorf("no budget: consumed %s, left %v", s.Consumed, s.Left)
	}
}

func TestAlerts(t *testing.T) {
	r := e5(t)
	// The budget is 2484 s. At 02:30 the last hour holds 30 min of downtime
	// (≥ 2 % = 49.68 s) and the last 5 min 5 min (≥ 4.14 s): page. The 6 h and
	// 3 day windows hold 1 h, their short windows 30 min and 1 h: page and ticket.
	got, err := r.Alerts(paris(t, 2026, 6, 10, 2, 30, 0), availability.DefaultAlerts())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Spent != 30*time.Minute || got[0].ShortSpent != 5*time.Minute ||
		got[1].Spent != time.Hour || got[1].ShortSpent != 30*time.Minute ||
		got[2].Spent != time.Hour || got[2].ShortSpent != time.Hour {
		t.Errorf("at 02:30: %+v", got)
	}
	// At 04:00 the last hour and the last 30 min are clean: only the ticket,
	// whose 6 h short window still holds the hour, stays.
	got, err = r.Alerts(paris(t, 2026, 6, 10, 4, 0, 0), availability.DefaultAlerts())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Rule.Name != "ticket" {
		t.Errorf("at 04:00: %+v", got)
	}
	// Exactly at the threshold fires: 2 % of 2484 s is 49.68 s.
	p := r.Period
	start := paris(t, 2026, 6, 15, 12, 0, 0)
	edge := compute(t, p, []availability.Outage{unplanned(start, start.Add(49680*time.Millisecond))}, specRules("Europe/Paris"))
	rule := []availability.AlertRule{{Name: "page", Window: time.Hour, Fraction: dec("0.02")}}
	if got, _ := edge.Alerts(start.Add(30*time.Minute), rule); len(got) != 1 {
		t.Errorf("at the threshold: %+v", got)
	}
	under := compute(t, p, []availability.Outage{unplanned(start, start.Add(49680*time.Millisecond-1))}, specRules("Europe/Paris"))
	if got, _ := under.Alerts(start.Add(30*time.Minute), rule); len(got) != 0 {
		t.Errorf("a nanosecond under the threshold: %+v", got)
	}
}

func TestAlertsErrors(t *testing.T) {
	r := e5(t)
	for _, tc := range []struct {
		rule availability.AlertRule
		err  error
		msg  string
	}{
		{availability.AlertRule{Window: 0, Fraction: dec("0.02")}, availability.ErrNotPositive,
			`alerts[1].window "0s": not positive: want a trailing window such as "1h"`},
		{availability.AlertRule{Window: time.Hour}, availability.ErrNotPositive,
			`alerts[1].fraction "0": not positive: want a fraction of the budget such as 0.02`},
		{availability.AlertRule{Window: time.Hour, Fraction: dec("-0.1")}, availability.ErrNotPositive,
			`alerts[1].fraction "-0.1": not positive: want a fraction of the budget such as 0.02`},
		{availability.AlertRule{Window: time.Hour, Fraction: dec("0.02"), Short: -time.Minute}, availability.ErrNegative,
			`alerts[1].short "-1m": negative: want 0s (none) or a window such as "5m"`},
		{availability.AlertRule{Window: -time.Hour, Short: -90 * time.Second}, availability.ErrNotPositive,
			`alerts[1].window "-1h": not positive: want a trailing window such as "1h"` + "\n" +
				`alerts[1].fraction "0": not positive: want a fraction of the budget such as 0.02` + "\n" +
				`alerts[1].short "-1m30s": negative: want 0s (none) or a window such as "5m"`},
	} {
		rules := []availability.AlertRule{availability.DefaultAlerts()[0], tc.rule}
		_, err := r.Alerts(r.Period.Start, rules)
		var fe *availability.FieldError
		if !errors.As(err, &fe) || !errors.Is(err, tc.err) || !errors.Is(err, availability.ErrRange) || err.Error() != tc.msg {
			t.Errorf("%+v:\n got %v\nwant %s", tc.rule, err, tc.msg)
		}
	}
}

func TestDefaultAlertsIsFresh(t *testing.T) {
	a := availability.DefaultAlerts()
	a[0].Window = time.Nanosecond
	if availability.DefaultAlerts()[0].Window != time.Hour {
		t.Error("DefaultAlerts shares its slice")
	}
}

// checkBudgetOracle: the budget, the burn rate and the alerts agree with the
// minute-stepping oracle, computed with big.Rat, with random coverage: unknown
// time is reported beside the budget, never spent from it.
func checkBudgetOracle(t *rapid.T) {
	s := genScenario(t)
	cov := genCoverage(t, s.period)
	r, err := availability.ComputeCovered(s.period, s.outages, cov.c, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	o := coveredOracle(s.period, s.outages, s.win, s.notice, cov.seen())
	n := len(o.classes)
	atMin := rapid.IntRange(-60, n+60).Draw(t, "at (minutes)")
	winMin := rapid.IntRange(0, 5*1440).Draw(t, "window (minutes)")
	at := s.period.Start.Add(time.Duration(atMin) * time.Minute)
	// count returns the minutes of class c in [from, to) of the period.
	count := func(c availability.Class, from, to int) int64 {
		var k int64
		for i := max(from, 0); i < min(to, n); i++ {
			if o.classes[i] == c {
				k++
			}
		}
		return k
	}
	oneMinusObj := new(big.Rat).Sub(big.NewRat(1, 1), rat(s.obj))
	exactBudget := new(big.Rat).Mul(oneMinusObj, new(big.Rat).SetInt64(int64(r.Total-r.Planned)))

	st := r.BudgetAt(at)
	spent := time.Duration(count(availability.ClassUnplanned, 0, atMin)) * time.Minute
	unknown := time.Duration(count(availability.ClassUnknown, 0, atMin)) * time.Minute
	if st.Spent != spent || st.Left != r.Budget-spent || st.Unknown != unknown {
		t.Fatalf("BudgetAt: spent %v left %v unknown %v, oracle spent %v unknown %v", st.Spent, st.Left, st.Unknown, spent, unknown)
	}
	if exactBudget.Sign() > 0 {
		want := new(big.Rat).Quo(new(big.Rat).SetInt64(int64(spent)), exactBudget)
		if !roundedTo(st.Consumed, want, availability.Precision) {
			t.Fatalf("consumed %s, want %s", st.Consumed, want.FloatString(35))
		}
	}

	lo, hi := max(atMin-winMin, 0), min(atMin, n)
	down := count(availability.ClassUnplanned, lo, hi)
	committed := int64(max(hi-lo, 0)) - count(availability.ClassPlanned, lo, hi)
	rate, ok := r.BurnRate(at, time.Duration(winMin)*time.Minute)
	switch {
	case down == 0 || committed <= 0:
		if !ok || !rate.IsZero() {
			t.Fatalf("burn rate %s, %v; want 0", rate, ok)
		}
	case oneMinusObj.Sign() == 0:
		if ok {
			t.Fatalf("burn rate %s with no budget", rate)
		}
	default:
		want := new(big.Rat).Quo(big.NewRat(down, committed), oneMinusObj)
		if !ok || !roundedTo(rate, want, availability.Precision) {
			t.Fatalf("burn rate %s, want %s", rate, want.FloatString(35))
		}
	}

	short := rapid.IntRange(0, winMin).Draw(t, "short window (minutes)")
	frac := decimal.New(int64(rapid.IntRange(1, 200).Draw(t, "fraction (‰)")), -3)
	rule := availability.AlertRule{Name: "x", Window: time.Duration(winMin+1) * time.Minute, Fraction: frac, Short: time.Duration(short) * time.Minute}
	got, err := r.Alerts(at, []availability.AlertRule{rule})
	if err != nil {
		t.Fatal(err)
	}
	longDown := count(availability.ClassUnplanned, atMin-winMin-1, atMin)
	threshold := new(big.Rat).Mul(rat(frac), exactBudget) // ns
	fire := longDown > 0 && new(big.Rat).SetInt64(longDown*int64(time.Minute)).Cmp(threshold) >= 0
	if short > 0 {
		shortDown := count(availability.ClassUnplanned, atMin-short, atMin)
		need := new(big.Rat).Mul(threshold, big.NewRat(int64(short), int64(winMin+1)))
		fire = fire && shortDown > 0 && new(big.Rat).SetInt64(shortDown*int64(time.Minute)).Cmp(need) >= 0
	}
	if (len(got) == 1) != fire {
		t.Fatalf("alert %+v fired: %v, oracle says %v (long %d min, threshold %s ns)", rule, got, fire, longDown, threshold.FloatString(3))
	}
}

func TestBudgetOracle(t *testing.T) { rapid.Check(t, checkBudgetOracle) }
func FuzzBudgetOracle(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkBudgetOracle)) }

// TestBudgetJSON: the budget, alert and observation types write snake_case
// keys and durations as "41m24s", never nanoseconds or "0m0s" padding.
func TestBudgetJSON(t *testing.T) {
	r := e5(t)
	st := r.BudgetAt(paris(t, 2026, 6, 10, 0, 45, 0))
	data, err := json.Marshal(st)
	const wantStatus = `{"at":"2026-06-10T00:45:00+02:00","budget":"41m24s","spent":"15m","left":"26m24s","unknown":"0s","consumed":"0.362318840579710144927536231884"}`
	if err != nil || string(data) != wantStatus {
		t.Errorf("BudgetStatus = %s, %v\nwant %s", data, err, wantStatus)
	}
	alerts, err := r.Alerts(paris(t, 2026, 6, 10, 2, 30, 0), availability.DefaultAlerts()[:1])
	if err != nil || len(alerts) != 1 {
		t.Fatalf("alerts %v, %v", alerts, err)
	}
	data, err = json.Marshal(alerts[0])
	const wantAlert = `{"rule":{"name":"page","window":"1h","fraction":"0.02","short":"5m"},"spent":"30m","short_spent":"5m"}`
	if err != nil || string(data) != wantAlert {
		t.Errorf("Alert = %s, %v\nwant %s", data, err, wantAlert)
	}
	var rule availability.AlertRule
	if err := json.Unmarshal([]byte(`{"name":"ticket","window":"72h","fraction":"0.1"}`), &rule); err != nil ||
		rule.Window != 72*time.Hour || !rule.Fraction.Equal(dec("0.1")) || rule.Short != 0 {
		t.Errorf("AlertRule = %+v, %v", rule, err)
	}
	if err := json.Unmarshal([]byte(`{"name":"ticket","window":"72h","fraction":"0.1","shortt":"1h"}`), &rule); err == nil ||
		err.Error() != `shortt: unknown field: want one of name, window, fraction, short` {
		t.Errorf("AlertRule with a typo: %v", err)
	}
	at := func(m int) time.Time { return time.Date(2026, 6, 10, 9, m, 0, 0, time.UTC) }
	obs, err := availability.FromProbes(calendar.Interval{Start: at(0), End: at(10)},
		[]availability.Probe{{At: at(0), Up: true}, {At: at(1), Up: false}, {At: at(2), Up: true}, {At: at(3), Up: true}}, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	data, err = json.Marshal(obs)
	const wantObs = `{"period":{"start":"2026-06-10T09:00:00Z","end":"2026-06-10T09:10:00Z"},` +
		`"outages":[{"start":"2026-06-10T09:01:00Z","end":"2026-06-10T09:02:00Z","cause":"unplanned"}],` +
		`"gaps":[{"start":"2026-06-10T09:03:00Z","end":"2026-06-10T09:10:00Z"}],"up":"2m","down":"1m","missing":"7m"}`
	if err != nil || string(data) != wantObs {
		t.Errorf("Observation = %s, %v\nwant %s", data, err, wantObs)
	}
}

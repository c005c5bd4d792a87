package availability_test

import (
	"fmt"
	"math/big"
	"os"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"pgregory.net/rapid"
)

// ---- fixtures -------------------------------------------------------------

// long reports whether the long runs are wanted (SLAKIT_LONG set): whole
// months in every oracle scenario.
func long() bool { return os.Getenv("SLAKIT_LONG") != "" }

// tb is what the helpers need of *testing.T, *testing.B and *rapid.T.
type tb interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

func mustLoc(tb tb, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// daily returns a calendar open over rng ("HH:MM-HH:MM") every day in zone.
func daily(zone, rng string) *calendar.Calendar {
	w := []string{rng}
	return calendar.MustNew(calendar.Spec{TimeZone: zone, Hours: calendar.Week{
		Mon: w, Tue: w, Wed: w, Thu: w, Fri: w, Sat: w, Sun: w,
	}})
}

// nightly is the R11 window, 01:00-02:00 every night.
func nightly(zone string) *calendar.Calendar { return daily(zone, "01:00-02:00") }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// specRules are the preset rules (R11–R13) for a customer in zone.
func specRules(zone string) availability.Rules {
	return availability.Rules{Window: nightly(zone), Notice: 48 * time.Hour, Objective: dec("0.999")}
}

func month(tb tb, y int, m time.Month, zone string) calendar.Interval {
	tb.Helper()
	p, err := availability.Month(y, m, mustLoc(tb, zone))
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func compute(tb tb, p calendar.Interval, outages []availability.Outage, r availability.Rules) availability.Report {
	tb.Helper()
	rep, err := availability.Compute(p, outages, r)
	if err != nil {
		tb.Fatalf("Compute: %v", err)
	}
	return rep
}

// ---- exact arithmetic independent of the decimal package --------------------

func rat(d decimal.Decimal) *big.Rat {
	r, ok := new(big.Rat).SetString(d.String())
	if !ok {
		panic("bad decimal " + d.String())
	}
	return r
}

// roundedTo reports whether got is the non-negative want rounded to places
// decimals, half away from zero: want − ulp/2 < got ≤ want + ulp/2, and got has
// at most places decimals.
func roundedTo(got decimal.Decimal, want *big.Rat, places int32) bool {
	half := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Mul(big.NewInt(2),
		new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)))
	diff := new(big.Rat).Sub(rat(got), want)
	return diff.Cmp(half) <= 0 && diff.Cmp(new(big.Rat).Neg(half)) > 0 && got.Exponent() >= -places
}

// truncatedPercent formats the exact fraction x as Percent does: x × 100
// truncated to places decimals, then " %".
func truncatedPercent(x *big.Rat, places int) string {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	n := new(big.Int).Mul(x.Num(), new(big.Int).Mul(big.NewInt(100), scale))
	n.Quo(n, x.Denom()) // x ≥ 0: truncation
	s := n.String()
	if places == 0 {
		return s + " %"
	}
	for len(s) <= places {
		s = "0" + s
	}
	return s[:len(s)-places] + "." + s[len(s)-places:] + " %"
}

// ---- the minute-stepping oracle ----------------------------------------------

// window is the oracle's view of a daily maintenance window: the minutes of the
// local wall clock in [from, to) are planned, whatever the date; when to is
// before from the window runs overnight, every night.
type window struct {
	zone     string
	loc      *time.Location
	from, to int // minutes of the day
}

func (w *window) open(t time.Time) bool {
	if w == nil {
		return false
	}
	l := t.In(w.loc)
	m := l.Hour()*60 + l.Minute()
	if w.to <= w.from { // overnight, every night: the evening part and the morning part
		return m >= w.from || m < w.to
	}
	return m >= w.from && m < w.to
}

func (w *window) calendar() *calendar.Calendar {
	if w == nil {
		return nil
	}
	return daily(w.zone, fmt.Sprintf("%02d:%02d-%02d:%02d", w.from/60, w.from%60, w.to/60, w.to%60))
}

// minuteClass classifies the minute starting at m the slow, obvious way.
func minuteClass(m time.Time, outages []availability.Outage, w *window, notice time.Duration) availability.Class {
	planned, excluded, unplanned := w.open(m), false, false
	for _, o := range outages {
		if m.Before(o.Start) || !m.Before(o.End) {
			continue
		}
		switch o.Cause {
		case availability.Unplanned:
			unplanned = true
		case availability.Exceptional, availability.SecurityBlock:
			excluded = true
		case availability.Maintenance:
			if o.Start.Sub(o.AnnouncedAt) >= notice && m.Before(o.AnnouncedEnd) {
				planned = true
			} else {
				unplanned = true
			}
		}
	}
	switch {
	case planned:
		return availability.ClassPlanned
	case excluded:
		return availability.ClassExcluded
	case unplanned:
		return availability.ClassUnplanned
	}
	return availability.ClassUp
}

// oracleResult is what stepping minute by minute finds.
type oracleResult struct {
	total    time.Duration
	by       [5]time.Duration // by class
	evidence []availability.Segment
	outages  []availability.Breakdown
	classes  []availability.Class // of each minute, for budget checks
}

// oracle steps through period minute by minute; every boundary must be a
// whole minute from the period's start. Monitoring saw every minute.
func oracle(period calendar.Interval, outages []availability.Outage, w *window, notice time.Duration) oracleResult {
	return coveredOracle(period, outages, w, notice, nil)
}

// coveredOracle is oracle where monitoring saw the minutes for which seen
// returns true; nil means every minute. A minute that is up but not seen is
// unknown.
func coveredOracle(period calendar.Interval, outages []availability.Outage, w *window, notice time.Duration, seen func(time.Time) bool) oracleResult {
	var r oracleResult
	r.outages = make([]availability.Breakdown, len(outages))
	for m := period.Start; m.Before(period.End); m = m.Add(time.Minute) {
		c := minuteClass(m, outages, w, notice)
		if c == availability.ClassUp && seen != nil && !seen(m) {
			c = availability.ClassUnknown
		}
		r.classes = append(r.classes, c)
		r.total += time.Minute
		r.by[c] += time.Minute
		if c != availability.ClassUp {
			if n := len(r.evidence); n > 0 && r.evidence[n-1].Class == c && r.evidence[n-1].End.Equal(m) {
				r.evidence[n-1].End = m.Add(time.Minute)
			} else {
				r.evidence = append(r.evidence, availability.Segment{Start: m, End: m.Add(time.Minute), Class: c})
			}
		}
		for i, o := range outages {
			if m.Before(o.Start) || !m.Before(o.End) {
				continue
			}
			switch c {
			case availability.ClassPlanned:
				r.outages[i].Planned += time.Minute
			case availability.ClassExcluded:
				r.outages[i].Excluded += time.Minute
			case availability.ClassUnplanned:
				r.outages[i].Unplanned += time.Minute
			}
		}
	}
	return r
}

// ---- generators ---------------------------------------------------------------

// zones cover DST at 01:00 and 02:00, half-hour DST (Lord Howe), a skipped
// midnight (Santiago, Asuncion), odd offsets (Kolkata, Chatham) and none (UTC).
var zones = []string{
	"Europe/Paris", "Europe/London", "America/New_York", "America/Santiago",
	"America/Asuncion", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Chatham", "UTC",
}

// scenario is one random input to Compute whose times are whole minutes.
type scenario struct {
	period  calendar.Interval
	win     *window
	notice  time.Duration
	obj     decimal.Decimal
	outages []availability.Outage
}

func (s scenario) rules() availability.Rules {
	return availability.Rules{Window: s.win.calendar(), Notice: s.notice, Objective: s.obj}
}

func genZone() *rapid.Generator[string] { return rapid.SampledFrom(zones) }

func genWindow(t *rapid.T, zone string) *window {
	switch rapid.IntRange(0, 3).Draw(t, "window kind") {
	case 0:
		return nil
	case 1:
		return &window{zone: zone, loc: mustLoc(t, zone), from: 60, to: 120}
	}
	z := zone
	if rapid.Bool().Draw(t, "window elsewhere") {
		z = genZone().Draw(t, "window zone")
	}
	from := rapid.IntRange(0, 1439).Draw(t, "window from")
	to := rapid.IntRange(from+1, 1440).Draw(t, "window to")
	if from > 0 && rapid.Bool().Draw(t, "overnight") {
		to = rapid.IntRange(1, from-1+1).Draw(t, "window to (next day)") // to < from, or to == from: 24 h
		if to == from {
			to = from - 1
		}
	}
	return &window{zone: z, loc: mustLoc(t, z), from: from, to: to}
}

func genObjective(t *rapid.T) decimal.Decimal {
	if rapid.Bool().Draw(t, "usual objective") {
		return dec(rapid.SampledFrom([]string{"0.999", "0.99", "0.9995", "1", "0.5"}).Draw(t, "objective"))
	}
	return decimal.New(int64(rapid.IntRange(1, 100000).Draw(t, "objective/1e5")), -5)
}

// genOutage draws an outage whose times are whole minutes from base, within
// [base − 3 days, base + span + 3 days].
func genOutage(t *rapid.T, base time.Time, span time.Duration, maxLen int, causes ...availability.Cause) availability.Outage {
	if len(causes) == 0 {
		causes = []availability.Cause{availability.Unplanned, availability.Maintenance, availability.Exceptional, availability.SecurityBlock}
	}
	minutes := int(span / time.Minute)
	at := func(m int) time.Time { return base.Add(time.Duration(m) * time.Minute) }
	s := rapid.IntRange(-3*1440, minutes+3*1440).Draw(t, "start")
	n := rapid.IntRange(0, maxLen).Draw(t, "length")
	o := availability.Outage{Start: at(s), End: at(s + n), Cause: rapid.SampledFrom(causes).Draw(t, "cause")}
	switch o.Cause {
	case availability.Exceptional:
		o.Category = availability.Category(rapid.IntRange(1, 7).Draw(t, "category"))
	case availability.Maintenance:
		o.AnnouncedAt = at(s - rapid.IntRange(0, 96*60).Draw(t, "notice given"))
		o.AnnouncedEnd = at(s + rapid.IntRange(0, 2*n+60).Draw(t, "announced length"))
	}
	return o
}

func genScenario(t *rapid.T) scenario {
	zone := genZone().Draw(t, "zone")
	y := rapid.IntRange(2023, 2027).Draw(t, "year")
	m := time.Month(rapid.IntRange(1, 12).Draw(t, "month"))
	p, err := availability.Month(y, m, mustLoc(t, zone))
	if err != nil {
		t.Fatal(err)
	}
	if !long() && rapid.IntRange(0, 7).Draw(t, "whole month") > 0 {
		// A few days of the month, from a local midnight: the minute oracle
		// costs its length, and DST nights and month ends still come up in
		// the whole months drawn an eighth of the time (always with
		// SLAKIT_LONG).
		from := p.Start.AddDate(0, 0, rapid.IntRange(0, 27).Draw(t, "first day"))
		to := from.AddDate(0, 0, rapid.IntRange(1, 6).Draw(t, "days"))
		if to.After(p.End) {
			to = p.End
		}
		p = calendar.Interval{Start: from, End: to}
	}
	s := scenario{
		period: p,
		win:    genWindow(t, zone),
		notice: time.Duration(rapid.SampledFrom([]int{0, 48 * 60, 47 * 60, rapid.IntRange(0, 96*60).Draw(t, "notice minutes")}).Draw(t, "notice")) * time.Minute,
		obj:    genObjective(t),
	}
	n := rapid.IntRange(0, 8).Draw(t, "outages")
	for range n {
		s.outages = append(s.outages, genOutage(t, p.Start, p.Duration(), 3*1440))
	}
	return s
}

// ---- report checks ------------------------------------------------------------

// sameTotals fails unless two reports agree on every figure and the evidence.
func sameTotals(t tb, got, want availability.Report) {
	t.Helper()
	if got.Total != want.Total || got.Planned != want.Planned || got.Unplanned != want.Unplanned ||
		got.Excluded != want.Excluded || got.Unknown != want.Unknown || got.Monitored != want.Monitored ||
		got.Up != want.Up || got.Met != want.Met || got.Verdict != want.Verdict ||
		got.Budget != want.Budget || got.BudgetLeft != want.BudgetLeft ||
		!got.Availability.Equal(want.Availability) || !got.Highest.Equal(want.Highest) {
		t.Fatalf("reports differ:\n got %s\nwant %s", summary(got), summary(want))
	}
	sameEvidence(t, got.Evidence, want.Evidence)
}

func sameEvidence(t tb, got, want []availability.Segment) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("evidence: %d segments, want %d\n got %v\nwant %v", len(got), len(want), got, want)
	}
	for i := range got {
		if !got[i].Start.Equal(want[i].Start) || !got[i].End.Equal(want[i].End) || got[i].Class != want[i].Class {
			t.Fatalf("evidence[%d] = %v %v, want %v %v", i, got[i].Interval(), got[i].Class, want[i].Interval(), want[i].Class)
		}
	}
}

func summary(r availability.Report) string {
	return fmt.Sprintf("T=%v P=%v U=%v E=%v M=%v monitored=%v up=%v avail=%s..%s %v met=%v budget=%v left=%v",
		r.Total, r.Planned, r.Unplanned, r.Excluded, r.Unknown, r.Monitored, r.Up, r.Availability, r.Highest, r.Verdict, r.Met, r.Budget, r.BudgetLeft)
}

// checkFormula verifies a report's figures against T, P, U and the objective
// with big.Rat arithmetic, for full coverage: the availability, the verdict
// and the budget.
func checkFormula(t tb, r availability.Report, obj decimal.Decimal) {
	t.Helper()
	if r.Unknown != 0 || r.Monitored != r.Total {
		t.Fatalf("full coverage, yet %s", summary(r))
	}
	checkBounds(t, r, obj, false)
}

// checkBounds verifies a report's figures against T, P, U, M and the
// objective with big.Rat arithmetic: both bounds of the availability, the
// three-valued verdict (unknown whatever the bounds when unseen: no time was
// monitored), and the budget.
func checkBounds(t tb, r availability.Report, obj decimal.Decimal, unseen bool) {
	t.Helper()
	committed := big.NewRat(int64(r.Total-r.Planned), 1)
	low, high := big.NewRat(1, 1), big.NewRat(1, 1)
	if committed.Sign() > 0 {
		low = new(big.Rat).Quo(big.NewRat(int64(r.Total-r.Planned-r.Unplanned-r.Unknown), 1), committed)
		high = new(big.Rat).Quo(big.NewRat(int64(r.Total-r.Planned-r.Unplanned), 1), committed)
	}
	if !roundedTo(r.Availability, low, availability.Precision) || !roundedTo(r.Highest, high, availability.Precision) {
		t.Fatalf("availability %s..%s is not %s..%s rounded", r.Availability, r.Highest, low.FloatString(40), high.FloatString(40))
	}
	for places := range 9 {
		if got, exact := r.Percent(int32(places)), truncatedPercent(low, places); got != exact {
			t.Fatalf("Percent(%d) = %q, the exact ratio truncated is %q", places, got, exact)
		}
	}
	want := availability.VerdictUnknown
	switch {
	case unseen:
	case low.Cmp(rat(obj)) >= 0:
		want = availability.VerdictMet
	case high.Cmp(rat(obj)) < 0:
		want = availability.VerdictMissed
	}
	if r.Verdict != want || r.Met != (want == availability.VerdictMet) {
		t.Fatalf("verdict %v (met %v), want %v (availability %s..%s, objective %s)", r.Verdict, r.Met, want, low.FloatString(40), high.FloatString(40), obj)
	}
	exact := new(big.Rat).Mul(new(big.Rat).Sub(big.NewRat(1, 1), rat(obj)), committed)
	floor := new(big.Int).Quo(exact.Num(), exact.Denom()) // exact ≥ 0
	if int64(r.Budget) != floor.Int64() || r.BudgetLeft != r.Budget-r.Unplanned-r.Unknown {
		t.Fatalf("budget %v left %v, want %v and %v", r.Budget, r.BudgetLeft, time.Duration(floor.Int64()), time.Duration(floor.Int64())-r.Unplanned-r.Unknown)
	}
	if !unseen && r.Met != (r.BudgetLeft >= 0) {
		t.Fatalf("met = %v but budget left %v", r.Met, r.BudgetLeft)
	}
}

// checkShape verifies the invariants of any report: P + U + E + up = T, the
// availability in [0, 1], sorted disjoint evidence that adds up to P, U and E,
// and breakdowns that add up to each outage's clipped length.
func checkShape(t tb, r availability.Report, outages []availability.Outage) {
	t.Helper()
	if r.Total != r.Period.End.Sub(r.Period.Start) {
		t.Fatalf("T = %v, period lasts %v", r.Total, r.Period.Duration())
	}
	if r.Planned < 0 || r.Unplanned < 0 || r.Excluded < 0 || r.Up < 0 || r.Unknown < 0 ||
		r.Planned+r.Unplanned+r.Excluded+r.Unknown+r.Up != r.Total {
		t.Fatalf("P + U + E + M + up != T: %s", summary(r))
	}
	if r.Monitored < 0 || r.Monitored > r.Total || r.Monitored < r.Up {
		t.Fatalf("monitored %v outside [up, T]: %s", r.Monitored, summary(r))
	}
	if r.Highest.Cmp(r.Availability) < 0 || r.Met != (r.Verdict == availability.VerdictMet) {
		t.Fatalf("highest %s below availability %s, or met %v with verdict %v", r.Highest, r.Availability, r.Met, r.Verdict)
	}
	if r.Availability.Sign() < 0 || r.Availability.Cmp(decimal.NewFromInt(1)) > 0 {
		t.Fatalf("availability %s outside [0, 1]", r.Availability)
	}
	var by [5]time.Duration
	for i, s := range r.Evidence {
		if !s.End.After(s.Start) || s.Class == availability.ClassUp || !s.Class.IsValid() ||
			s.Start.Before(r.Period.Start) || s.End.After(r.Period.End) {
			t.Fatalf("evidence[%d] = %v %v is malformed", i, s.Interval(), s.Class)
		}
		if i > 0 {
			p := r.Evidence[i-1]
			if s.Start.Before(p.End) || s.Start.Equal(p.End) && s.Class == p.Class {
				t.Fatalf("evidence[%d] %v %v overlaps or continues %v %v", i, s.Interval(), s.Class, p.Interval(), p.Class)
			}
		}
		by[s.Class] += s.End.Sub(s.Start)
	}
	if by[availability.ClassPlanned] != r.Planned || by[availability.ClassUnplanned] != r.Unplanned ||
		by[availability.ClassExcluded] != r.Excluded || by[availability.ClassUnknown] != r.Unknown {
		t.Fatalf("evidence adds up to P=%v U=%v E=%v, report says %s", by[availability.ClassPlanned], by[availability.ClassUnplanned], by[availability.ClassExcluded], summary(r))
	}
	if len(r.Outages) != len(outages) {
		t.Fatalf("%d breakdowns for %d outages", len(r.Outages), len(outages))
	}
	for i, o := range outages {
		iv, _ := r.Period.Intersect(calendar.Interval{Start: o.Start, End: o.End})
		b := r.Outages[i]
		if b.Planned < 0 || b.Excluded < 0 || b.Unplanned < 0 || b.Planned+b.Excluded+b.Unplanned != iv.Duration() {
			t.Fatalf("outage %d: breakdown %+v does not add up to %v", i, b, iv.Duration())
		}
	}
}

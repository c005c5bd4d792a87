package availability_test

import (
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"pgregory.net/rapid"
)

// paris returns a wall-clock time in Europe/Paris.
func paris(tb tb, y int, m time.Month, d, h, min, s int) time.Time {
	return time.Date(y, m, d, h, min, s, 0, mustLoc(tb, "Europe/Paris"))
}

func unplanned(start, end time.Time) availability.Outage {
	return availability.Outage{Start: start, End: end}
}

// TestComputeE5 is worked example E5: June 2026 in Paris, an unplanned outage on
// 10 June 00:30–02:30 across the nightly window.
func TestComputeE5(t *testing.T) {
	p := month(t, 2026, time.June, "Europe/Paris")
	out := []availability.Outage{unplanned(paris(t, 2026, 6, 10, 0, 30, 0), paris(t, 2026, 6, 10, 2, 30, 0))}
	r := compute(t, p, out, specRules("Europe/Paris"))

	if r.Total != 720*time.Hour || r.Planned != 30*time.Hour || r.Unplanned != time.Hour ||
		r.Excluded != 0 || r.Up != 689*time.Hour {
		t.Fatalf("E5: %s", summary(r))
	}
	if !roundedTo(r.Availability, big.NewRat(689, 690), availability.Precision) {
		t.Errorf("availability %s, want 689/690 rounded", r.Availability)
	}
	if got := r.Percent(4); got != "99.8550 %" { // E5: 99.8550…%
		t.Errorf("Percent(4) = %q", got)
	}
	if r.Met {
		t.Error("E5 is missed, Met = true")
	}
	// Budget: 0.1 % of 690 h is 41 min 24 s; 1 h spent.
	if r.Budget != 41*time.Minute+24*time.Second || r.BudgetLeft != -(18*time.Minute+36*time.Second) {
		t.Errorf("budget %v, left %v", r.Budget, r.BudgetLeft)
	}
	want := []availability.Segment{
		{Start: paris(t, 2026, 6, 10, 0, 30, 0), End: paris(t, 2026, 6, 10, 1, 0, 0), Class: availability.ClassUnplanned},
		{Start: paris(t, 2026, 6, 10, 1, 0, 0), End: paris(t, 2026, 6, 10, 2, 0, 0), Class: availability.ClassPlanned},
		{Start: paris(t, 2026, 6, 10, 2, 0, 0), End: paris(t, 2026, 6, 10, 2, 30, 0), Class: availability.ClassUnplanned},
	}
	if len(r.Evidence) != 32 { // 30 windows, the one on 10 June flanked by two unplanned pieces
		t.Fatalf("%d segments of evidence, want 32", len(r.Evidence))
	}
	sameEvidence(t, r.Evidence[9:12], want)
	if b := r.Outages[0]; b.Planned != time.Hour || b.Unplanned != time.Hour || b.Excluded != 0 {
		t.Errorf("breakdown %+v, want 1h planned and 1h unplanned", b)
	}
	checkShape(t, r, out)
	checkFormula(t, r, dec("0.999"))
}

// TestComputeObjectiveBoundary: June 2026 in Paris has T − P = 690 h, so the
// 99.9 % budget is 41 min 24 s: spending exactly that meets the objective,
// one more second or nanosecond misses it.
func TestComputeObjectiveBoundary(t *testing.T) {
	p := month(t, 2026, time.June, "Europe/Paris")
	start := paris(t, 2026, 6, 15, 10, 0, 0)
	budget := 41*time.Minute + 24*time.Second
	for _, tc := range []struct {
		down time.Duration
		met  bool
	}{
		{budget, true},
		{budget - time.Nanosecond, true},
		{budget + time.Nanosecond, false},
		{budget + time.Second, false},
		{0, true},
	} {
		t.Run(tc.down.String(), func(t *testing.T) {
			out := []availability.Outage{unplanned(start, start.Add(tc.down))}
			r := compute(t, p, out, specRules("Europe/Paris"))
			if r.Planned != 30*time.Hour || r.Unplanned != tc.down {
				t.Fatalf("P = %v, U = %v", r.Planned, r.Unplanned)
			}
			if r.Met != tc.met {
				t.Errorf("Met = %v, want %v (availability %s)", r.Met, tc.met, r.Availability)
			}
			if tc.down == budget && !r.Availability.Equal(dec("0.999")) {
				t.Errorf("availability %s, want exactly 0.999", r.Availability)
			}
			if r.BudgetLeft != budget-tc.down {
				t.Errorf("budget left %v, want %v", r.BudgetLeft, budget-tc.down)
			}
			checkFormula(t, r, dec("0.999"))
		})
	}
}

// TestComputeCauses covers announced maintenance (planned with enough notice,
// unplanned without, an overrun past the announced end), exclusions and their
// precedence, each against figures worked out by hand.
func TestComputeCauses(t *testing.T) {
	june := month(t, 2026, time.June, "Europe/Paris")
	march := month(t, 2026, time.March, "Europe/Paris")
	at := func(d, h, m int) time.Time { return paris(t, 2026, 6, d, h, m, 0) }
	maint := func(start, end, announced, announcedEnd time.Time) availability.Outage {
		return availability.Outage{Start: start, End: end, Cause: availability.Maintenance, AnnouncedAt: announced, AnnouncedEnd: announcedEnd}
	}
	excl := func(start, end time.Time, cat availability.Category) availability.Outage {
		c := availability.Exceptional
		if cat == availability.NoCategory {
			c = availability.SecurityBlock
		}
		return availability.Outage{Start: start, End: end, Cause: c, Category: cat}
	}
	for _, tc := range []struct {
		name    string
		period  calendar.Interval
		outages []availability.Outage
		P, U, E time.Duration
	}{
		{"maintenance announced 59h ahead is planned", june,
			[]availability.Outage{maint(at(14, 10, 0), at(14, 12, 0), at(11, 23, 0), at(14, 12, 0))},
			32 * time.Hour, 0, 0},
		{"maintenance announced exactly 48h ahead is planned", june,
			[]availability.Outage{maint(at(14, 10, 0), at(14, 12, 0), at(12, 10, 0), at(14, 12, 0))},
			32 * time.Hour, 0, 0},
		{"maintenance announced 46h ahead is unplanned", june,
			[]availability.Outage{maint(at(14, 10, 0), at(14, 12, 0), at(12, 12, 0), at(14, 12, 0))},
			30 * time.Hour, 2 * time.Hour, 0},
		{"47 elapsed hours across the spring-forward night are not enough", march,
			[]availability.Outage{maint(paris(t, 2026, 3, 29, 10, 0, 0), paris(t, 2026, 3, 29, 11, 0, 0),
				paris(t, 2026, 3, 27, 10, 0, 0), paris(t, 2026, 3, 29, 11, 0, 0))},
			31 * time.Hour, time.Hour, 0},
		{"the part past the announced end is unplanned", june,
			[]availability.Outage{maint(at(14, 10, 0), at(14, 12, 30), at(10, 9, 0), at(14, 11, 0))},
			31 * time.Hour, 90 * time.Minute, 0},
		{"maintenance that ends early counts only its real length", june,
			[]availability.Outage{maint(at(14, 10, 0), at(14, 10, 30), at(10, 9, 0), at(14, 14, 0))},
			30*time.Hour + 30*time.Minute, 0, 0},
		{"an exceptional outage is excluded", june,
			[]availability.Outage{excl(at(15, 8, 0), at(15, 12, 0), availability.ForceMajeure)},
			30 * time.Hour, 0, 4 * time.Hour},
		{"a security block is excluded, the window inside it stays planned", june,
			[]availability.Outage{excl(at(16, 0, 0), at(16, 3, 0), availability.NoCategory)},
			30 * time.Hour, 0, 2 * time.Hour},
		{"excluded beats unplanned", june,
			[]availability.Outage{
				excl(at(15, 8, 0), at(15, 12, 0), availability.ThirdPartySoftware),
				unplanned(at(15, 10, 0), at(15, 14, 0)),
			},
			30 * time.Hour, 2 * time.Hour, 4 * time.Hour},
		{"planned maintenance beats an exclusion and an outage", june,
			[]availability.Outage{
				maint(at(20, 9, 0), at(20, 11, 0), at(1, 0, 0), at(20, 11, 0)),
				excl(at(20, 10, 0), at(20, 12, 0), availability.MaliciousAttack),
				unplanned(at(20, 8, 0), at(20, 13, 0)),
			},
			32 * time.Hour, 2 * time.Hour, time.Hour},
		{"overlapping unplanned outages count once", june,
			[]availability.Outage{unplanned(at(3, 10, 0), at(3, 12, 0)), unplanned(at(3, 11, 0), at(3, 13, 0)), unplanned(at(3, 11, 0), at(3, 13, 0))},
			30 * time.Hour, 3 * time.Hour, 0},
		{"outages outside the month are ignored", june,
			[]availability.Outage{unplanned(paris(t, 2026, 5, 3, 10, 0, 0), paris(t, 2026, 5, 3, 12, 0, 0))},
			30 * time.Hour, 0, 0},
		{"an empty outage counts nothing", june,
			[]availability.Outage{unplanned(at(3, 10, 0), at(3, 10, 0))},
			30 * time.Hour, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := compute(t, tc.period, tc.outages, specRules("Europe/Paris"))
			if r.Planned != tc.P || r.Unplanned != tc.U || r.Excluded != tc.E {
				t.Errorf("P=%v U=%v E=%v, want P=%v U=%v E=%v", r.Planned, r.Unplanned, r.Excluded, tc.P, tc.U, tc.E)
			}
			checkShape(t, r, tc.outages)
			checkFormula(t, r, dec("0.999"))
		})
	}
}

// TestComputeWindowAcrossDST: the nightly window lasts what the wall clock
// shows (I11). London skips 01:00–02:00 on 29 March 2026 and repeats it
// on 25 October; New York repeats it on 1 November.
func TestComputeWindowAcrossDST(t *testing.T) {
	for _, tc := range []struct {
		zone string
		y    int
		m    time.Month
		T, P time.Duration
	}{
		{"Europe/London", 2026, time.March, 743 * time.Hour, 30 * time.Hour},
		{"Europe/London", 2026, time.October, 745 * time.Hour, 32 * time.Hour},
		{"America/New_York", 2026, time.November, 721 * time.Hour, 31 * time.Hour},
		{"Europe/Paris", 2026, time.March, 743 * time.Hour, 31 * time.Hour},   // Paris jumps 02:00→03:00
		{"Europe/Paris", 2026, time.October, 745 * time.Hour, 31 * time.Hour}, // and repeats 02:00–03:00
		{"Europe/Paris", 2026, time.June, 720 * time.Hour, 30 * time.Hour},
	} {
		t.Run(tc.zone+" "+tc.m.String(), func(t *testing.T) {
			r := compute(t, month(t, tc.y, tc.m, tc.zone), nil, specRules(tc.zone))
			if r.Total != tc.T || r.Planned != tc.P || r.Unplanned != 0 || !r.Availability.Equal(decimal.NewFromInt(1)) || !r.Met {
				t.Errorf("%s, want T=%v P=%v and 100 %%", summary(r), tc.T, tc.P)
			}
		})
	}
}

// TestComputeSplitsAtMonthBoundary: an outage over midnight on the last day
// of June counts its June part in June and the rest in July.
func TestComputeSplitsAtMonthBoundary(t *testing.T) {
	out := []availability.Outage{unplanned(paris(t, 2026, 6, 30, 23, 0, 0), paris(t, 2026, 7, 1, 1, 30, 0))}
	june := compute(t, month(t, 2026, time.June, "Europe/Paris"), out, specRules("Europe/Paris"))
	july := compute(t, month(t, 2026, time.July, "Europe/Paris"), out, specRules("Europe/Paris"))
	if june.Unplanned != time.Hour || june.Outages[0] != (availability.Breakdown{Unplanned: time.Hour}) {
		t.Errorf("June: U = %v, breakdown %+v", june.Unplanned, june.Outages[0])
	}
	if july.Unplanned != time.Hour || july.Planned != 31*time.Hour ||
		july.Outages[0] != (availability.Breakdown{Unplanned: time.Hour, Planned: 30 * time.Minute}) {
		t.Errorf("July: U = %v, P = %v, breakdown %+v", july.Unplanned, july.Planned, july.Outages[0])
	}
}

// TestComputeEdges covers an empty period, a continuous window (everything
// planned) and no window.
func TestComputeEdges(t *testing.T) {
	june := month(t, 2026, time.June, "Europe/Paris")
	out := []availability.Outage{unplanned(paris(t, 2026, 6, 2, 0, 0, 0), paris(t, 2026, 6, 2, 6, 54, 0))}

	empty := calendar.Interval{Start: june.Start, End: june.Start}
	r := compute(t, empty, out, specRules("Europe/Paris"))
	if r.Total != 0 || !r.Availability.Equal(decimal.NewFromInt(1)) || !r.Met || len(r.Evidence) != 0 {
		t.Errorf("empty period: %s", summary(r))
	}

	always := availability.Rules{Window: calendar.Continuous(june.Start.Location()), Objective: dec("0.999")}
	r = compute(t, june, out, always)
	if r.Planned != r.Total || r.Unplanned != 0 || !r.Availability.Equal(decimal.NewFromInt(1)) || !r.Met {
		t.Errorf("continuous window: %s", summary(r))
	}

	// No window: 6 h 54 min of 720 h is 99.041666…%, below 99.9 %.
	r = compute(t, june, out, availability.Rules{Objective: dec("0.999")})
	if r.Planned != 0 || r.Unplanned != 6*time.Hour+54*time.Minute || r.Met || r.Percent(3) != "99.041 %" {
		t.Errorf("no window: %s, %s", summary(r), r.Percent(3))
	}

	// Objective 1: any unplanned second misses it, nothing unplanned meets it.
	one := availability.Rules{Window: nightly("Europe/Paris"), Objective: dec("1")}
	if r := compute(t, june, out, one); r.Met || r.Budget != 0 {
		t.Errorf("objective 1 with downtime: %s", summary(r))
	}
	if r := compute(t, june, nil, one); !r.Met || r.BudgetLeft != 0 {
		t.Errorf("objective 1 without downtime: %s", summary(r))
	}
}

// TestComputeKeepsInput: the caller's slice is neither reordered nor changed.
func TestComputeKeepsInput(t *testing.T) {
	out := []availability.Outage{
		unplanned(paris(t, 2026, 6, 9, 0, 0, 0), paris(t, 2026, 6, 9, 1, 0, 0)),
		unplanned(paris(t, 2026, 6, 2, 0, 0, 0), paris(t, 2026, 6, 2, 1, 0, 0)),
	}
	keep := append([]availability.Outage(nil), out...)
	compute(t, month(t, 2026, time.June, "Europe/Paris"), out, specRules("Europe/Paris"))
	for i := range out {
		if out[i] != keep[i] { // == on purpose: not even a location may change
			t.Fatalf("outage %d changed: %+v", i, out[i])
		}
	}
}

// TestComputeStripsMonotonic: a time with a monotonic reading gives the same
// report as the same instant without one.
func TestComputeStripsMonotonic(t *testing.T) {
	now := time.Now() // only used as an arbitrary instant with a monotonic reading
	p := calendar.Interval{Start: now, End: now.Add(24 * time.Hour)}
	out := []availability.Outage{unplanned(now.Add(time.Hour), now.Add(2*time.Hour))}
	r := compute(t, p, out, availability.Rules{Objective: dec("0.99")})
	p2 := calendar.Interval{Start: now.Round(0), End: now.Round(0).Add(24 * time.Hour)}
	out2 := []availability.Outage{unplanned(now.Round(0).Add(time.Hour), now.Round(0).Add(2*time.Hour))}
	sameTotals(t, r, compute(t, p2, out2, availability.Rules{Objective: dec("0.99")}))
	if r.Period.Start != p2.Start { // == is deliberate: no monotonic reading may remain
		t.Errorf("period start kept its monotonic reading: %v", r.Period.Start)
	}
}

func TestComputeErrors(t *testing.T) {
	june := month(t, 2026, time.June, "Europe/Paris")
	at := func(d, h int) time.Time { return paris(t, 2026, 6, d, h, 0, 0) }
	good := unplanned(at(2, 10), at(2, 11))
	rules := specRules("Europe/Paris")
	const (
		causes     = `"unplanned", "maintenance", "exceptional", "security-block"`
		categories = `"customer-infrastructure", "third-party-software", "external-connectivity", "misuse", "malicious-attack", "force-majeure", "beyond-control"`
	)
	for _, tc := range []struct {
		name    string
		period  calendar.Interval
		outages []availability.Outage
		rules   func(*availability.Rules)
		err     error
		msg     string
	}{
		{"end before start", june, []availability.Outage{good, unplanned(at(3, 11), at(3, 10))}, nil, availability.ErrReversed,
			`outages[1].end "2026-06-03T10:00:00+02:00": end before start: want at or after start "2026-06-03T11:00:00+02:00"`},
		{"missing start", june, []availability.Outage{{End: at(3, 10)}}, nil, availability.ErrMissing,
			`outages[0].start: missing: want an RFC 3339 time`},
		{"missing end", june, []availability.Outage{{Start: at(3, 10)}}, nil, availability.ErrMissing,
			`outages[0].end: missing: want an RFC 3339 time`},
		{"announced after start", june, []availability.Outage{{Start: at(3, 10), End: at(3, 11), Cause: availability.Maintenance,
			AnnouncedAt: at(3, 10).Add(time.Second), AnnouncedEnd: at(3, 11)}}, nil, availability.ErrAnnouncedLate,
			`outages[0].announced_at "2026-06-03T10:00:01+02:00": announced after the start: want at or before start "2026-06-03T10:00:00+02:00"`},
		{"maintenance without announcement", june, []availability.Outage{{Start: at(3, 10), End: at(3, 11), Cause: availability.Maintenance,
			AnnouncedEnd: at(3, 11)}}, nil, availability.ErrMissing,
			`outages[0].announced_at: missing: want when the maintenance was announced, at or before start`},
		{"maintenance without announced end", june, []availability.Outage{{Start: at(3, 10), End: at(3, 11), Cause: availability.Maintenance,
			AnnouncedAt: at(1, 10)}}, nil, availability.ErrMissing,
			`outages[0].announced_end: missing: want the end the announcement gave, at or after start`},
		{"announced end before start", june, []availability.Outage{good, good, {Start: at(3, 10), End: at(3, 11), Cause: availability.Maintenance,
			AnnouncedAt: at(1, 10), AnnouncedEnd: at(3, 9)}}, nil, availability.ErrReversed,
			`outages[2].announced_end "2026-06-03T09:00:00+02:00": end before start: want at or after start "2026-06-03T10:00:00+02:00"`},
		{"announcement on an unplanned outage", june, []availability.Outage{{Start: at(3, 10), End: at(3, 11), AnnouncedAt: at(1, 10)}},
			nil, availability.ErrNotApplicable,
			`outages[0].announced_at "2026-06-01T10:00:00+02:00": set on an outage whose cause does not use it: want none unless the cause is "maintenance"`},
		{"exceptional without category", june, []availability.Outage{{Start: at(3, 10), End: at(3, 11), Cause: availability.Exceptional}},
			nil, availability.ErrCategory,
			`outages[0].category: unknown or missing R4 category: want the R4 circumstance of an exceptional outage, one of ` + categories},
		{"category on an unplanned outage", june, []availability.Outage{{Start: at(3, 10), End: at(3, 11), Category: availability.Misuse}},
			nil, availability.ErrNotApplicable,
			`outages[0].category "misuse": set on an outage whose cause does not use it: want none unless the cause is "exceptional"`},
		{"unknown category", june, []availability.Outage{{Start: at(3, 10), End: at(3, 11), Cause: availability.Exceptional, Category: 42}},
			nil, availability.ErrCategory, `outages[0].category "42": unknown or missing R4 category: want one of ` + categories},
		{"unknown cause", june, []availability.Outage{{Start: at(3, 10), End: at(3, 11), Cause: 9}}, nil, availability.ErrCause,
			`outages[0].cause "9": unknown cause: want one of ` + causes},
		{"objective zero", june, nil, func(r *availability.Rules) { r.Objective = decimal.Zero }, availability.ErrObjective,
			`objective "0": objective out of range: want a fraction above 0 and at most 1, such as 0.999 for 99.9%`},
		{"objective negative", june, nil, func(r *availability.Rules) { r.Objective = dec("-0.5") }, availability.ErrObjective,
			`objective "-0.5": objective out of range: want a fraction above 0 and at most 1, such as 0.999 for 99.9%`},
		{"objective above 1", june, nil, func(r *availability.Rules) { r.Objective = dec("1.0000001") }, availability.ErrObjective,
			`objective "1.0000001": objective out of range: want a fraction above 0 and at most 1, such as 0.999 for 99.9%`},
		{"objective as a percentage", june, nil, func(r *availability.Rules) { r.Objective = dec("99.9") }, availability.ErrObjective,
			`objective "99.9": objective out of range: want a fraction above 0 and at most 1, such as 0.999 for 99.9%`},
		{"negative notice", june, nil, func(r *availability.Rules) { r.Notice = -time.Hour }, availability.ErrNegative,
			`notice "-1h": negative: want 0s or more, such as "48h"`},
		{"reversed period", calendar.Interval{Start: june.End, End: june.Start}, nil, nil, availability.ErrReversed,
			`period.end "2026-06-01T00:00:00+02:00": end before start: want at or after period.start "2026-07-01T00:00:00+02:00"`},
		{"zero period", calendar.Interval{}, nil, nil, availability.ErrMissing,
			"period.start: missing: want an RFC 3339 time\nperiod.end: missing: want an RFC 3339 time"},
		{"period without end", calendar.Interval{Start: june.Start}, nil, nil, availability.ErrMissing,
			`period.end: missing: want an RFC 3339 time`},
		{"period without start", calendar.Interval{End: june.End}, nil, nil, availability.ErrMissing,
			`period.start: missing: want an RFC 3339 time`},
		{"period over 292 years", calendar.Interval{Start: june.Start, End: june.Start.AddDate(300, 0, 0)}, nil, nil, availability.ErrTooLong,
			`period.end "2326-06-01T00:00:00+02:00": period longer than 292 years: want less than 2562047h47m16.854775807s after period.start`},
		{"period beyond year 9999", calendar.Interval{Start: june.Start, End: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}, nil, nil, availability.ErrRange,
			`period.end "10000-01-01T00:00:00Z": out of range: want an instant RFC 3339 can write, in years 0 to 9999 of its zone`},
		{"every problem at once", june, []availability.Outage{good, {Start: at(3, 11), End: at(3, 10), Cause: availability.Exceptional}},
			func(r *availability.Rules) { r.Notice, r.Objective = -time.Minute, dec("0") }, availability.ErrInvalid,
			`notice "-1m": negative: want 0s or more, such as "48h"` + "\n" +
				`objective "0": objective out of range: want a fraction above 0 and at most 1, such as 0.999 for 99.9%` + "\n" +
				`outages[1].end "2026-06-03T10:00:00+02:00": end before start: want at or after start "2026-06-03T11:00:00+02:00"` + "\n" +
				`outages[1].category: unknown or missing R4 category: want the R4 circumstance of an exceptional outage, one of ` + categories},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := rules
			if tc.rules != nil {
				tc.rules(&r)
			}
			_, err := availability.Compute(tc.period, tc.outages, r)
			var fe *availability.FieldError
			if !errors.As(err, &fe) || !errors.Is(err, tc.err) {
				t.Fatalf("error %v, want a FieldError wrapping %v", err, tc.err)
			}
			if err.Error() != tc.msg {
				t.Errorf("message\n got %s\nwant %s", err, tc.msg)
			}
		})
	}
	// The objective 1 is allowed.
	r := rules
	r.Objective = decimal.NewFromInt(1)
	if _, err := availability.Compute(june, nil, r); err != nil {
		t.Errorf("objective 1: %v", err)
	}
}

// TestComputeErrorsAreCapped: a million bad outages give twenty errors and a
// count of the rest, not a million errors.
func TestComputeErrorsAreCapped(t *testing.T) {
	june := month(t, 2026, time.June, "Europe/Paris")
	bad := make([]availability.Outage, 1000)
	_, err := availability.Compute(june, bad, specRules("Europe/Paris"))
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 21 || lines[20] != "over the limit: 1980 more problems not listed" || !errors.Is(err, availability.ErrLimit) {
		t.Fatalf("%d lines, the last %q", len(lines), lines[len(lines)-1])
	}
}

// ---- properties -----------------------------------------------------------------

// checkOracle: Compute agrees with stepping minute by minute on every figure,
// the evidence and each outage's breakdown.
func checkOracle(t *rapid.T) {
	s := genScenario(t)
	r, err := availability.Compute(s.period, s.outages, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	o := oracle(s.period, s.outages, s.win, s.notice)
	if r.Total != o.total || r.Planned != o.by[availability.ClassPlanned] || r.Unplanned != o.by[availability.ClassUnplanned] ||
		r.Excluded != o.by[availability.ClassExcluded] || r.Up != o.by[availability.ClassUp] {
		t.Fatalf("%s\noracle T=%v P=%v U=%v E=%v up=%v", summary(r), o.total, o.by[availability.ClassPlanned],
			o.by[availability.ClassUnplanned], o.by[availability.ClassExcluded], o.by[availability.ClassUp])
	}
	sameEvidence(t, r.Evidence, o.evidence)
	for i := range s.outages {
		if r.Outages[i] != o.outages[i] {
			t.Fatalf("outage %d: breakdown %+v, oracle %+v", i, r.Outages[i], o.outages[i])
		}
	}
	checkShape(t, r, s.outages)
	checkFormula(t, r, s.obj)
}

// checkMoreDowntime: adding an unplanned outage never raises availability, U
// or the excluded time only grow, P stays, and a met objective can only become
// missed.
func checkMoreDowntime(t *rapid.T) {
	s := genScenario(t)
	before, err := availability.Compute(s.period, s.outages, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	more := append(s.outages[:len(s.outages):len(s.outages)], genOutage(t, s.period.Start, s.period.Duration(), 3*1440, availability.Unplanned))
	after, err := availability.Compute(s.period, more, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	if after.Availability.Cmp(before.Availability) > 0 || after.Unplanned < before.Unplanned ||
		after.Planned != before.Planned || after.Excluded != before.Excluded || after.Met && !before.Met {
		t.Fatalf("adding an unplanned outage:\nbefore %s\n after %s", summary(before), summary(after))
	}
}

// checkOrder: the order of the outages does not matter.
func checkOrder(t *rapid.T) {
	s := genScenario(t)
	idx := make([]int, len(s.outages))
	for i := range idx {
		idx[i] = i
	}
	perm := rapid.Permutation(idx).Draw(t, "order")
	shuffled := make([]availability.Outage, len(perm))
	for i, j := range perm {
		shuffled[i] = s.outages[j]
	}
	a, err := availability.Compute(s.period, s.outages, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	b, err := availability.Compute(s.period, shuffled, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	sameTotals(t, b, a)
	for i, j := range perm {
		if b.Outages[i] != a.Outages[j] {
			t.Fatalf("breakdown of outage %d moved to %d changed: %+v vs %+v", j, i, b.Outages[i], a.Outages[j])
		}
	}
}

// checkSplit: cutting an outage into adjacent pieces changes nothing. (An
// announced maintenance is left whole: a later piece would get a longer notice.)
func checkSplit(t *rapid.T) {
	s := genScenario(t)
	s.outages = append(s.outages, genOutage(t, s.period.Start, s.period.Duration(), 3*1440,
		availability.Unplanned, availability.Exceptional, availability.SecurityBlock))
	var candidates []int // announced maintenance stays whole
	for i, o := range s.outages {
		if o.Cause != availability.Maintenance {
			candidates = append(candidates, i)
		}
	}
	i := rapid.SampledFrom(candidates).Draw(t, "outage to split")
	o := s.outages[i]
	cut := o.Start.Add(time.Duration(rapid.Int64Range(0, int64(o.End.Sub(o.Start))).Draw(t, "cut")))
	first, second := o, o
	first.End, second.Start = cut, cut
	split := append(append(append([]availability.Outage(nil), s.outages[:i]...), first, second), s.outages[i+1:]...)
	a, err := availability.Compute(s.period, s.outages, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	b, err := availability.Compute(s.period, split, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	sameTotals(t, b, a)
	f, g := b.Outages[i], b.Outages[i+1]
	if sum := (availability.Breakdown{f.Planned + g.Planned, f.Excluded + g.Excluded, f.Unplanned + g.Unplanned}); sum != a.Outages[i] {
		t.Fatalf("pieces %+v and %+v do not add up to %+v", f, g, a.Outages[i])
	}
}

// checkYear: the twelve months of a year add up to the year, whatever the
// outages straddling month boundaries.
func checkYear(t *rapid.T) {
	zone := genZone().Draw(t, "zone")
	loc := mustLoc(t, zone)
	y := rapid.IntRange(2023, 2027).Draw(t, "year")
	jan, _ := availability.Month(y, time.January, loc)
	dec31, _ := availability.Month(y, time.December, loc)
	year := calendar.Interval{Start: jan.Start, End: dec31.End}
	s := scenario{period: year, win: genWindow(t, zone), notice: 48 * time.Hour, obj: genObjective(t)}
	for range rapid.IntRange(0, 20).Draw(t, "outages") {
		s.outages = append(s.outages, genOutage(t, year.Start, year.Duration(), 20*1440))
	}
	whole, err := availability.Compute(year, s.outages, s.rules())
	if err != nil {
		t.Fatal(err)
	}
	var sum availability.Report
	sum.Outages = make([]availability.Breakdown, len(s.outages))
	var evidence []availability.Segment
	for m := time.January; m <= time.December; m++ {
		p, err := availability.Month(y, m, loc)
		if err != nil {
			t.Fatal(err)
		}
		r, err := availability.Compute(p, s.outages, s.rules())
		if err != nil {
			t.Fatal(err)
		}
		sum.Total += r.Total
		sum.Planned += r.Planned
		sum.Unplanned += r.Unplanned
		sum.Excluded += r.Excluded
		sum.Up += r.Up
		for i, b := range r.Outages {
			sum.Outages[i].Planned += b.Planned
			sum.Outages[i].Excluded += b.Excluded
			sum.Outages[i].Unplanned += b.Unplanned
		}
		for _, seg := range r.Evidence { // rejoin what the month boundary cut
			if n := len(evidence); n > 0 && evidence[n-1].Class == seg.Class && evidence[n-1].End.Equal(seg.Start) {
				evidence[n-1].End = seg.End
				continue
			}
			evidence = append(evidence, seg)
		}
	}
	if sum.Total != whole.Total || sum.Planned != whole.Planned || sum.Unplanned != whole.Unplanned ||
		sum.Excluded != whole.Excluded || sum.Up != whole.Up {
		t.Fatalf("months add up to %s\nthe year is %s", summary(sum), summary(whole))
	}
	sameEvidence(t, evidence, whole.Evidence)
	for i := range s.outages {
		if sum.Outages[i] != whole.Outages[i] {
			t.Fatalf("outage %d: months give %+v, the year %+v", i, sum.Outages[i], whole.Outages[i])
		}
	}
}

// checkCompute feeds ComputeCovered wild input: any instants to the
// nanosecond, any cause, category, announcement and coverage, valid or not.
// It must never panic, must refuse bad input with a FieldError, and must
// return a well-formed report that marshals otherwise.
func checkCompute(t *rapid.T) {
	base := time.Unix(rapid.Int64Range(-62135596800, 253402300799).Draw(t, "base"), 0).UTC()
	instant := func(label string) time.Time {
		switch rapid.IntRange(0, 19).Draw(t, label+" kind") { // rapid favours small values
		case 19:
			return time.Time{}
		case 17, 18:
			return time.Unix(rapid.Int64Range(-62135596800, 253402300799).Draw(t, label+" anywhere"), rapid.Int64Range(0, 999999999).Draw(t, label+" ns"))
		}
		return base.Add(time.Duration(rapid.Int64Range(-int64(40*24*time.Hour), int64(40*24*time.Hour)).Draw(t, label)))
	}
	// after is mostly a valid later instant, sometimes anything.
	after := func(t0 time.Time, label string) time.Time {
		if rapid.IntRange(0, 9).Draw(t, label+" wild") == 9 {
			return instant(label)
		}
		return t0.Add(time.Duration(rapid.Int64Range(0, int64(50*24*time.Hour)).Draw(t, label)))
	}
	start := instant("period start")
	period := calendar.Interval{Start: start, End: after(start, "period end")}
	var outages []availability.Outage
	for range rapid.IntRange(0, 6).Draw(t, "outages") {
		o := availability.Outage{Start: instant("start")}
		o.End = after(o.Start, "end")
		o.Cause = availability.Cause(rapid.IntRange(0, 3).Draw(t, "cause"))
		if rapid.IntRange(0, 9).Draw(t, "odd cause") == 9 {
			o.Cause = availability.Cause(rapid.IntRange(0, 255).Draw(t, "any cause"))
		}
		if o.Cause == availability.Exceptional {
			o.Category = availability.Category(rapid.IntRange(1, 7).Draw(t, "category"))
		}
		if rapid.IntRange(0, 9).Draw(t, "odd category") == 9 {
			o.Category = availability.Category(rapid.IntRange(0, 9).Draw(t, "category"))
		}
		if o.Cause == availability.Maintenance || rapid.IntRange(0, 9).Draw(t, "odd announcement") == 9 {
			o.AnnouncedAt = o.Start.Add(-time.Duration(rapid.Int64Range(0, int64(100*time.Hour)).Draw(t, "notice given")))
			if rapid.IntRange(0, 9).Draw(t, "late announcement") == 9 {
				o.AnnouncedAt = o.Start.Add(time.Duration(rapid.Int64Range(1, int64(time.Hour)).Draw(t, "late by")))
			}
			o.AnnouncedEnd = after(o.Start, "announced end")
		}
		outages = append(outages, o)
	}
	rules := availability.Rules{
		Notice:    time.Duration(rapid.Int64Range(0, int64(100*time.Hour)).Draw(t, "notice")),
		Objective: decimal.New(rapid.Int64Range(1, 1_000_000).Draw(t, "objective"), -6),
	}
	if rapid.IntRange(0, 9).Draw(t, "odd rules") == 9 {
		rules.Notice = time.Duration(rapid.Int64Range(-int64(time.Hour), int64(time.Hour)).Draw(t, "odd notice"))
		rules.Objective = decimal.New(rapid.Int64Range(-10, 1_000_010).Draw(t, "odd objective"), -6)
	}
	if period.End.Sub(period.Start) < 100*24*time.Hour && rapid.Bool().Draw(t, "window") {
		rules.Window = daily(genZone().Draw(t, "zone"), "01:00-02:00")
	}
	var coverage availability.Coverage
	var ivs []calendar.Interval
	switch rapid.IntRange(0, 3).Draw(t, "coverage kind") {
	case 1:
		coverage = availability.FullyMonitored()
	case 2, 3:
		for range rapid.IntRange(0, 4).Draw(t, "monitored intervals") {
			from := instant("monitored from")
			ivs = append(ivs, calendar.Interval{Start: from, End: after(from, "monitored to")})
		}
		coverage = availability.Monitored(ivs...)
	}
	r, err := availability.ComputeCovered(period, outages, coverage, rules)
	if err != nil {
		var fe *availability.FieldError
		if !errors.As(err, &fe) || strings.Contains(err.Error(), "availability: ") {
			t.Fatalf("error %v is not a FieldError", err)
		}
		return
	}
	checkShape(t, r, outages)
	if coverage.IsFull() {
		checkFormula(t, r, rules.Objective)
	} else {
		checkBounds(t, r, rules.Objective, r.Monitored == 0)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Fatalf("the report does not marshal: %v", err)
	}
}

func TestOracle(t *testing.T)       { rapid.Check(t, checkOracle) }
func TestMoreDowntime(t *testing.T) { rapid.Check(t, checkMoreDowntime) }
func TestOrder(t *testing.T)        { rapid.Check(t, checkOrder) }
func TestSplit(t *testing.T)        { rapid.Check(t, checkSplit) }
func TestYear(t *testing.T)         { rapid.Check(t, checkYear) }
func TestComputeWild(t *testing.T)  { rapid.Check(t, checkCompute) }

func FuzzOracle(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(checkOracle)) }
func FuzzMoreDowntime(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkMoreDowntime)) }
func FuzzOrder(f *testing.F)        { f.Fuzz(rapid.MakeFuzz(checkOrder)) }
func FuzzSplit(f *testing.F)        { f.Fuzz(rapid.MakeFuzz(checkSplit)) }
func FuzzYear(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(checkYear)) }
func FuzzCompute(f *testing.F)      { f.Fuzz(rapid.MakeFuzz(checkCompute)) }

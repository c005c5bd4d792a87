package severity_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/au"
	"github.com/rickar/cal/v2/de"
	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/jp"
	"github.com/rickar/cal/v2/nz"
	"github.com/rickar/cal/v2/us"
	"pgregory.net/rapid"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/severity"
)

// A worked example of the rules: severity 3 opened Friday 2026-03-27 16:00 in
// Paris, French holidays (Easter Monday, 6 April 2026, closed).
func TestDueSev3FromFridayAfternoon(t *testing.T) {
	start := at(paris, 2026, time.March, 27, 16, 0)
	ts := severity.PresetMatrix()[severity.Sev3]
	want := map[string]time.Time{
		"response":   at(paris, 2026, time.March, 30, 10, 0),
		"workaround": at(paris, 2026, time.April, 3, 16, 0),
		"fix":        at(paris, 2026, time.April, 20, 16, 0),
	}
	for name, tg := range map[string]severity.Target{"response": ts.Response, "workaround": ts.Workaround, "fix": ts.Fix} {
		got, ok := tg.Due(start, frenchSupport)
		if !ok || !got.Equal(want[name]) {
			t.Errorf("sev3 %s (%v) due %v, %v; want %v", name, tg, got, ok, want[name])
		}
	}
}

// The other rows of the preset from the Friday-afternoon instant, worked by hand.
func TestDuePresetByHand(t *testing.T) {
	start := at(paris, 2026, time.March, 27, 16, 0)
	m := severity.PresetMatrix()
	tests := []struct {
		name string
		tg   severity.Target
		want time.Time
	}{
		{"sev1 response", m[severity.Sev1].Response, at(paris, 2026, time.March, 27, 17, 0)},
		{"sev1 workaround", m[severity.Sev1].Workaround, at(paris, 2026, time.March, 27, 16, 30)},
		{"sev1 fix", m[severity.Sev1].Fix, at(paris, 2026, time.March, 27, 17, 0)},
		{"sev2 response", m[severity.Sev2].Response, at(paris, 2026, time.March, 27, 17, 0)},
		// 48 elapsed hours over the spring-forward night of 29 March read 17:00.
		{"sev2 workaround", m[severity.Sev2].Workaround, at(paris, 2026, time.March, 29, 17, 0)},
		{"sev2 fix", m[severity.Sev2].Fix, at(paris, 2026, time.April, 1, 17, 0)},
		// 2 h on Friday, 6 h on Monday from 08:00.
		{"sev4 response", m[severity.Sev4].Response, at(paris, 2026, time.March, 30, 14, 0)},
		{"sev4 fix", m[severity.Sev4].Fix, at(paris, 2027, time.March, 27, 16, 0)},
	}
	for _, tt := range tests {
		got, ok := tt.tg.Due(start, frenchSupport)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("%s (%v): due %v, %v; want %v", tt.name, tt.tg, got, ok, tt.want)
		}
		if got.Location() != frenchSupport.Location() {
			t.Errorf("%s: due in %v, want the calendar's zone", tt.name, got.Location())
		}
	}
	if got, ok := m[severity.Sev4].Workaround.Due(start, frenchSupport); ok || !got.IsZero() {
		t.Errorf("sev4 workaround (n/a) due %v, %v", got, ok)
	}
}

// I2: on the preset's uniform 10-hour day, 5 business days are 50 business
// hours and 15 are 150, from any start.
func TestDueI2BusinessDays(t *testing.T) {
	starts := []time.Time{
		at(paris, 2026, time.March, 27, 16, 0),
		at(paris, 2026, time.March, 28, 11, 0), // Saturday
		at(paris, 2026, time.April, 6, 9, 0),   // Easter Monday
		at(paris, 2026, time.April, 30, 18, 0), // closing time before 1 May
		at(paris, 2026, time.December, 24, 7, 59),
	}
	for _, s := range starts {
		for days, hours := range map[string]string{"5d business": "50h business", "15d business": "150h business"} {
			a, _ := severity.MustParseTarget(days).Due(s, frenchSupport)
			b, _ := severity.MustParseTarget(hours).Due(s, frenchSupport)
			if !a.Equal(b) {
				t.Errorf("from %v: %s due %v, %s due %v", s, days, a, hours, b)
			}
		}
	}
}

// Ends of day: the close of the N-th open day after the day of receipt,
// worked by hand on the French calendar (Easter Monday, 6 April 2026, closed).
func TestDueEndsOfDay(t *testing.T) {
	tests := []struct {
		name  string
		tg    string
		start time.Time
		want  time.Time
	}{
		{"received in the day", "1eod business", at(paris, 2026, time.March, 26, 10, 0), at(paris, 2026, time.March, 27, 18, 0)},
		{"received after hours: Friday is the day of receipt", "1eod business", at(paris, 2026, time.March, 26, 19, 0), at(paris, 2026, time.March, 30, 18, 0)},
		{"received at closing time", "1eod business", at(paris, 2026, time.March, 26, 18, 0), at(paris, 2026, time.March, 30, 18, 0)},
		{"received on Saturday", "1eod business", at(paris, 2026, time.March, 28, 11, 0), at(paris, 2026, time.March, 31, 18, 0)},
		{"before Easter Monday", "1eod business", at(paris, 2026, time.April, 3, 9, 0), at(paris, 2026, time.April, 7, 18, 0)},
		{"two ends of day", "2eod business", at(paris, 2026, time.April, 3, 9, 0), at(paris, 2026, time.April, 8, 18, 0)},
		{"ten", "10eod business", at(paris, 2026, time.April, 1, 12, 0), at(paris, 2026, time.April, 16, 18, 0)},
	}
	for _, tt := range tests {
		tg := severity.MustParseTarget(tt.tg)
		got, ok := tg.Due(tt.start, frenchSupport)
		if !ok || !got.Equal(tt.want) || got.Location() != frenchSupport.Location() {
			t.Errorf("%s: %v from %v due %v, %v; want %v", tt.name, tg, tt.start, got, ok, tt.want)
		}
		if used, _ := tg.Elapsed(tt.start, got, frenchSupport); used != frenchSupport.Between(tt.start, got) {
			t.Errorf("%s: elapsed %v", tt.name, used)
		}
	}
	if got, ok := severity.MustParseTarget("1eod business").Due(at(paris, 2026, time.March, 26, 10, 0), nil); ok || !got.IsZero() {
		t.Errorf("without a calendar: due %v, %v", got, ok)
	}
	// On the 24×7 clock used as the support calendar, a day closes at midnight.
	k := calendar.Continuous(paris)
	if got, _ := severity.MustParseTarget("1eod business").Due(at(paris, 2026, time.March, 28, 11, 0), k); !got.Equal(at(paris, 2026, time.March, 30, 0, 0)) {
		t.Errorf("on the 24×7 calendar: due %v", got)
	}
}

// I4 and the end-of-month clamp.
func TestDueMonths(t *testing.T) {
	tests := []struct {
		start time.Time
		tg    string
		want  time.Time
	}{
		{at(paris, 2028, time.February, 29, 10, 0), "12mo", at(paris, 2029, time.February, 28, 10, 0)}, // I4
		{at(paris, 2028, time.February, 29, 10, 0), "48mo", at(paris, 2032, time.February, 29, 10, 0)},
		{at(paris, 2026, time.January, 31, 9, 15), "1mo", at(paris, 2026, time.February, 28, 9, 15)},
		{at(paris, 2028, time.January, 31, 9, 15), "1mo", at(paris, 2028, time.February, 29, 9, 15)},
		{at(paris, 2026, time.March, 31, 23, 59), "1mo", at(paris, 2026, time.April, 30, 23, 59)},
		{at(paris, 2026, time.December, 31, 0, 0), "14mo", at(paris, 2028, time.February, 29, 0, 0)},
		// Same wall time across a DST change: 12 months is not 365 × 24 h.
		{at(paris, 2026, time.January, 15, 12, 0), "6mo", at(paris, 2026, time.July, 15, 12, 0)},
	}
	for _, tt := range tests {
		got, ok := severity.MustParseTarget(tt.tg).Due(tt.start, frenchSupport)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("%s from %v: due %v, %v; want %v", tt.tg, tt.start, got, ok, tt.want)
		}
	}
}

// A months target computes in the customer's zone (the calendar's), not in the
// start's location.
func TestDueMonthsCustomerZone(t *testing.T) {
	start := time.Date(2026, time.January, 30, 23, 30, 0, 0, time.UTC) // 31 January 00:30 in Paris
	got, _ := severity.MustParseTarget("1mo").Due(start, frenchSupport)
	if want := at(paris, 2026, time.February, 28, 0, 30); !got.Equal(want) {
		t.Errorf("due %v, want %v", got, want)
	}
	// Without a calendar, start's location is the customer's zone.
	got, ok := severity.MustParseTarget("1mo").Due(start, nil)
	if want := time.Date(2026, time.February, 28, 23, 30, 0, 0, time.UTC); !ok || !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("due without calendar %v, %v; want %v", got, ok, want)
	}
}

// When the due wall time is skipped, it moves forward by the gap; when it
// happens twice, it is the first. Expected instants are written in UTC from the
// zones' published offsets.
func TestDueMonthsDST(t *testing.T) {
	santiago := mustZone("America/Santiago")
	lordHowe := mustZone("Australia/Lord_Howe")
	apia := mustZone("Pacific/Apia")
	utc := func(y int, m time.Month, d, hh, mm int) time.Time { return time.Date(y, m, d, hh, mm, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		loc   *time.Location
		start time.Time
		tg    string
		want  time.Time
	}{
		// Paris springs forward 02:00 → 03:00 on 29 March 2026: 02:30 → 03:30 CEST.
		{"Paris gap", paris, utc(2025, time.March, 29, 1, 30), "12mo", utc(2026, time.March, 29, 1, 30)},
		// Paris falls back 03:00 → 02:00 on 25 October 2026: the first 02:30 is CEST.
		{"Paris repeat", paris, utc(2025, time.October, 25, 0, 30), "12mo", utc(2026, time.October, 25, 0, 30)},
		// New York springs forward 02:00 → 03:00 on 8 March 2026: 02:30 → 03:30 EDT.
		{"New York gap", newYork, utc(2025, time.March, 8, 7, 30), "12mo", utc(2026, time.March, 8, 7, 30)},
		// New York falls back 02:00 → 01:00 on 1 November 2026: the first 01:30 is EDT.
		{"New York repeat", newYork, utc(2025, time.November, 1, 5, 30), "12mo", utc(2026, time.November, 1, 5, 30)},
		// Santiago springs forward at midnight on 6 September 2026: 00:30 → 01:30 -03,
		// on the same date.
		{"Santiago midnight gap", santiago, utc(2025, time.August, 6, 4, 30), "13mo", utc(2026, time.September, 6, 4, 30)},
		// Lord Howe springs forward half an hour on 4 October 2026: 02:15 → 02:45 +11.
		{"Lord Howe half-hour gap", lordHowe, utc(2026, time.September, 3, 15, 45), "1mo", utc(2026, time.October, 3, 15, 45)},
		// Samoa skipped 30 December 2011: 10:00 that day → 31 December 10:00 +14.
		{"Apia skipped day", apia, utc(2011, time.November, 30, 20, 0), "1mo", utc(2011, time.December, 30, 20, 0)},
	}
	for _, tt := range tests {
		biz := calendar.Continuous(tt.loc)
		got, ok := severity.MustParseTarget(tt.tg).Due(tt.start, biz)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("%s: %s from %v due %v, %v; want %v", tt.name, tt.tg, tt.start.In(tt.loc), got, ok, tt.want.In(tt.loc))
		}
	}
}

func TestDueNotApplicable(t *testing.T) {
	start := at(paris, 2026, time.March, 27, 16, 0)
	for _, s := range []string{"n/a", "4h business", "5d business", "30m business"} {
		got, ok := severity.MustParseTarget(s).Due(start, nil)
		if ok || !got.IsZero() {
			t.Errorf("%s with no calendar: due %v, %v", s, got, ok)
		}
	}
	if _, ok := (severity.Target{}).Due(start, frenchSupport); ok {
		t.Error("n/a falls due")
	}
	// Continuous targets need no calendar and answer in start's location.
	got, ok := severity.MustParseTarget("2d continuous").Due(start.UTC(), nil)
	if !ok || !got.Equal(start.Add(48*time.Hour)) || got.Location() != time.UTC {
		t.Errorf("2d continuous without calendar: %v, %v", got, ok)
	}
	// Monotonic readings are stripped.
	for _, s := range []string{"1h continuous", "4h business", "5d business", "12mo"} {
		got, _ := severity.MustParseTarget(s).Due(time.Now(), frenchSupport)
		if strings.Contains(got.String(), "m=") {
			t.Errorf("%s kept a monotonic reading: %v", s, got)
		}
	}
}

// Due never panics, whatever the instant: the zero Time, the limits of the
// calendar (years 1 to 9999), and far beyond them.
func TestDueExtremes(t *testing.T) {
	starts := []time.Time{
		{},
		time.Date(-5000, time.January, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, time.December, 31, 23, 59, 59, 999999999, paris),
		time.Date(12000, time.February, 29, 12, 0, 0, 0, paris),
		time.Unix(1<<40, 0),
		time.Unix(-1<<40, 0),
	}
	targets := []string{"99999m business", "99999h continuous", "99999d business", "99999d continuous", "99999mo", "1mo", "n/a"}
	for _, s := range starts {
		for _, c := range []*calendar.Calendar{frenchSupport, nil} {
			for _, text := range targets {
				tg := severity.MustParseTarget(text)
				tg.Due(s, c)
				tg.Elapsed(s, s.Add(time.Hour), c)
				tg.Remaining(s, s, c)
			}
		}
	}
}

func TestElapsedRemaining(t *testing.T) {
	start := at(paris, 2026, time.March, 27, 16, 0)
	mon9 := at(paris, 2026, time.March, 30, 9, 0)
	tests := []struct {
		tg              string
		now             time.Time
		elapsed, remain time.Duration
	}{
		{"4h business", mon9, 3 * time.Hour, time.Hour}, // 2 h Friday, 1 h Monday
		{"4h business", at(paris, 2026, time.March, 30, 11, 0), 5 * time.Hour, -time.Hour},
		{"2d continuous", mon9, 64 * time.Hour, -16 * time.Hour}, // 65 wall hours, 64 elapsed (DST)
		{"5d business", mon9, 3 * time.Hour, 47 * time.Hour},     // due Friday 3 April 16:00
		{"12mo", start.Add(24 * time.Hour), 24 * time.Hour, at(paris, 2027, time.March, 27, 16, 0).Sub(start.Add(24 * time.Hour))},
	}
	for _, tt := range tests {
		tg := severity.MustParseTarget(tt.tg)
		e, ok1 := tg.Elapsed(start, tt.now, frenchSupport)
		r, ok2 := tg.Remaining(start, tt.now, frenchSupport)
		if !ok1 || !ok2 || e != tt.elapsed || r != tt.remain {
			t.Errorf("%s at %v: elapsed %v, %v remaining %v, %v; want %v, %v", tt.tg, tt.now, e, ok1, r, ok2, tt.elapsed, tt.remain)
		}
	}
	na := severity.Target{}
	if _, ok := na.Elapsed(start, mon9, frenchSupport); ok {
		t.Error("n/a has elapsed time")
	}
	if _, ok := na.Remaining(start, mon9, frenchSupport); ok {
		t.Error("n/a has remaining time")
	}
	if _, ok := severity.MustParseTarget("4h business").Remaining(start, mon9, nil); ok {
		t.Error("business target measured without a calendar")
	}
}

// An oracle for the preset calendar shape (weekdays 08:00–18:00 local, closed on
// holidays), written independently of package calendar: it walks the clock in
// minutes, and in whole hours where an hour is wholly open or closed.
type oracle struct {
	loc    *time.Location
	closed map[[3]int]bool
}

func newOracle(loc *time.Location, holidays []*cal.Holiday) oracle {
	o := oracle{loc: loc, closed: map[[3]int]bool{}}
	for y := 2024; y <= 2030; y++ {
		for _, h := range holidays {
			actual, observed := h.Calc(y)
			for _, d := range []time.Time{actual, observed} {
				if !d.IsZero() {
					o.closed[[3]int{d.Year(), int(d.Month()), d.Day()}] = true
				}
			}
		}
	}
	return o
}

func (o oracle) open(x time.Time) bool {
	w := x.In(o.loc)
	if w.Weekday() == time.Saturday || w.Weekday() == time.Sunday {
		return false
	}
	if m := w.Hour()*60 + w.Minute(); m < 8*60 || m >= 18*60 {
		return false
	}
	return !o.closed[[3]int{w.Year(), int(w.Month()), w.Day()}]
}

// add returns the earliest instant with need of open time since start, which must
// be on a whole minute.
func (o oracle) add(start time.Time, need time.Duration) time.Time {
	x, have := start, time.Duration(0)
	for have < need {
		step := time.Minute
		if x.In(o.loc).Minute() == 0 && (!o.open(x) || need-have >= time.Hour) {
			step = time.Hour // the preset's hours and these zones' DST changes fall on whole hours
		}
		if o.open(x) {
			have += step
		}
		x = x.Add(step)
	}
	return x
}

// monthsLater returns the wall time of start in loc n months later, clamped, and
// false when that wall time is skipped or repeated (TestDueMonthsDST covers those).
func monthsLater(start time.Time, loc *time.Location, n int) (time.Time, bool) {
	w := start.In(loc)
	first := time.Date(w.Year(), w.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	want := time.Date(first.Year(), first.Month(), min(w.Day(), last), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), loc)
	read := func(t time.Time) string { return t.Format("2006-01-02 15:04:05.999999999") }
	ok := read(want) == read(time.Date(first.Year(), first.Month(), min(w.Day(), last), w.Hour(), w.Minute(), w.Second(), w.Nanosecond(), time.UTC)) &&
		read(want.Add(-time.Hour)) != read(want) && read(want.Add(time.Hour)) != read(want)
	return want, ok
}

// The preset matrix on support calendars in six zones agrees with the oracle for
// all twelve targets, from many receipt instants: random ones and the edges of the
// support day.
func TestDuePresetAgainstOracle(t *testing.T) {
	sites := []struct {
		zone, country string
		holidays      []*cal.Holiday
	}{
		{"Europe/Paris", "FR", fr.Holidays},
		{"America/New_York", "US", us.Holidays},
		{"Europe/Berlin", "DE", de.Holidays},
		{"Australia/Sydney", "AU-NSW", au.HolidaysNSW},
		{"Pacific/Auckland", "NZ", nz.Holidays},
		{"Asia/Tokyo", "JP", jp.Holidays},
	}
	n := 40
	if testing.Short() {
		n = 8
	}
	rng := rand.New(rand.NewPCG(2026, 3))
	m := severity.PresetMatrix()
	for _, site := range sites {
		biz := calendar.MustNew(calendar.Spec{TimeZone: site.zone, Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{site.country}})
		loc := biz.Location()
		o := newOracle(loc, site.holidays)

		var starts []time.Time
		for range n { // whole minutes from mid-2025 to mid-2027
			starts = append(starts, time.Unix(1748736000+60*rng.Int64N(2*525600), 0))
		}
		for _, hm := range [][2]int{{7, 59}, {8, 0}, {12, 0}, {17, 59}, {18, 0}, {23, 59}} {
			for _, day := range []int{3, 4, 7} { // Friday, Saturday and Tuesday in July 2026
				starts = append(starts, time.Date(2026, time.July, day, hm[0], hm[1], 0, 0, loc))
			}
			starts = append(starts, time.Date(2026, time.December, 24, hm[0], hm[1], 0, 0, loc))
		}

		for _, start := range starts {
			months, monthsOK := monthsLater(start, loc, 12)
			want := map[severity.Level][3]time.Time{
				severity.Sev1: {start.Add(time.Hour), start.Add(30 * time.Minute), start.Add(time.Hour)},
				severity.Sev2: {start.Add(time.Hour), start.Add(48 * time.Hour), start.Add(120 * time.Hour)},
				severity.Sev3: {o.add(start, 4*time.Hour), o.add(start, 50*time.Hour), o.add(start, 150*time.Hour)},
				severity.Sev4: {o.add(start, 8*time.Hour), {}, months},
			}
			for _, l := range severity.Levels() {
				ts := m[l]
				for i, tg := range []severity.Target{ts.Response, ts.Workaround, ts.Fix} {
					got, ok := tg.Due(start, biz)
					if w := want[l][i]; ok != !w.IsZero() || ok && !got.Equal(w) && (tg.Unit() != severity.Months || monthsOK) {
						t.Errorf("%s %v target %d (%v) from %v: due %v, %v; want %v",
							site.zone, l, i, tg, start.In(loc), got, ok, w)
					}
					if ok && got.Location() != loc {
						t.Errorf("%s: due in %v", site.zone, got.Location())
					}
				}
			}
		}
	}
}

// Calendars for the properties: the preset shape in several zones, a split day,
// an overnight shift, a week with a short Saturday, and the continuous clock.
type propCalendar struct {
	name   string
	cal    *calendar.Calendar
	dayLen time.Duration // the open time of every open day, or 0 when days differ
}

var propCalendars = []propCalendar{
	{"paris", frenchSupport, 10 * time.Hour},
	{"new york", calendar.MustNew(calendar.Spec{TimeZone: "America/New_York", Hours: calendar.Weekdays("09:00-17:00"), Holidays: []string{"US"}}), 8 * time.Hour},
	{"berlin split", calendar.MustNew(calendar.Spec{TimeZone: "Europe/Berlin", Hours: calendar.Weekdays("09:00-12:30", "13:30-17:00"), Holidays: []string{"DE"}}), 7 * time.Hour},
	{"tokyo overnight", calendar.MustNew(calendar.Spec{TimeZone: "Asia/Tokyo", Hours: calendar.Weekdays("22:00-06:00"), Holidays: []string{"JP"}}), 8 * time.Hour},
	// New Zealand changes the clocks on Sundays, which are closed here.
	{"auckland 24h weekdays", calendar.MustNew(calendar.Spec{TimeZone: "Pacific/Auckland", Hours: calendar.Weekdays("00:00-24:00"), Holidays: []string{"NZ"}}), 24 * time.Hour},
	{"kolkata tue-sat", calendar.MustNew(calendar.Spec{TimeZone: "Asia/Kolkata", Hours: calendar.Week{
		Tue: []string{"10:00-19:00"}, Wed: []string{"10:00-19:00"}, Thu: []string{"10:00-19:00"},
		Fri: []string{"10:00-19:00"}, Sat: []string{"10:00-19:00"}}}), 9 * time.Hour},
	{"continuous", calendar.Continuous(mustZone("America/Sao_Paulo")), 24 * time.Hour},
	{"sydney short saturday", calendar.MustNew(calendar.Spec{TimeZone: "Australia/Sydney", Hours: calendar.Week{
		Mon: []string{"08:00-18:00"}, Tue: []string{"08:00-18:00"}, Wed: []string{"08:00-18:00"},
		Thu: []string{"08:00-18:00"}, Fri: []string{"08:00-18:00"}, Sat: []string{"09:00-13:00"}}, Holidays: []string{"AU-NSW"}}), 0},
}

// genInstant draws an instant between 1990 and 2060, to the nanosecond.
func genInstant(t *rapid.T, label string) time.Time {
	sec := rapid.Int64Range(631152000, 2840140800).Draw(t, label+" seconds")
	ns := rapid.OneOf(rapid.Just(int64(0)), rapid.Int64Range(0, 999999999)).Draw(t, label+" nanoseconds")
	return time.Unix(sec, ns)
}

// checkDueNotBeforeStart: whatever the calendar, target and start, a due time is
// never before the start, and is reported exactly when the target applies.
func checkDueNotBeforeStart(t *rapid.T) {
	pc := rapid.SampledFrom(propCalendars).Draw(t, "calendar")
	tg := genTarget().Draw(t, "target")
	start := genInstant(t, "start")
	due, ok := tg.Due(start, pc.cal)
	if ok != tg.IsApplicable() {
		t.Fatalf("%v on %s: ok = %v", tg, pc.name, ok)
	}
	if ok && due.Before(start) {
		t.Fatalf("%v on %s from %v: due %v, before the start", tg, pc.name, start, due)
	}
}

// checkDueMonotonic: for a unit and a clock, a larger amount never falls due
// earlier.
func checkDueMonotonic(t *rapid.T) {
	pc := rapid.SampledFrom(propCalendars).Draw(t, "calendar")
	unit := rapid.SampledFrom([]severity.Unit{severity.Minutes, severity.Hours, severity.Days, severity.Months, severity.EndsOfDay}).Draw(t, "unit")
	clock := rapid.SampledFrom([]severity.Clock{severity.Business, severity.Continuous}).Draw(t, "clock")
	switch unit {
	case severity.Months:
		clock = 0
	case severity.EndsOfDay:
		clock = severity.Business
	}
	hi := 2000
	if unit == severity.Minutes {
		hi = severity.MaxAmount
	}
	a := rapid.IntRange(1, hi).Draw(t, "a")
	b := rapid.IntRange(a, hi).Draw(t, "b")
	start := genInstant(t, "start")
	ta, _ := severity.NewTarget(a, unit, clock)
	tb, _ := severity.NewTarget(b, unit, clock)
	da, _ := ta.Due(start, pc.cal)
	db, _ := tb.Due(start, pc.cal)
	if db.Before(da) {
		t.Fatalf("on %s from %v: %v due %v, but %v due %v", pc.name, start, ta, da, tb, db)
	}
}

// checkBusinessDaysUniform: on a calendar whose open days all last L, n business
// days fall due exactly when n×L of business time does (I2).
func checkBusinessDaysUniform(t *rapid.T) {
	pc := rapid.SampledFrom(propCalendars).Filter(func(p propCalendar) bool { return p.dayLen > 0 }).Draw(t, "calendar")
	dayLen := pc.dayLen
	n := rapid.IntRange(1, 40).Draw(t, "days")
	start := genInstant(t, "start")
	days, _ := severity.NewTarget(n, severity.Days, severity.Business)
	minutes, err := severity.NewTarget(n*int(dayLen/time.Minute), severity.Minutes, severity.Business)
	if err != nil {
		t.Fatalf("%v", err)
	}
	a, _ := days.Due(start, pc.cal)
	b, _ := minutes.Due(start, pc.cal)
	if !a.Equal(b) {
		t.Fatalf("on %s (day %v) from %v: %v due %v, %v due %v", pc.name, dayLen, start.In(pc.cal.Location()), days, a, minutes, b)
	}
}

// checkElapsedRemaining: for a fixed-length target (minutes, hours, continuous
// days) the clock time used from the start to the due time is the target's
// length, and at any instant used plus remaining is that length.
func checkElapsedRemaining(t *rapid.T) {
	pc := rapid.SampledFrom(propCalendars).Draw(t, "calendar")
	tg := genTarget().Filter(func(tg severity.Target) bool {
		return tg.Unit() == severity.Minutes || tg.Unit() == severity.Hours ||
			tg.Unit() == severity.Days && tg.Clock() == severity.Continuous
	}).Draw(t, "target")
	length := time.Duration(tg.Amount()) * map[severity.Unit]time.Duration{
		severity.Minutes: time.Minute, severity.Hours: time.Hour, severity.Days: 24 * time.Hour}[tg.Unit()]
	start := genInstant(t, "start")
	due, _ := tg.Due(start, pc.cal)
	if used, _ := tg.Elapsed(start, due, pc.cal); used != length {
		t.Fatalf("%v on %s from %v: elapsed to due %v", tg, pc.name, start, used)
	}
	now := start.Add(time.Duration(rapid.Int64Range(-int64(time.Hour), int64(due.Sub(start)+time.Hour)).Draw(t, "now offset")))
	used, _ := tg.Elapsed(start, now, pc.cal)
	left, _ := tg.Remaining(start, now, pc.cal)
	if used+left != length {
		t.Fatalf("%v on %s from %v at %v: elapsed %v + remaining %v ≠ %v", tg, pc.name, start, now, used, left, length)
	}
}

// checkMonths: a months target falls due at the first instant whose wall clock,
// in the customer's zone, reads the start's wall time on the clamped date of the
// target month; when no instant reads it (the clocks went forward), at the
// wall time read with the offset before the gap, later by the gap.
func checkMonths(t *rapid.T) {
	loc := mustZone(rapid.SampledFrom([]string{"Europe/Paris", "America/New_York", "America/Santiago",
		"Australia/Lord_Howe", "Pacific/Apia", "Africa/Casablanca", "Pacific/Chatham", "America/St_Johns",
		"Asia/Tehran", "Europe/Dublin", "Asia/Kolkata"}).Draw(t, "zone"))
	start := time.Unix(rapid.Int64Range(0, 4102444800).Draw(t, "start"), 0) // 1970 to 2100
	n := rapid.IntRange(1, 1200).Draw(t, "months")
	tg, _ := severity.NewTarget(n, severity.Months, 0)
	due, ok := tg.Due(start, calendar.Continuous(loc))
	if !ok || due.Before(start) {
		t.Fatalf("%v from %v: %v, %v", tg, start, due, ok)
	}

	w := start.In(loc)
	first := time.Date(w.Year(), w.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	day := min(w.Day(), first.AddDate(0, 1, -1).Day())
	asked := time.Date(first.Year(), first.Month(), day, w.Hour(), w.Minute(), w.Second(), 0, time.UTC).Unix()
	reading := func(x time.Time) int64 { _, o := x.In(loc).Zone(); return x.Unix() + int64(o) }

	var offsets []int64 // the offsets in force within a day of the due time
	for _, h := range []time.Duration{-26, -3, 0, 3, 26} {
		_, o := due.Add(h * time.Hour).In(loc).Zone()
		offsets = append(offsets, int64(o))
	}
	var first0 time.Time // the first instant that reads asked
	for _, o := range offsets {
		if x := time.Unix(asked-o, 0); reading(x) == asked && (first0.IsZero() || x.Before(first0)) {
			first0 = x
		}
	}
	if !first0.IsZero() {
		if !due.Equal(first0) {
			t.Fatalf("%v from %v in %v: due %v, want %v", tg, w, loc, due, first0.In(loc))
		}
		return
	}
	_, after := due.In(loc).Zone()
	for _, o := range offsets {
		if o < int64(after) && due.Unix() == asked-o && reading(due) > asked {
			return
		}
	}
	t.Fatalf("%v from %v in %v: due %v for a skipped wall time", tg, w, loc, due)
}

func TestDueProperties(t *testing.T) {
	t.Run("not before start", rapid.MakeCheck(checkDueNotBeforeStart))
	t.Run("monotonic", rapid.MakeCheck(checkDueMonotonic))
	t.Run("business days uniform", rapid.MakeCheck(checkBusinessDaysUniform))
	t.Run("elapsed and remaining", rapid.MakeCheck(checkElapsedRemaining))
	t.Run("months", rapid.MakeCheck(checkMonths))
}

func FuzzDueNotBeforeStart(f *testing.F)   { f.Fuzz(rapid.MakeFuzz(checkDueNotBeforeStart)) }
func FuzzDueMonotonic(f *testing.F)        { f.Fuzz(rapid.MakeFuzz(checkDueMonotonic)) }
func FuzzBusinessDaysUniform(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkBusinessDaysUniform)) }
func FuzzMonths(f *testing.F)              { f.Fuzz(rapid.MakeFuzz(checkMonths)) }
func FuzzElapsedRemaining(f *testing.F)    { f.Fuzz(rapid.MakeFuzz(checkElapsedRemaining)) }

// BenchmarkDue times Due for every preset target from the Friday-afternoon instant, each
// beside its anchor: the call Due makes (Calendar.Add, Calendar.AddDays, or
// time.Time.Add and In), and for months the plain time.Date arithmetic that
// ignores DST gaps and repeats. Due should cost its anchor plus a few ns.
func BenchmarkDue(b *testing.B) {
	start := at(paris, 2026, time.March, 27, 16, 0)
	loc := frenchSupport.Location()
	m := severity.PresetMatrix()
	for _, l := range severity.Levels() {
		ts := m[l]
		for i, tg := range []severity.Target{ts.Response, ts.Workaround, ts.Fix} {
			name := fmt.Sprintf("%v/%s=%v", l, [3]string{"response", "workaround", "fix"}[i], strings.ReplaceAll(tg.String(), " ", "_"))
			b.Run(name+"/Due", func(b *testing.B) {
				for b.Loop() {
					benchTime, _ = tg.Due(start, frenchSupport)
				}
			})
			n := tg.Amount()
			length := map[severity.Unit]time.Duration{severity.Minutes: time.Minute, severity.Hours: time.Hour, severity.Days: 24 * time.Hour}[tg.Unit()] * time.Duration(n)
			var anchor func()
			switch {
			case tg.Unit() == severity.Months:
				anchor = func() {
					s := start.In(loc)
					y, mo, d := s.Date()
					last := time.Date(y, mo+time.Month(n)+1, 0, 0, 0, 0, 0, time.UTC).Day()
					benchTime = time.Date(y, mo+time.Month(n), min(d, last), s.Hour(), s.Minute(), s.Second(), s.Nanosecond(), loc)
				}
			case tg.Unit() == severity.Days && tg.Clock() == severity.Business:
				anchor = func() { benchTime = frenchSupport.AddDays(start, n) }
			case tg.Clock() == severity.Business:
				anchor = func() { benchTime = frenchSupport.Add(start, length) }
			case tg.Clock() == severity.Continuous:
				anchor = func() { benchTime = start.Add(length).In(loc) }
			default:
				continue // n/a: no call to compare with
			}
			b.Run(name+"/anchor", func(b *testing.B) {
				for b.Loop() {
					anchor()
				}
			})
		}
	}
}

// benchTime keeps benchmarked results alive, so the compiler cannot drop the calls.
var benchTime time.Time

package main

import (
	"slices"
	"testing"
	"time"

	"github.com/slakit/slakit/sla"
	"pgregory.net/rapid"
)

// checkMonthOf: the month an instant is keyed to is its month in the
// customer's zone, read off the clock of that zone (an oracle independent of
// the library's periods), across zones, DST changes and year ends.
func checkMonthOf(t *rapid.T) {
	d := drawn{t}
	contracts := testContracts()
	c := pick(d, "customer", contracts...)
	f := &keyFn{engines: testEngines(t)}
	loc := zoneOf(c)
	from, to := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
	x := genReceived(d, from, to, loc).Add(time.Duration(d.intn(-1, 1, "nanosecond")))
	got, err := f.periods.monthOf(f.engines[c.Customer], x)
	if err != nil {
		t.Fatal(err)
	}
	local := x.In(loc)
	if want := monthOfDate(local.Year(), local.Month()); got != want {
		t.Fatalf("%s (%s): month %s, want %s", x.Format(time.RFC3339Nano), local.Format(time.RFC3339Nano), got, want)
	}
}

func TestMonthOf(t *testing.T) { rapid.Check(t, checkMonthOf) }

func FuzzMonthOf(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkMonthOf)) }

func TestMonthOfEdges(t *testing.T) {
	f := &keyFn{Contracts: testFiles(t)}
	if err := f.Setup(); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		customer string
		at       string
		want     month
	}{
		{"Umbrella 株式会社/JP", "2026-12-31T14:59:59.999999999Z", "2026-12"},
		{"Umbrella 株式会社/JP", "2026-12-31T15:00:00Z", "2027-01"}, // midnight in Tokyo
		{"Initech", "2026-09-30T13:59:59Z", "2026-09"},
		{"Initech", "2026-09-30T14:00:00Z", "2026-10"}, // AEST, before the change of 4 October
		{"Initech", "2026-10-31T12:59:59Z", "2026-10"},
		{"Initech", "2026-10-31T13:00:00Z", "2026-11"}, // AEDT
		{"Globex", "2026-12-01T04:59:59Z", "2026-11"},
		{"Globex", "2026-12-01T05:00:00Z", "2026-12"}, // EST
	} {
		x, err := time.Parse(time.RFC3339Nano, tc.at)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.periods.monthOf(f.engines[tc.customer], x)
		if err != nil || got != tc.want {
			t.Errorf("%s %s: %s, %v; want %s", tc.customer, tc.at, got, err, tc.want)
		}
	}
}

// checkCandidates: a ticket is keyed to exactly the months whose report,
// computed by Engine.Month over the ticket alone, counts it.
func checkCandidates(t *rapid.T) {
	d := drawn{t}
	c := pick(d, "customer", testContracts()...)
	e, loc := testEngines(t)[c.Customer], zoneOf(c)
	from := time.Date(2026, 7, 1, 0, 0, 0, 0, loc)
	now := from.Add(time.Duration(d.intn(1, 120*24*60, "now")) * time.Minute)
	tk := genTicket(d, "T-1", genReceived(d, from, now, loc), c.Contacts)
	st, late, err := check(e, tk, now)
	if err != nil || late {
		t.Fatalf("%v, late %v", err, late)
	}
	var p periods
	got, err := p.candidates(e, tk, st, now)
	if err != nil {
		t.Fatal(err)
	}
	var want []month
	for m := monthOfDate(2026, 6); ; m = m.next() {
		y, mon, _ := m.yearMonth()
		period, err := span(e, y, mon)
		if err != nil {
			t.Fatal(err)
		}
		if !now.After(period.Start) {
			break
		}
		r, err := e.Month(y, mon, sla.MonthData{Tickets: []sla.Ticket{tk}}, now)
		if err != nil {
			t.Fatal(err)
		}
		if counts(r) {
			want = append(want, m)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("months %v, want %v", got, want)
	}
}

func TestCandidates(t *testing.T) { rapid.Check(t, checkCandidates) }

func FuzzCandidates(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkCandidates)) }

package sla_test

import (
	"encoding/json"
	"fmt"
	"iter"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/recovery"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"pgregory.net/rapid"
)

// genTickets draws n tickets with ascending IDs, received over about four
// months from October 2026.
func genTickets(t *rapid.T, n int) []sla.Ticket {
	out := make([]sla.Ticket, n)
	for i := range out {
		tk := genTicket(t, fmt.Sprintf("T%03d", i))
		shift := time.Duration(rapid.IntRange(0, 80).Draw(t, "shiftDays")) * 24 * time.Hour
		tk.Received = tk.Received.Add(shift)
		for j := range tk.Events {
			tk.Events[j].At = tk.Events[j].At.Add(shift)
		}
		out[i] = tk
	}
	return out
}

type cell struct {
	level severity.Level
	m     sla.Milestone
	state sla.State
}

// checkMonthPartition (I14): over the months from the first receipt to the
// report instant, every decided target is counted in exactly one month, and
// the open targets are those still pending at the report instant.
func checkMonthPartition(t *rapid.T) {
	tickets := genTickets(t, rapid.IntRange(0, 8).Draw(t, "tickets"))
	latest := time.Date(2026, 10, 1, 0, 0, 0, 0, paris)
	for _, tk := range tickets {
		if tk.Received.After(latest) {
			latest = tk.Received
		}
	}
	now := latest.Add(time.Duration(rapid.Int64Range(1, int64(120*24*time.Hour)).Draw(t, "now")))

	want := map[cell]int{}
	open := 0
	for _, tk := range tickets {
		st, err := props.Evaluate(tk, now)
		if err != nil {
			t.Fatalf("valid ticket refused: %v", err)
		}
		for _, ts := range st.Targets {
			if ts.State == sla.StatePending || ts.State == sla.StateAtRisk {
				open++
				continue
			}
			want[cell{ts.Level, ts.Milestone, ts.State}]++
		}
	}

	got := map[cell]int{}
	breaches := 0
	var last sla.Report
	for y, m := 2026, time.October; ; {
		r, err := props.Month(y, m, sla.MonthData{Tickets: tickets}, now)
		if err != nil {
			t.Fatalf("%d-%02d: %v", y, m, err)
		}
		for _, row := range r.Tickets.Rows {
			for state, n := range map[sla.State]int{sla.StateMet: row.Met, sla.StateMissed: row.Missed,
				sla.StateExcluded: row.Excluded, sla.StateWaived: row.Waived,
				sla.StateNotApplicable: row.NotApplicable, sla.StateNotCovered: row.NotCovered} {
				if n > 0 {
					got[cell{row.Severity, row.Milestone, state}] += n
				}
			}
		}
		breaches += len(r.Tickets.Breaches) + r.Tickets.BreachesCut
		last = r
		if m++; m > time.December {
			y, m = y+1, time.January
		}
		if !time.Date(y, m, 1, 0, 0, 0, 0, paris).Before(now) {
			break
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("months sum to %v, want %v", got, want)
	}
	if missed := want[cell{}]; breaches < missed {
		t.Fatalf("%d breaches listed or cut over the months", breaches)
	}
	_, _, lastOpen := totals(last.Tickets)
	if lastOpen != open || len(last.Tickets.Open)+last.Tickets.OpenCut != open {
		t.Fatalf("the month of now lists %d open targets (%d in the list), want %d", lastOpen, len(last.Tickets.Open), open)
	}
}

// seq yields the tickets, then nothing.
func seq(ts []sla.Ticket) iter.Seq2[sla.Ticket, error] {
	return func(yield func(sla.Ticket, error) bool) {
		for _, tk := range ts {
			if !yield(tk, nil) {
				return
			}
		}
	}
}

func genOptions(t *rapid.T) sla.Options {
	return sla.Options{
		Limit: rapid.SampledFrom([]int{0, -1, 1, 2, 3}).Draw(t, "limit"),
		IDs:   rapid.SampledFrom([]sla.IDCheck{sla.IDsAnyOrder, sla.IDsAscending}).Draw(t, "ids"),
	}
}

// checkStreamEqualsSlice: the streaming form gives the report of the slice
// form, wherever the tickets are cut between the two.
func checkStreamEqualsSlice(t *rapid.T) {
	tickets := genTickets(t, rapid.IntRange(0, 10).Draw(t, "tickets"))
	opt := genOptions(t)
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, paris).Add(time.Duration(rapid.Int64Range(1, int64(90*24*time.Hour)).Draw(t, "now")))
	month := time.Month(rapid.IntRange(10, 12).Draw(t, "month"))
	whole, err := props.MonthStream(2026, month, sla.MonthData{Tickets: tickets, Supplied: sla.Supplied{Tickets: true}}, nil, now, opt)
	if err != nil {
		t.Fatal(err)
	}
	cut := rapid.IntRange(0, len(tickets)).Draw(t, "cut")
	streamed, err := props.MonthStream(2026, month, sla.MonthData{Tickets: tickets[:cut]}, seq(tickets[cut:]), now, opt)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := js(t, whole), js(t, streamed); a != b {
		t.Fatalf("streamed:\n%s\nslice:\n%s", b, a)
	}
}

// genOther draws outages, incidents and recovery points around October 2026.
func genOther(t *rapid.T) sla.MonthData {
	base := time.Date(2026, 9, 25, 0, 0, 0, 0, paris)
	instant := func(label string) time.Time {
		return base.Add(time.Duration(rapid.Int64Range(0, int64(40*24*time.Hour)).Draw(t, label)).Truncate(time.Minute))
	}
	var d sla.MonthData
	for range rapid.IntRange(0, 4).Draw(t, "outages") {
		s := instant("outageStart")
		d.Outages = append(d.Outages, availability.Outage{Start: s, End: s.Add(time.Duration(rapid.IntRange(0, 600).Draw(t, "outageMinutes")) * time.Minute)})
	}
	for range rapid.IntRange(0, 3).Draw(t, "incidents") {
		r := instant("reported")
		in := recovery.Incident{Reported: r}
		if rapid.Bool().Draw(t, "restored") {
			in.Restored = r.Add(time.Duration(rapid.IntRange(0, 3000).Draw(t, "rtoMinutes")) * time.Minute)
		}
		d.Incidents = append(d.Incidents, in)
	}
	for range rapid.IntRange(0, 6).Draw(t, "points") {
		d.Points = append(d.Points, recovery.Point{At: instant("point")})
	}
	d.Supplied = sla.Supplied{Outages: rapid.Bool().Draw(t, "outagesSupplied"), Incidents: rapid.Bool().Draw(t, "incidentsSupplied"),
		Points: rapid.Bool().Draw(t, "pointsSupplied")}
	return d
}

// checkShardsMergeAnyOrder: tickets dealt to shards at random, the other
// inputs given to one shard, each shard's report kept as JSON (as a
// distributed combiner keeps its accumulator) and merged in any order: the
// result is the report of the whole, under any limit.
func checkShardsMergeAnyOrder(t *rapid.T) {
	tickets := genTickets(t, rapid.IntRange(0, 10).Draw(t, "tickets"))
	other := genOther(t)
	opt := genOptions(t)
	opt.IDs = sla.IDsAnyOrder
	now := time.Date(2026, 10, 20, 0, 0, 0, 0, paris).Add(time.Duration(rapid.Int64Range(0, int64(60*24*time.Hour)).Draw(t, "now")))
	all := other
	all.Tickets = tickets
	whole, err := props.MonthStream(2026, time.October, all, nil, now, opt)
	if err != nil {
		t.Fatal(err)
	}
	k := rapid.IntRange(1, 4).Draw(t, "shards")
	shards := make([]sla.MonthData, k)
	shards[rapid.IntRange(0, k-1).Draw(t, "withOther")] = other
	for _, tk := range tickets {
		i := rapid.IntRange(0, k-1).Draw(t, "shard")
		shards[i].Tickets = append(shards[i].Tickets, tk)
	}
	var acc []sla.Report
	for _, d := range shards {
		r, err := props.MonthStream(2026, time.October, d, nil, now, opt)
		if err != nil {
			t.Fatal(err)
		}
		var back sla.Report // the accumulator, as JSON
		if err := json.Unmarshal([]byte(js(t, r)), &back); err != nil {
			t.Fatal(err)
		}
		if a, b := js(t, r), js(t, back); a != b {
			t.Fatalf("JSON round trip changed the report:\n%s\n%s", a, b)
		}
		acc = append(acc, back)
	}
	order := rapid.Permutation(acc).Draw(t, "order")
	merged := order[0]
	for _, r := range order[1:] {
		if merged, err = merged.Merge(r); err != nil {
			t.Fatal(err)
		}
	}
	// Tickets supplied: the whole always says so when any shard got tickets;
	// a shard with none was not supplied any.
	if len(tickets) == 0 {
		merged.Inputs.Tickets.Supplied = whole.Inputs.Tickets.Supplied
	}
	if a, b := js(t, whole), js(t, merged); a != b {
		t.Fatalf("merged shards:\n%s\nwhole:\n%s", b, a)
	}
}

func TestMonthPartition(t *testing.T)      { rapid.Check(t, checkMonthPartition) }
func TestStreamEqualsSlice(t *testing.T)   { rapid.Check(t, checkStreamEqualsSlice) }
func TestShardsMergeAnyOrder(t *testing.T) { rapid.Check(t, checkShardsMergeAnyOrder) }
func FuzzMonthPartition(f *testing.F)      { f.Fuzz(rapid.MakeFuzz(checkMonthPartition)) }
func FuzzStreamEqualsSlice(f *testing.F)   { f.Fuzz(rapid.MakeFuzz(checkStreamEqualsSlice)) }
func FuzzShardsMergeAnyOrder(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkShardsMergeAnyOrder)) }

// checkVerdictWiring: the report's availability is the three-valued verdict
// of package availability over the same outages and coverage, under the
// contract's own rules; a credit never comes from unknown time or from an
// input not supplied.
func checkVerdictWiring(t *rapid.T) {
	d := genOther(t)
	d.Incidents, d.Points = nil, nil
	base := time.Date(2026, 10, 1, 0, 0, 0, 0, paris)
	switch rapid.IntRange(0, 3).Draw(t, "coverage") {
	case 1:
		d.Coverage = availability.FullyMonitored()
	case 2, 3:
		var ivs []calendar.Interval
		for range rapid.IntRange(0, 4).Draw(t, "intervals") {
			s := base.Add(time.Duration(rapid.Int64Range(-int64(48*time.Hour), int64(31*24*time.Hour)).Draw(t, "from")))
			ivs = append(ivs, calendar.Interval{Start: s, End: s.Add(time.Duration(rapid.Int64Range(0, int64(20*24*time.Hour)).Draw(t, "len")))})
		}
		d.Coverage = availability.Monitored(ivs...)
	}
	r, err := creditProps.Month(2026, time.October, d, time.Date(2026, 11, 2, 0, 0, 0, 0, paris))
	if err != nil {
		t.Fatal(err)
	}
	outages := len(d.Outages) > 0 || d.Supplied.Outages
	if !outages && !d.Coverage.IsSupplied() {
		if r.Availability != nil || r.Credit == nil || r.Credit.Known {
			t.Fatalf("nothing supplied, yet availability %v, credit %v", r.Availability, r.Credit)
		}
		return
	}
	period, _ := creditProps.Period(2026, time.October)
	rules, _ := creditProps.Rules(2026, time.October)
	cov := d.Coverage
	if !cov.IsSupplied() {
		cov = availability.FullyMonitored()
	}
	want, err := availability.ComputeCovered(period, d.Outages, cov, rules)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := js(t, want), js(t, r.Availability); a != b {
		t.Fatalf("report:\n%s\navailability:\n%s", b, a)
	}
	p, _ := creditProps.PolicyAt(period.Start)
	if c := p.Credits.For(want); c.String() != r.Credit.String() {
		t.Fatalf("credit %v, want %v", *r.Credit, c)
	}
	if r.Availability.Verdict == availability.VerdictUnknown && r.Credit.Known {
		t.Fatalf("a credit of %v from an unknown verdict", r.Credit)
	}
}

var creditProps = func() *sla.Engine {
	p := sla.Preset("Europe/Paris", "FR")
	if err := sla.Decode([]byte(`{"tiers":[{"below":"99.9%","credit":"10%"},{"below":"99%","credit":"25%"},{"below":"95%","credit":"100%"}],"cap":"100%"}`), &p.Credits); err != nil {
		panic(err)
	}
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: p}}})
	if err != nil {
		panic(err)
	}
	return e
}()

func TestVerdictWiring(t *testing.T) { rapid.Check(t, checkVerdictWiring) }
func FuzzVerdictWiring(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkVerdictWiring)) }

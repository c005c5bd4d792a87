package sla_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/recovery"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rows sums the rows of a compliance by state.
func totals(c sla.Compliance) (met, missed, open int) {
	for _, r := range c.Rows {
		met += r.Met
		missed += r.Missed
		open += r.Pending + r.AtRisk
	}
	return
}

// I14: a ticket received 30 June and answered late on 1 July counts in July,
// not in June.
func TestMonthReceivedInJuneAnsweredLateInJuly(t *testing.T) {
	e := engine(t)
	recv := at(2026, 6, 30, 17, 0) // sev3 response 4h business: due 1 July 11:00
	tk := sla.Ticket{ID: "T-30", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3,
		Events: []sla.Event{{At: at(2026, 7, 1, 15, 0), Kind: sla.Responded}}}
	now := at(2026, 7, 2, 12, 0) // the workaround and fix are due later in July
	june, err := e.Month(2026, time.June, sla.MonthData{Tickets: []sla.Ticket{tk}}, now)
	require.NoError(t, err)
	july, err := e.Month(2026, time.July, sla.MonthData{Tickets: []sla.Ticket{tk}}, now)
	require.NoError(t, err)

	met, missed, open := totals(june.Tickets)
	assert.Equal(t, []int{0, 0, 2}, []int{met, missed, open}, "nothing of T-30 was decided in June; two targets are open")
	assert.Empty(t, june.Tickets.Breaches)
	met, missed, open = totals(july.Tickets)
	assert.Equal(t, []int{0, 1, 2}, []int{met, missed, open}, "the response, due 1 July 11:00, was missed in July")
	require.Len(t, july.Tickets.Breaches, 1)
	b := july.Tickets.Breaches[0]
	assert.Equal(t, "T-30", b.Ticket)
	assert.Equal(t, sla.Response, b.Milestone)
	assert.True(t, b.Due.Equal(at(2026, 7, 1, 11, 0)), "due %v", b.Due)
	assert.Equal(t, sla.Duration(4*time.Hour), b.Overrun, "answered at 15:00, four business hours late")
	assert.Equal(t, 1, july.Inputs.Tickets.Read)
	assert.Equal(t, 0, july.Inputs.Tickets.Ignored)
}

// A target still pending at the report instant is listed as open, with its
// due time, and counted as decided in no month.
func TestMonthOpenTargetsListed(t *testing.T) {
	e := engine(t)
	recv := at(2026, 6, 29, 9, 0)
	tk := sla.Ticket{ID: "T-1", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev4,
		Events: []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Responded}}}
	r, err := e.Month(2026, time.June, sla.MonthData{Tickets: []sla.Ticket{tk}}, at(2026, 7, 1, 0, 0))
	require.NoError(t, err)
	met, missed, open := totals(r.Tickets)
	assert.Equal(t, []int{1, 0, 1}, []int{met, missed, open}, "response met; the fix (12 months) is open; the workaround n/a")
	require.Len(t, r.Tickets.Open, 1)
	o := r.Tickets.Open[0]
	assert.Equal(t, sla.Open{Ticket: "T-1", Milestone: sla.Fix, Severity: severity.Sev4, State: sla.StatePending,
		Due: at(2027, 6, 29, 9, 0), Remaining: o.Remaining}, o)
	assert.Equal(t, 1, r.Tickets.Tickets)
}

// The nil and zero engines refuse to report, with an error, not a panic.
func TestMonthZeroEngineErrors(t *testing.T) {
	var zero sla.Engine
	var nilEngine *sla.Engine
	for name, e := range map[string]*sla.Engine{"zero": &zero, "nil": nilEngine} {
		t.Run(name, func(t *testing.T) {
			_, err := e.Month(2026, time.June, sla.MonthData{}, at(2026, 7, 1, 0, 0))
			assert.ErrorIs(t, err, sla.ErrEngine)
			_, err = e.Evaluate(sla.Ticket{ID: "A", Received: at(2026, 6, 1, 9, 0), Severity: 3}, at(2026, 7, 1, 0, 0))
			assert.ErrorIs(t, err, sla.ErrEngine)
			_, err = e.PolicyAt(at(2026, 6, 1, 0, 0))
			assert.ErrorIs(t, err, sla.ErrEngine)
			_, err = e.Rules(2026, time.June)
			assert.ErrorIs(t, err, sla.ErrEngine)
			assert.False(t, e.Covers("ann@acme.example"))
			assert.Equal(t, sla.Contract{}, e.Contract())
		})
	}
}

func TestMonthYearOutOfRange(t *testing.T) {
	e := engine(t)
	for _, c := range []struct {
		year  int
		month time.Month
		want  string
	}{
		{0, time.June, `year "0": invalid month: want 1 to 9999`},
		{10000, time.January, `year "10000": invalid month: want 1 to 9999`},
		{1 << 40, time.January, `year "1099511627776": invalid month: want 1 to 9999`},
		{9999, time.December, `month "9999-12": invalid month: want a month that ends by year 9999`},
		{2026, 13, `month "13": invalid month: want 1 to 12`},
	} {
		_, err := e.Month(c.year, c.month, sla.MonthData{}, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
		require.Error(t, err)
		assert.ErrorIs(t, err, sla.ErrMonth)
		assert.ErrorIs(t, err, sla.ErrRange)
		assert.Equal(t, c.want, err.Error())
	}
	r, err := e.Month(9999, time.November, sla.MonthData{}, time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err, "the last month the range can write")
	_, err = json.Marshal(r)
	assert.NoError(t, err)
}

// A ticket without "received" was dropped in silence; it is refused, as
// Evaluate refuses it.
func TestMonthTicketWithoutReceivedIsRefused(t *testing.T) {
	e := engine(t)
	tk := sla.Ticket{ID: "T-0", Severity: severity.Sev3}
	_, evalErr := e.Evaluate(tk, at(2026, 7, 1, 0, 0))
	require.Error(t, evalErr)
	_, err := e.Month(2026, time.June, sla.MonthData{Tickets: []sla.Ticket{tk}}, at(2026, 7, 1, 0, 0))
	require.Error(t, err)
	assert.Equal(t, "tickets[0]."+evalErr.Error(), err.Error())
}

// An incident without "reported" was dropped in silence; it is refused.
func TestMonthIncidentWithoutReportedIsRefused(t *testing.T) {
	_, err := engine(t).Month(2026, time.June, sla.MonthData{Incidents: []recovery.Incident{
		{Reported: at(2026, 6, 2, 9, 0), Restored: at(2026, 6, 2, 10, 0)},
		{Restored: at(2026, 6, 3, 10, 0)},
	}}, at(2026, 7, 1, 0, 0))
	require.Error(t, err)
	assert.Equal(t, "incidents[1].reported: zero time: want the instant the disruption was reported", err.Error())
}

// An incident still open was an error for the whole month; it is reported as
// ongoing, measured up to now.
func TestMonthOngoingIncidentIsReportedOngoing(t *testing.T) {
	e := engine(t)
	now := at(2026, 6, 20, 12, 0)
	data := sla.MonthData{Incidents: []recovery.Incident{
		{Reported: at(2026, 6, 20, 9, 0)},                                  // 3h so far: within 24h
		{Reported: at(2026, 6, 18, 9, 0)},                                  // 51h so far: missed
		{Reported: at(2026, 6, 19, 9, 0), Restored: at(2026, 6, 21, 0, 0)}, // restored after now: ongoing at now
	}}
	r, err := e.Month(2026, time.June, data, now)
	require.NoError(t, err)
	require.Len(t, r.RTO, 3)
	for i, want := range []struct {
		took time.Duration
		met  bool
	}{{3 * time.Hour, true}, {51 * time.Hour, false}, {27 * time.Hour, false}} {
		x := r.RTO[i]
		assert.True(t, x.Ongoing, "ongoing")
		assert.True(t, x.Restored.IsZero(), "not restored at now")
		assert.Equal(t, want.took, x.Took)
		assert.Equal(t, want.met, x.Met)
	}
	var b strings.Builder
	require.NoError(t, r.WriteText(&b))
	assert.Contains(t, b.String(), "2026-06-20T09:00:00+02:00  ongoing   3h so far   24h        within so far")
	assert.Contains(t, b.String(), "2026-06-18T09:00:00+02:00  ongoing   51h so far  24h        missed")
}

func TestMonthDuplicateIDs(t *testing.T) {
	e := engine(t)
	mk := func(id string) sla.Ticket {
		return sla.Ticket{ID: id, Received: at(2026, 6, 1, 9, 0), Severity: severity.Sev3}
	}
	tickets := []sla.Ticket{mk("T-1"), mk("T-2"), mk("T-3"), mk("T-4"), mk("T-5"), mk("T-6"), mk("T-7"), mk("T-3")}
	_, err := e.Month(2026, time.June, sla.MonthData{Tickets: tickets}, at(2026, 7, 1, 0, 0))
	require.Error(t, err)
	assert.Equal(t, `tickets[7].id "T-3": duplicate: also tickets[2]`, err.Error())

	_, err = e.MonthStream(2026, time.June, sla.MonthData{Tickets: tickets}, nil, at(2026, 7, 1, 0, 0), sla.Options{IDs: sla.IDsAscending})
	require.Error(t, err)
	assert.Equal(t, `tickets[7].id "T-3": invalid value: want IDs in ascending order: after tickets[6] "T-7"`, err.Error())
	tickets[7] = mk("T-7")
	_, err = e.MonthStream(2026, time.June, sla.MonthData{Tickets: tickets}, nil, at(2026, 7, 1, 0, 0), sla.Options{IDs: sla.IDsAscending})
	require.Error(t, err)
	assert.Equal(t, `tickets[7].id "T-7": duplicate: also tickets[6]`, err.Error())
}

// Records outside the month are ignored by rule, and counted.
func TestMonthCountsIgnored(t *testing.T) {
	e := engine(t)
	data := sla.MonthData{
		Tickets: []sla.Ticket{
			{ID: "A", Received: at(2026, 6, 1, 9, 0), Severity: severity.Sev3},
			{ID: "B", Received: at(2026, 7, 1, 9, 0), Severity: severity.Sev3}, // after the month
		},
		Outages: []availability.Outage{
			{Start: at(2026, 6, 10, 0, 30), End: at(2026, 6, 10, 2, 30)},
			{Start: at(2026, 5, 10, 0, 30), End: at(2026, 5, 10, 2, 30)},
			{Start: at(2026, 7, 10, 0, 30), End: at(2026, 7, 10, 2, 30)},
		},
		Incidents: []recovery.Incident{{Reported: at(2026, 5, 31, 23, 0), Restored: at(2026, 6, 1, 1, 0)}},
	}
	r, err := e.Month(2026, time.June, data, at(2026, 7, 15, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, sla.Inputs{
		Tickets:   sla.Input{Supplied: true, Read: 2, Ignored: 1},
		Outages:   sla.Input{Supplied: true, Read: 3, Ignored: 2},
		Incidents: sla.Input{Supplied: true, Read: 1, Ignored: 1},
	}, r.Inputs)
	assert.Empty(t, r.RTO)
	assert.Equal(t, time.Hour, r.Availability.Unplanned, "E5 alone")
	var b strings.Builder
	require.NoError(t, r.WriteText(&b))
	for _, want := range []string{"(2 outages ignored: outside the month)", "RTO: no incident reported in the month",
		"(1 incident ignored: reported outside the month)", "(1 ticket ignored: received after the month or the report instant)",
		"RPO: not supplied (no recovery points given)"} {
		assert.Contains(t, b.String(), want)
	}
}

// "Not supplied" and "supplied, and empty" are different inputs.
func TestMonthNotSuppliedVersusEmpty(t *testing.T) {
	e := engine(t)
	now := at(2026, 7, 1, 0, 0)
	none, err := e.Month(2026, time.June, sla.MonthData{}, now)
	require.NoError(t, err)
	assert.Equal(t, sla.Inputs{}, none.Inputs)
	assert.Nil(t, none.Availability)
	assert.Nil(t, none.RPO)

	empty, err := e.Month(2026, time.June, sla.MonthData{Supplied: sla.Supplied{Tickets: true, Outages: true, Incidents: true, Points: true}}, now)
	require.NoError(t, err)
	assert.True(t, empty.Inputs.Outages.Supplied && empty.Inputs.Points.Supplied && empty.Inputs.Incidents.Supplied && empty.Inputs.Tickets.Supplied)
	require.NotNil(t, empty.Availability, "no outage at all: the month was up")
	assert.True(t, empty.Availability.Met)
	require.NotNil(t, empty.RPO, "no recovery point at all")
	assert.Equal(t, 720*time.Hour, empty.RPO.Worst.Duration, "the worst gap is the whole month")
	assert.False(t, empty.RPO.Met)

	var b strings.Builder
	require.NoError(t, none.WriteText(&b))
	for _, want := range []string{"Availability: not supplied", "RTO: not supplied", "RPO: not supplied", "Tickets: not supplied"} {
		assert.Contains(t, b.String(), want)
	}
	assert.NotContains(t, b.String(), "met")

	// In JSON, a key present supplies its input.
	var d sla.MonthData
	require.NoError(t, sla.Decode([]byte(`{"outages":[],"recovery_points":[]}`), &d))
	assert.Equal(t, sla.Supplied{Outages: true, Points: true}, d.Supplied)
	out, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{"outages":[],"recovery_points":[]}`, string(out))
}

// The breach list keeps the worst, counts what it cut, and the counts stay
// exact.
func TestMonthLimitCutsBreaches(t *testing.T) {
	e := engine(t)
	var tickets []sla.Ticket
	for i := range 5 {
		recv := at(2026, 6, 1, 9, 0)
		tickets = append(tickets, sla.Ticket{ID: fmt.Sprintf("T-%d", i), Contact: "ann@acme.example", Received: recv, Severity: severity.Sev1,
			Events: []sla.Event{{At: recv.Add(time.Hour + time.Duration(i)*time.Minute + time.Minute), Kind: sla.Responded}}})
	}
	var seen []string
	r, err := e.MonthStream(2026, time.June, sla.MonthData{Tickets: tickets}, nil, at(2026, 7, 1, 0, 0),
		sla.Options{Limit: 2, OnBreach: func(b sla.Breach) {
			if b.Milestone == sla.Response {
				seen = append(seen, b.Ticket)
			}
		}})
	require.NoError(t, err)
	_, missed, _ := totals(r.Tickets)
	assert.Equal(t, 15, missed, "every target of five sev1 tickets")
	require.Len(t, r.Tickets.Breaches, 2)
	assert.Equal(t, 13, r.Tickets.BreachesCut)
	assert.Equal(t, []string{"T-0", "T-1", "T-2", "T-3", "T-4"}, seen, "the callback sees every breach")
	for _, b := range r.Tickets.Breaches {
		assert.Equal(t, sla.Workaround, b.Milestone, "the workarounds never came and were due first: the largest overruns")
	}
	var b strings.Builder
	require.NoError(t, r.WriteText(&b))
	assert.Contains(t, b.String(), "Breaches (the 2 worst of 15)")
}

// Any report the library returns marshals to JSON, even with targets due
// beyond the supported range: those are written as the last instant of 9999.
func TestReportAlwaysMarshals(t *testing.T) {
	e := engine(t)
	tk := sla.Ticket{ID: "Y", Contact: "ann@acme.example", Received: time.Date(9999, 3, 1, 9, 0, 0, 0, paris), Severity: severity.Sev4}
	r, err := e.Month(9999, time.March, sla.MonthData{Tickets: []sla.Ticket{tk}}, time.Date(9999, 4, 1, 0, 0, 0, 0, paris))
	require.NoError(t, err)
	out, err := json.Marshal(r)
	require.NoError(t, err)
	require.Len(t, r.Tickets.Open, 1, "the response was missed; the fix is open")
	fix := r.Tickets.Open[0]
	assert.Equal(t, sla.Fix, fix.Milestone)
	assert.Equal(t, 9999, fix.Due.Year(), "the fix, 12 months on, is written as the end of 9999")
	assert.Contains(t, string(out), `"due":"9999-12-31T23:59:59.999999999+01:00"`)
}

func TestEngineRules(t *testing.T) {
	e := engine(t)
	rules, err := e.Rules(2026, time.June)
	require.NoError(t, err)
	period, err := e.Period(2026, time.June)
	require.NoError(t, err)
	assert.True(t, period.Start.Equal(at(2026, 6, 1, 0, 0)))
	assert.True(t, period.End.Equal(at(2026, 7, 1, 0, 0)))
	rep, err := availability.Compute(period, []availability.Outage{{Start: at(2026, 6, 10, 0, 30), End: at(2026, 6, 10, 2, 30)}}, rules)
	require.NoError(t, err)
	assert.Equal(t, 30*time.Hour, rep.Planned, "E5 with the contract's own rules")
	assert.Equal(t, time.Hour, rep.Unplanned)
	assert.Equal(t, "0.999", rules.Objective.String())
}

// The RPO gaps are written in the customer's zone, whatever the zone of the
// points given.
func TestMonthRPOInCustomerZone(t *testing.T) {
	e := engine(t)
	utc := func(d, h, m int) time.Time { return time.Date(2026, 6, d, h, m, 0, 0, time.UTC) }
	var points []recovery.Point
	for h := range 24 * 30 {
		points = append(points, recovery.Point{At: utc(1, 0, 0).Add(time.Duration(h)*time.Hour - 2*time.Hour)})
	}
	r, err := e.Month(2026, time.June, sla.MonthData{Points: points}, at(2026, 7, 1, 0, 0))
	require.NoError(t, err)
	require.NotNil(t, r.RPO)
	for _, g := range append(slices.Clone(r.RPO.Breaching), r.RPO.Worst) {
		for _, x := range []time.Time{g.From, g.Since, g.To} {
			assert.Equal(t, "Europe/Paris", x.Location().String(), "%v", x)
		}
	}
	assert.Equal(t, "Europe/Paris", r.RPO.Start.Location().String())
}

func TestMergeRefusesDisagreeingSections(t *testing.T) {
	e := engine(t)
	now := at(2026, 7, 1, 0, 0)
	a, err := e.Month(2026, time.June, sla.MonthData{Outages: []availability.Outage{{Start: at(2026, 6, 10, 0, 30), End: at(2026, 6, 10, 2, 30)}}}, now)
	require.NoError(t, err)
	b, err := e.Month(2026, time.June, sla.MonthData{Supplied: sla.Supplied{Outages: true}}, now)
	require.NoError(t, err)
	_, err = a.Merge(b)
	require.Error(t, err)
	assert.ErrorIs(t, err, sla.ErrMerge)
	assert.Equal(t, "reports cannot be merged: the two reports disagree on availability", err.Error())

	c, err := e.Month(2026, time.June, sla.MonthData{}, now)
	require.NoError(t, err)
	m, err := c.Merge(a)
	require.NoError(t, err, "a shard that was not given outages takes the other's section")
	assert.Equal(t, a.Availability, m.Availability)
	assert.True(t, m.Inputs.Outages.Supplied)

	d, err := e.Month(2026, time.May, sla.MonthData{}, now)
	require.NoError(t, err)
	_, err = c.Merge(d)
	assert.Equal(t, "reports cannot be merged: ACME/2026-06/SaaS support and service levels and ACME/2026-05/SaaS support and service levels", err.Error())
}

// creditEngine is the preset with AWS-like credit tiers.
func creditEngine(t *testing.T) *sla.Engine {
	p := sla.Preset("Europe/Paris", "FR")
	require.NoError(t, sla.Decode([]byte(`{"tiers":[{"below":"99.9%","credit":"10%"},{"below":"99%","credit":"25%"},{"below":"95%","credit":"100%"}],"cap":"100%"}`), &p.Credits))
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: p}}})
	require.NoError(t, err)
	return e
}

// I19 through the report: 99.86 % owes 10 %, exactly 99.9 % nothing, and no
// monitoring data an unknown credit, never zero.
func TestMonthCreditOwed(t *testing.T) {
	e := creditEngine(t)
	now := at(2026, 7, 1, 0, 0)
	outage := func(d time.Duration) sla.MonthData {
		start := at(2026, 6, 15, 10, 0)
		return sla.MonthData{Outages: []availability.Outage{{Start: start, End: start.Add(d)}}}
	}
	for _, c := range []struct {
		name  string
		data  sla.MonthData
		want  string
		avail string
	}{
		{"99.86 %", outage(57*time.Minute + 57600*time.Millisecond), "10%", "99.8600 %"},
		{"exactly 99.9 %", outage(41*time.Minute + 24*time.Second), "0%", "99.9000 %"},
		{"98.9 %", outage(690 * time.Hour * 11 / 1000), "25%", "98.9000 %"},
		{"no monitoring data", sla.MonthData{}, "unknown", ""},
		{"coverage with no interval", sla.MonthData{Coverage: availability.Monitored()}, "unknown", "0.0000 %"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := e.Month(2026, time.June, c.data, now)
			require.NoError(t, err)
			require.NotNil(t, r.Credit)
			assert.Equal(t, c.want, r.Credit.String())
			if c.avail != "" {
				assert.Equal(t, c.avail, r.Availability.Percent(4))
			}
			out, err := json.Marshal(r)
			require.NoError(t, err)
			assert.Contains(t, string(out), `"credit":"`+c.want+`"`)
			var b strings.Builder
			require.NoError(t, r.WriteText(&b))
			if c.want == "unknown" {
				assert.Contains(t, b.String(), "Service credit: unknown (availability unknown)")
				assert.NotContains(t, b.String(), ": met")
			} else {
				assert.Contains(t, b.String(), "Service credit: "+c.want+" of the month's fee")
			}
		})
	}
	r, err := engine(t).Month(2026, time.June, outage(time.Hour), now)
	require.NoError(t, err)
	assert.Nil(t, r.Credit, "a policy without credit tiers shows no credit")
}

// The report's verdict is three-valued: coverage with a gap that could hide
// a breach leaves it unknown.
func TestMonthVerdictUnknownWithCoverageGap(t *testing.T) {
	e := creditEngine(t)
	gap := func(h time.Duration) sla.MonthData {
		return sla.MonthData{Supplied: sla.Supplied{Outages: true}, Coverage: availability.Monitored(
			calendar.Interval{Start: at(2026, 6, 1, 0, 0), End: at(2026, 6, 15, 10, 0)},
			calendar.Interval{Start: at(2026, 6, 15, 10, 0).Add(h), End: at(2026, 7, 1, 0, 0)})}
	}
	r, err := e.Month(2026, time.June, gap(30*time.Minute), at(2026, 7, 1, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, availability.VerdictMet, r.Availability.Verdict, "30 minutes unknown fit in the 41m24s budget")
	assert.Equal(t, "0%", r.Credit.String())
	r, err = e.Month(2026, time.June, gap(time.Hour), at(2026, 7, 1, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, availability.VerdictUnknown, r.Availability.Verdict, "an hour unknown may or may not breach")
	assert.Equal(t, "unknown", r.Credit.String())
	assert.Equal(t, time.Hour, r.Availability.Unknown)
	assert.True(t, r.Inputs.Coverage.Supplied)
	assert.Equal(t, 2, r.Inputs.Coverage.Read)
	var b strings.Builder
	require.NoError(t, r.WriteText(&b))
	assert.Contains(t, b.String(), "(objective 99.9 %): unknown")
	assert.Contains(t, b.String(), "unknown (M)    1h")
}

// Compliance.Add counts every target of a status, and keeps the worst
// breaches under a limit.
func TestComplianceAddKeepsTheWorst(t *testing.T) {
	e := engine(t)
	now := at(2026, 6, 3, 0, 0)
	c := sla.Compliance{Limit: 1}
	for i, late := range []time.Duration{10 * time.Minute, 50 * time.Minute, 30 * time.Minute} {
		recv := at(2026, 6, 1, 9, 0)
		st, err := e.Evaluate(sla.Ticket{ID: fmt.Sprintf("T-%d", i), Contact: "ann@acme.example", Received: recv, Severity: severity.Sev2,
			Events: []sla.Event{{At: recv.Add(time.Hour + late), Kind: sla.Fixed}}}, now)
		require.NoError(t, err)
		c.Add(st)
	}
	assert.Equal(t, 3, c.Tickets)
	require.Len(t, c.Breaches, 1)
	assert.Equal(t, "T-1", c.Breaches[0].Ticket, "the response 50 minutes late")
	assert.Equal(t, sla.Duration(50*time.Minute), c.Breaches[0].Overrun)
	assert.Equal(t, 2, c.BreachesCut)
	_, missed, _ := totals(c)
	assert.Equal(t, 3, missed, "three responses missed; the workarounds and fixes met")

	merged := c.Merge(sla.Compliance{Limit: 5})
	assert.Equal(t, 1, merged.Limit, "the smaller positive limit")
	assert.Equal(t, c, merged)
}

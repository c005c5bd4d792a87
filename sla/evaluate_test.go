package sla_test

import (
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var paris = mustLoc("Europe/Paris")

func mustLoc(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return l
}

func at(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, paris) }

// engine is the preset policy for a French customer with five contacts.
func engine(t testing.TB) *sla.Engine {
	t.Helper()
	e, err := sla.New(sla.Contract{
		Customer: "ACME",
		Contacts: []string{"ann@acme.example", "bob@acme.example", "cy@acme.example", "dee@acme.example", "eve@acme.example"},
		Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}},
	})
	require.NoError(t, err)
	return e
}

func target(t *testing.T, st sla.Status, cycle int, m sla.Milestone) sla.TargetStatus {
	t.Helper()
	for _, ts := range st.Targets {
		if ts.Cycle == cycle && ts.Milestone == m {
			return ts
		}
	}
	t.Fatalf("no %v target in cycle %d", m, cycle)
	return sla.TargetStatus{}
}

func TestE4ThroughPreset(t *testing.T) {
	e := engine(t)
	tk := sla.Ticket{ID: "E4", Contact: "ann@acme.example", Received: at(2026, 3, 27, 16, 0), Severity: severity.Sev3}
	st, err := e.Evaluate(tk, at(2026, 3, 27, 16, 30))
	require.NoError(t, err)
	assert.True(t, target(t, st, 0, sla.Response).Due.Equal(at(2026, 3, 30, 10, 0)))
	assert.True(t, target(t, st, 0, sla.Workaround).Due.Equal(at(2026, 4, 3, 16, 0)))
	assert.True(t, target(t, st, 0, sla.Fix).Due.Equal(at(2026, 4, 20, 16, 0)))
	for _, ts := range st.Targets {
		assert.Equal(t, sla.StatePending, ts.State, ts.Milestone)
	}
}

func TestPauseMovesDueTime(t *testing.T) {
	e := engine(t)
	tk := sla.Ticket{ID: "P", Contact: "bob@acme.example", Received: at(2026, 6, 1, 9, 0), Severity: severity.Sev3,
		Events: []sla.Event{
			{At: at(2026, 6, 3, 10, 0), Kind: sla.Resumed},
			{At: at(2026, 6, 1, 10, 0), Kind: sla.Waiting},
		}}
	st, err := e.Evaluate(tk, at(2026, 6, 4, 12, 0))
	require.NoError(t, err)
	w := target(t, st, 0, sla.Workaround)
	assert.True(t, w.Due.Equal(at(2026, 6, 10, 9, 0)), "due %v", w.Due)
	assert.Equal(t, sla.Duration(20*time.Hour), w.Paused, "Mon 10–18, Tue 08–18, Wed 08–10")
	assert.Contains(t, w.Explain(), "waiting on customer")
	r := target(t, st, 0, sla.Response)
	assert.Equal(t, sla.StateMissed, r.State, "the response was due Mon 2026-06-01 13:00 + 20h paused, never given")
}

func TestSeverityChangeRestarts(t *testing.T) {
	e := engine(t)
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "S", Contact: "cy@acme.example", Received: recv, Severity: severity.Sev3,
		Events: []sla.Event{
			{At: at(2026, 6, 1, 9, 30), Kind: sla.Responded},
			{At: at(2026, 6, 1, 11, 0), Kind: sla.SeverityChanged, Severity: severity.Sev1},
		}}
	st, err := e.Evaluate(tk, at(2026, 6, 1, 11, 10))
	require.NoError(t, err)
	r := target(t, st, 0, sla.Response)
	assert.Equal(t, sla.StateMet, r.State, "met before the change stays met")
	assert.Equal(t, severity.Sev3, r.Level)
	w := target(t, st, 0, sla.Workaround)
	assert.Equal(t, severity.Sev1, w.Level)
	assert.True(t, w.Due.Equal(at(2026, 6, 1, 11, 30)), "30m continuous from the change, due %v", w.Due)
	assert.Equal(t, sla.StatePending, w.State)
}

func TestExcludedAndWaived(t *testing.T) {
	e := engine(t)
	recv := at(2026, 6, 1, 9, 0)
	ex := sla.Ticket{ID: "X", Contact: "dee@acme.example", Received: recv, Severity: severity.Sev2,
		Events: []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Excluded, Category: availability.ThirdPartySoftware}}}
	st, err := e.Evaluate(ex, recv.Add(30*24*time.Hour))
	require.NoError(t, err)
	for _, ts := range st.Targets {
		assert.Equal(t, sla.StateExcluded, ts.State)
	}
	assert.Contains(t, st.Reason, "third-party-software")

	wv := sla.Ticket{ID: "W", Contact: "dee@acme.example", Received: recv, Severity: severity.Sev3,
		Events: []sla.Event{
			{At: recv.Add(time.Hour), Kind: sla.Responded},
			{At: recv.Add(2 * time.Hour), Kind: sla.Waiting},
			{At: recv.Add(40 * 24 * time.Hour), Kind: sla.Waived},
		}}
	st, err = e.Evaluate(wv, recv.Add(60*24*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, sla.StateMet, target(t, st, 0, sla.Response).State)
	assert.Equal(t, sla.StateWaived, target(t, st, 0, sla.Workaround).State)
	assert.Equal(t, sla.StateWaived, target(t, st, 0, sla.Fix).State)
}

func TestNotCoveredAndSixthContact(t *testing.T) {
	e := engine(t)
	st, err := e.Evaluate(sla.Ticket{ID: "N", Contact: "mallory@acme.example", Received: at(2026, 6, 1, 9, 0), Severity: severity.Sev1}, at(2026, 6, 1, 9, 5))
	require.NoError(t, err)
	assert.False(t, st.Covered)
	for _, ts := range st.Targets {
		assert.Equal(t, sla.StateNotCovered, ts.State)
	}
	assert.Contains(t, st.Reason, "mallory")

	_, err = sla.New(sla.Contract{
		Contacts: []string{"a", "b", "c", "d", "e", "f"},
		Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}},
	})
	require.Error(t, err)
	assert.ErrorIs(t, err, sla.ErrContacts)
	assert.Contains(t, err.Error(), "contacts")
}

func TestBadTimelines(t *testing.T) {
	e := engine(t)
	recv := at(2026, 6, 1, 9, 0)
	for _, tc := range []struct {
		name string
		evs  []sla.Event
		want string
	}{
		{"before receipt", []sla.Event{{At: recv.Add(-time.Minute), Kind: sla.Responded}},
			`events[0].at "2026-06-01T08:59:00+02:00": impossible timeline: before the ticket was received at 2026-06-01T09:00:00+02:00: want an instant at or after it`},
		{"resume, no pause", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Resumed}},
			`events[0] "resumed at 2026-06-01T10:00:00+02:00": impossible timeline: resumed without a pause: want "waiting" before it`},
		{"fixed twice", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Fixed}, {At: recv.Add(2 * time.Hour), Kind: sla.Fixed}},
			`events[1] "fixed at 2026-06-01T11:00:00+02:00": impossible timeline: fixed twice in one cycle (reopen it first): want "reopened" before it`},
		{"reopen unfixed", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Reopened}},
			`events[0] "reopened at 2026-06-01T10:00:00+02:00": impossible timeline: reopened before it was fixed: want "fixed" before it`},
		{"no category", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Excluded}},
			`events[0].category: impossible timeline: an exclusion needs its R4 category: want one such as "third-party-software"`},
		{"same severity", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.SeverityChanged, Severity: severity.Sev3}},
			`events[0] "severity to sev3 at 2026-06-01T10:00:00+02:00": impossible timeline: severity unchanged: want another level than the one in force`},
		{"invalid severity", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.SeverityChanged, Severity: 9}},
			`events[0].severity "%!Level(9)": impossible timeline: invalid severity: want sev1 to sev4`},
		{"waiting twice", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Waiting}, {At: recv.Add(2 * time.Hour), Kind: sla.Waiting}},
			`events[1] "waiting at 2026-06-01T11:00:00+02:00": impossible timeline: waiting while already waiting: want "resumed" before it`},
		{"zero time", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Responded}, {Kind: sla.Responded}},
			`events[1].at: zero time: want the instant it happened`},
		{"responded twice", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Responded}, {At: recv.Add(2 * time.Hour), Kind: sla.Responded}},
			`events[1] "responded at 2026-06-01T11:00:00+02:00": impossible timeline: responded twice: want one response (many need next_reply or update targets in the policy)`},
		{"future still bad", []sla.Event{{At: recv.Add(900 * time.Hour), Kind: sla.Resumed}},
			`events[0] "resumed at 2026-07-08T21:00:00+02:00": impossible timeline: resumed without a pause: want "waiting" before it`},
		{"unknown kind", []sla.Event{{At: recv.Add(time.Hour), Kind: 99}},
			`events[0].kind "%!Kind(99)": impossible timeline: unknown kind: want one of "resumed", "severity", "responded", "workaround", "fixed", "reopened", "waiting", "not-a-defect", "excluded", "waived", "customer-replied"`},
		{"no kind", []sla.Event{{At: recv.Add(time.Hour)}},
			`events[0].kind: impossible timeline: unknown kind: want one of "resumed", "severity", "responded", "workaround", "fixed", "reopened", "waiting", "not-a-defect", "excluded", "waived", "customer-replied"`},
		{"two changes at one instant", []sla.Event{{At: recv.Add(time.Hour), Kind: sla.SeverityChanged, Severity: severity.Sev1},
			{At: recv.Add(time.Hour), Kind: sla.SeverityChanged, Severity: severity.Sev2}},
			`events[1] "severity to sev2 at 2026-06-01T10:00:00+02:00": impossible timeline: two severity changes at the same instant: want one`},
		{"after the years of the calendars", []sla.Event{{At: time.Date(10000, 1, 1, 0, 0, 0, 0, paris), Kind: sla.Responded}},
			`events[0].at "10000-01-01T00:00:00+01:00": invalid value: want an instant in the years 1 to 9999 of the customer's zone`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.Evaluate(sla.Ticket{ID: "B", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3, Events: tc.evs}, recv.Add(10*time.Hour))
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			if tc.name != "after the years of the calendars" && tc.name != "zero time" {
				assert.ErrorIs(t, err, sla.ErrTimeline)
			}
		})
	}
}

func TestBadTickets(t *testing.T) {
	e := engine(t)
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "B", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3}
	for _, tc := range []struct {
		name string
		edit func(*sla.Ticket)
		now  time.Time
		want string
		is   error
	}{
		{"no receipt", func(tk *sla.Ticket) { tk.Received = time.Time{} }, recv,
			`received: zero time: want the instant support received the request`, sla.ErrZeroTime},
		{"no severity", func(tk *sla.Ticket) { tk.Severity = 0 }, recv,
			`severity: missing: want sev1 to sev4`, sla.ErrMissing},
		{"bad severity", func(tk *sla.Ticket) { tk.Severity = 7 }, recv,
			`severity "%!Level(7)": invalid value: want sev1 to sev4`, sla.ErrInvalid},
		{"now before receipt", func(*sla.Ticket) {}, recv.Add(-time.Second),
			`now "2026-06-01T08:59:59+02:00": invalid value: want an instant at or after the receipt at 2026-06-01T09:00:00+02:00`, sla.ErrInvalid},
		{"too many events", func(tk *sla.Ticket) { tk.Events = make([]sla.Event, sla.MaxEvents+1) }, recv,
			`events "1000001 events": over the limit: want at most 1000000 events per ticket`, sla.ErrLimit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tk := tk
			tc.edit(&tk)
			_, err := e.Evaluate(tk, tc.now)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			assert.ErrorIs(t, err, tc.is)
		})
	}
}

// TestFutureReopeningKeepsCycle: a reopening after now has not happened yet;
// the cycle in force at now keeps its targets (before issue 12 the status had
// none).
func TestFutureReopeningKeepsCycle(t *testing.T) {
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "F", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev2, Events: []sla.Event{
		{At: recv.Add(10 * time.Minute), Kind: sla.Fixed},
		{At: recv.Add(20 * time.Minute), Kind: sla.Reopened},
		{At: recv.Add(30 * time.Minute), Kind: sla.Fixed},
		{At: recv.Add(40 * time.Minute), Kind: sla.Reopened},
	}}
	for _, tc := range []struct {
		now    time.Duration
		cycles int
		fixed  bool
	}{{0, 1, false}, {15 * time.Minute, 1, true}, {25 * time.Minute, 2, false}, {35 * time.Minute, 2, true}, {45 * time.Minute, 3, false}} {
		st, err := engine(t).Evaluate(tk, recv.Add(tc.now))
		require.NoError(t, err)
		require.Len(t, st.Targets, 1+2*tc.cycles, "at +%v", tc.now)
		fix, ok := st.Target(tc.cycles-1, sla.Fix)
		require.True(t, ok)
		assert.Equal(t, tc.fixed, !fix.Done.IsZero(), "at +%v", tc.now)
	}
}

// TestZeroEngine: the zero Engine and a nil *Engine have no policy: Evaluate
// errors, it does not panic.
func TestZeroEngine(t *testing.T) {
	tk := sla.Ticket{ID: "Z", Received: at(2026, 6, 1, 9, 0), Severity: severity.Sev3}
	for _, e := range []*sla.Engine{nil, {}} {
		_, err := e.Evaluate(tk, tk.Received)
		require.Error(t, err)
		assert.ErrorIs(t, err, sla.ErrNoPolicy)
	}
}

func TestReopenStartsCycle(t *testing.T) {
	e := engine(t)
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "R", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev2,
		Events: []sla.Event{
			{At: recv.Add(10 * time.Minute), Kind: sla.Responded},
			{At: recv.Add(5 * time.Hour), Kind: sla.Fixed},
			{At: recv.Add(72 * time.Hour), Kind: sla.Reopened},
		}}
	st, err := e.Evaluate(tk, recv.Add(73*time.Hour))
	require.NoError(t, err)
	assert.Len(t, st.Targets, 5)
	assert.Equal(t, sla.StateMet, target(t, st, 0, sla.Fix).State)
	w1 := target(t, st, 1, sla.Workaround)
	assert.True(t, w1.Due.Equal(recv.Add(72*time.Hour+48*time.Hour)), "2d continuous from the reopening")
	assert.Equal(t, sla.StatePending, w1.State)
}

func TestMonthReport(t *testing.T) {
	e := engine(t)
	recv := at(2026, 6, 1, 9, 0)
	data := sla.MonthData{
		Tickets: []sla.Ticket{
			{ID: "T1", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3,
				Events: []sla.Event{{At: recv.Add(time.Hour), Kind: sla.Responded}}},
			{ID: "T2", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev1},
			{ID: "T0", Contact: "ann@acme.example", Received: at(2026, 5, 31, 9, 0), Severity: severity.Sev1},
		},
		Outages: []availability.Outage{{Start: at(2026, 6, 10, 0, 30), End: at(2026, 6, 10, 2, 30)}},
	}
	r, err := e.Month(2026, time.June, data, at(2026, 7, 1, 12, 0))
	require.NoError(t, err)
	assert.False(t, r.Partial)
	require.NotNil(t, r.Availability)
	assert.Equal(t, time.Hour, r.Availability.Unplanned, "worked example E5")
	assert.False(t, r.Availability.Met)
	var met, missed int
	for _, row := range r.Tickets.Rows {
		met += row.Met
		missed += row.Missed
	}
	assert.Equal(t, 1, met, "T1's response")
	assert.Equal(t, 5, missed, "T1 workaround and fix, T2's three targets; T0 is May's")
	var b strings.Builder
	require.NoError(t, r.WriteText(&b))
	assert.Contains(t, b.String(), "Availability 99.8550 %")
}

func TestTwoSeverityChangesAtOneInstant(t *testing.T) {
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "A", Received: recv, Severity: severity.Sev3, Events: []sla.Event{
		{At: recv.Add(time.Hour), Kind: sla.SeverityChanged, Severity: severity.Sev1},
		{At: recv.Add(time.Hour), Kind: sla.SeverityChanged, Severity: severity.Sev2},
	}}
	_, err := engine(t).Evaluate(tk, recv.Add(2*time.Hour))
	require.Error(t, err, "the final level would depend on the order given")
	assert.Contains(t, err.Error(), "same instant")
}

func TestSeverityChangeRecompute(t *testing.T) {
	p := sla.Preset("Europe/Paris", "FR")
	p.SeverityChange = sla.Recompute
	e, err := sla.New(sla.Contract{Policies: []sla.Dated{{Policy: p}}})
	require.NoError(t, err)
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "R", Received: recv, Severity: severity.Sev3, Events: []sla.Event{
		{At: at(2026, 6, 1, 11, 0), Kind: sla.SeverityChanged, Severity: severity.Sev2},
	}}
	st, err := e.Evaluate(tk, at(2026, 6, 1, 11, 5))
	require.NoError(t, err)
	w := target(t, st, 0, sla.Workaround)
	assert.Equal(t, severity.Sev2, w.Level)
	assert.True(t, w.Due.Equal(recv.Add(48*time.Hour)), "2d continuous from receipt, not from the change: %v", w.Due)
	r := target(t, st, 0, sla.Response)
	assert.True(t, r.Due.Equal(recv.Add(time.Hour)), "sev2 response 1h from receipt")
	assert.Equal(t, sla.StateMissed, r.State, "recomputed from receipt, the response was due at 10:00")
}

func TestAtRisk(t *testing.T) {
	e := engine(t)
	recv := at(2026, 6, 1, 9, 0) // sev3 response: 4h business, due 13:00
	tk := sla.Ticket{ID: "A", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3}
	for _, tc := range []struct {
		now  time.Time
		want sla.State
	}{
		{at(2026, 6, 1, 11, 59), sla.StatePending}, // 2h59m of 4h used: under 75 %
		{at(2026, 6, 1, 12, 0), sla.StateAtRisk},   // exactly 75 %
		{at(2026, 6, 1, 13, 0), sla.StateAtRisk},   // due now, not yet missed
		{at(2026, 6, 1, 13, 1), sla.StateMissed},
	} {
		st, err := e.Evaluate(tk, tc.now)
		require.NoError(t, err)
		r := target(t, st, 0, sla.Response)
		assert.Equal(t, tc.want, r.State, "at %v", tc.now)
		assert.Equal(t, sla.Duration(tc.now.Sub(recv)), r.Used, "clock time used on an open weekday")
	}
}

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
	cases := map[string][]sla.Event{
		"before receipt":   {{At: recv.Add(-time.Minute), Kind: sla.Responded}},
		"resume, no pause": {{At: recv.Add(time.Hour), Kind: sla.Resumed}},
		"fixed twice":      {{At: recv.Add(time.Hour), Kind: sla.Fixed}, {At: recv.Add(2 * time.Hour), Kind: sla.Fixed}},
		"reopen unfixed":   {{At: recv.Add(time.Hour), Kind: sla.Reopened}},
		"no category":      {{At: recv.Add(time.Hour), Kind: sla.Excluded}},
		"same severity":    {{At: recv.Add(time.Hour), Kind: sla.SeverityChanged, Severity: severity.Sev3}},
		"waiting twice":    {{At: recv.Add(time.Hour), Kind: sla.Waiting}, {At: recv.Add(2 * time.Hour), Kind: sla.Waiting}},
		"zero time":        {{Kind: sla.Responded}},
		"responded twice":  {{At: recv.Add(time.Hour), Kind: sla.Responded}, {At: recv.Add(2 * time.Hour), Kind: sla.Responded}},
		"future still bad": {{At: recv.Add(900 * time.Hour), Kind: sla.Resumed}},
	}
	for name, evs := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := e.Evaluate(sla.Ticket{ID: "B", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3, Events: evs}, recv.Add(10*time.Hour))
			require.Error(t, err)
			var ee *sla.EventError
			assert.ErrorAs(t, err, &ee)
			assert.True(t, strings.HasPrefix(err.Error(), "events["), "names the event: %v", err)
			var fe *sla.FieldError
			assert.ErrorAs(t, err, &fe, "an event error reads as the one error shape")
		})
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
	assert.Equal(t, time.Hour, r.Availability.Unplanned, "E5")
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

package sla_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestStatusTarget(t *testing.T) {
	e := replyEngine(t, replyPolicy(sla.Restart))
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "T", Received: recv, Severity: severity.Sev3, Events: []sla.Event{
		{At: at(2026, 6, 1, 9, 30), Kind: sla.Responded},
		{At: at(2026, 6, 1, 10, 0), Kind: sla.Responded},
		{At: at(2026, 6, 1, 11, 0), Kind: sla.Fixed},
		{At: at(2026, 6, 1, 12, 0), Kind: sla.Reopened},
	}}
	st, err := e.Evaluate(tk, at(2026, 6, 1, 13, 0))
	require.NoError(t, err)
	w, ok := st.Target(0, sla.Workaround)
	require.True(t, ok)
	assert.True(t, w.Done.Equal(at(2026, 6, 1, 11, 0)), "the fix gives the workaround too")
	u, ok := st.Target(0, sla.Update)
	require.True(t, ok)
	assert.Equal(t, 1, u.Instance, "the last update of cycle 0: from the reply at 10:00")
	assert.True(t, u.Start.Equal(at(2026, 6, 1, 10, 0)))
	_, ok = st.Target(1, sla.Response)
	assert.False(t, ok, "the response belongs to the first cycle only")
	_, ok = st.Target(2, sla.Fix)
	assert.False(t, ok)
	f, ok := st.Target(1, sla.Fix)
	require.True(t, ok)
	assert.Equal(t, sla.StatePending, f.State)
}

// TestStatusJSON: snake_case keys, durations in the one text form, instants
// in RFC 3339 in the customer's zone (now given in UTC comes back in Paris). The next
// change: the 50% point of the update target started by the response at 09:10
// (4h continuous, 30 minutes waited).
func TestStatusJSON(t *testing.T) {
	e := replyEngine(t, replyPolicy(sla.Restart, "50%"))
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "J", Received: recv.UTC(), Severity: severity.Sev2, Events: []sla.Event{
		{At: recv.Add(10 * time.Minute).UTC(), Kind: sla.Responded},
		{At: recv.Add(20 * time.Minute).UTC(), Kind: sla.Waiting},
		{At: recv.Add(50 * time.Minute).UTC(), Kind: sla.Resumed},
	}}
	st, err := e.Evaluate(tk, recv.Add(time.Hour).UTC())
	require.NoError(t, err)
	st.Targets = st.Targets[:1]
	b, err := json.Marshal(st)
	require.NoError(t, err)
	assert.Equal(t, `{"ticket":"J","at":"2026-06-01T10:00:00+02:00","policy":"SaaS support and service levels","severity":"sev2","covered":true,`+
		`"targets":[{"cycle":0,"target":"response","severity":"sev2","rule":"1h continuous","state":"met","start":"2026-06-01T09:00:00+02:00","due":"2026-06-01T10:00:00+02:00",`+
		`"done":"2026-06-01T09:10:00+02:00","decided":"2026-06-01T09:10:00+02:00","used":"10m","remaining":"50m","paused":"0s",`+
		`"warnings":[{"point":"50%","at":"2026-06-01T09:30:00+02:00","passed":false}],`+
		`"steps":[{"what":"start","at":"2026-06-01T09:00:00+02:00","due":"2026-06-01T10:00:00+02:00","why":"received","severity":"sev2","target":"response","rule":"1h continuous"},`+
		`{"what":"warning","at":"2026-06-01T09:30:00+02:00","due":"2026-06-01T10:00:00+02:00","why":"50%"}]}],`+
		`"recheck":"2026-06-01T11:40:00+02:00"}`, string(b))
}

// checkStatusJSON: every status marshals, and reads back to the same JSON.
func checkStatusJSON(t *rapid.T) {
	e := replayEngines[rapid.IntRange(0, 2).Draw(t, "policy")]
	tk, now := genReplyTicket(t, false)
	st, err := e.Evaluate(tk, now)
	if err != nil {
		t.Fatal(err)
	}
	a := js(t, st)
	var back sla.Status
	if err := json.Unmarshal([]byte(a), &back); err != nil {
		t.Fatalf("reading back %s: %v", a, err)
	}
	if b := js(t, back); a != b {
		t.Fatalf("round trip changed the status:\n%s\n%s", a, b)
	}
}

// TestStatusOf99999moTargetMarshals: a target 99999 months away falls due in
// year 10359, which JSON cannot write; the status reports the last instant of
// 9999 in the customer's zone, and marshals.
func TestStatusOf99999moTargetMarshals(t *testing.T) {
	p := sla.Preset("Europe/Paris", "FR")
	p.Severities[severity.Sev4] = severity.Targets{Response: severity.MustParseTarget("8h business"), Fix: severity.MustParseTarget("99999mo")}
	p.Warnings = []sla.Warning{{Share: sla.MustRatio("50%")}, {Before: time.Hour}}
	e := replyEngine(t, p)
	recv := at(2026, 6, 1, 9, 0)
	st, err := e.Evaluate(sla.Ticket{ID: "L", Received: recv, Severity: severity.Sev4}, recv.Add(time.Hour))
	require.NoError(t, err)
	f, _ := st.Target(0, sla.Fix)
	last := time.Date(9999, 12, 31, 23, 59, 59, 999999999, paris)
	assert.True(t, f.Due.Equal(last), "due %v", f.Due)
	assert.Equal(t, sla.StatePending, f.State)
	for _, w := range f.Warnings {
		assert.False(t, w.At.After(last), "%v", w.At)
	}
	_, err = json.Marshal(st)
	require.NoError(t, err)
}

// TestStatusNearYear9999Marshals: the calendars end with 9999; a ticket of
// its last days has due times past the end, reported at the last instant, and
// instants given past the end are refused.
func TestStatusNearYear9999Marshals(t *testing.T) {
	e := replyEngine(t, replyPolicy(sla.Restart, "75%"))
	recv := time.Date(9999, 12, 30, 17, 0, 0, 0, paris)
	tk := sla.Ticket{ID: "Y", Received: recv, Severity: severity.Sev3, Events: []sla.Event{{At: recv.Add(time.Minute), Kind: sla.Responded}}}
	st, err := e.Evaluate(tk, recv.Add(2*time.Hour))
	require.NoError(t, err)
	b, err := json.Marshal(st)
	require.NoError(t, err, "every status marshals")
	assert.NotContains(t, string(b), `"10000-`)
	w, _ := st.Target(0, sla.Workaround)
	assert.True(t, w.Due.Equal(time.Date(9999, 12, 31, 23, 59, 59, 999999999, paris)), "%v", w.Due)

	_, err = e.Evaluate(tk, time.Date(9999, 12, 31, 23, 30, 0, 0, time.UTC))
	require.Error(t, err)
	assert.Equal(t, `now "10000-01-01T00:30:00+01:00": invalid value: want an instant in the years 1 to 9999 of the customer's zone`, err.Error())
}

// TestDecided: the instant each outcome became final (I14).
func TestDecided(t *testing.T) {
	recv := at(2026, 6, 30, 16, 0) // Tuesday 30 June
	e := engine(t)
	tk := sla.Ticket{ID: "D", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3, Events: []sla.Event{
		{At: at(2026, 7, 1, 11, 0), Kind: sla.Responded}, // due 1 July 10:00: missed
		{At: at(2026, 7, 2, 9, 0), Kind: sla.WorkaroundGiven},
		{At: at(2026, 7, 3, 9, 0), Kind: sla.NotADefect},
	}}
	st, err := e.Evaluate(tk, at(2026, 7, 10, 0, 0))
	require.NoError(t, err)
	r, _ := st.Target(0, sla.Response)
	assert.Equal(t, sla.StateMissed, r.State)
	assert.True(t, r.Decided.Equal(at(2026, 7, 1, 10, 0)), "missed: at its due time, not at the late response: %v", r.Decided)
	w, _ := st.Target(0, sla.Workaround)
	assert.True(t, w.Decided.Equal(at(2026, 7, 2, 9, 0)), "met: at its completion")
	f, _ := st.Target(0, sla.Fix)
	assert.Equal(t, sla.StateNotApplicable, f.State)
	assert.True(t, f.Decided.Equal(at(2026, 7, 3, 9, 0)), "not a defect: when diagnosed")

	st, err = e.Evaluate(sla.Ticket{ID: "P", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev3}, recv.Add(time.Hour))
	require.NoError(t, err)
	for _, ts := range st.Targets {
		assert.True(t, ts.Decided.IsZero(), "%v pending: not decided", ts.Milestone)
	}

	st, err = e.Evaluate(sla.Ticket{ID: "S", Contact: "stranger", Received: recv, Severity: severity.Sev4}, recv.Add(time.Hour))
	require.NoError(t, err)
	for _, ts := range st.Targets {
		assert.Equal(t, sla.StateNotCovered, ts.State)
		assert.True(t, ts.Decided.Equal(recv), "not covered: from the start")
	}

	tk = sla.Ticket{ID: "X", Contact: "ann@acme.example", Received: recv, Severity: severity.Sev4, Events: []sla.Event{
		{At: at(2026, 7, 1, 9, 0), Kind: sla.Waiting},
		{At: at(2026, 7, 20, 9, 0), Kind: sla.Waived},
	}}
	st, err = e.Evaluate(tk, at(2026, 8, 1, 0, 0))
	require.NoError(t, err)
	r, _ = st.Target(0, sla.Response)
	assert.Equal(t, sla.StateWaived, r.State)
	assert.True(t, r.Decided.Equal(at(2026, 7, 20, 9, 0)), "waived: when waived")
	w, _ = st.Target(0, sla.Workaround)
	assert.Equal(t, sla.StateNotApplicable, w.State, "sev4 has no workaround target")
	assert.True(t, w.Decided.Equal(recv), "n/a: from the start")
}

func TestStatusJSONRoundTrip(t *testing.T) { rapid.Check(t, checkStatusJSON) }
func FuzzStatusJSON(f *testing.F)          { f.Fuzz(rapid.MakeFuzz(checkStatusJSON)) }

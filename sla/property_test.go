package sla_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

var props = func() *sla.Engine {
	e, err := sla.New(sla.Contract{Customer: "ACME", Contacts: contacts,
		Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	if err != nil {
		panic(err)
	}
	return e
}()

// checkShuffle: the order of events never changes the status.
func checkShuffle(t *rapid.T) {
	tk := genTicket(t, "T")
	now := genNow(t, tk)
	want, err := props.Evaluate(tk, now)
	if err != nil {
		t.Fatalf("valid timeline refused: %v", err)
	}
	perm := rapid.Permutation(tk.Events).Draw(t, "perm")
	tk.Events = perm
	got, err := props.Evaluate(tk, now)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := js(t, want), js(t, got); a != b {
		t.Fatalf("shuffled events changed the status:\n%s\n%s", a, b)
	}
}

// checkPauseNeverEarlier: adding a wait on the customer never makes a due time
// earlier.
func checkPauseNeverEarlier(t *rapid.T) {
	tk := genTicket(t, "T")
	tk.Events = nil // a clean timeline, then one pause
	now := genNow(t, tk)
	before, err := props.Evaluate(tk, now)
	require.NoError(t, err)
	from := tk.Received.Add(time.Duration(rapid.Int64Range(0, int64(20*24*time.Hour)).Draw(t, "from")))
	to := from.Add(time.Duration(rapid.Int64Range(0, int64(10*24*time.Hour)).Draw(t, "len")))
	tk.Events = []sla.Event{{At: from, Kind: sla.Waiting}, {At: to, Kind: sla.Resumed}}
	after, err := props.Evaluate(tk, now)
	require.NoError(t, err)
	for i := range before.Targets {
		if after.Targets[i].Due.Before(before.Targets[i].Due) {
			t.Fatalf("%v: a pause moved the due time from %v to %v", before.Targets[i].Milestone, before.Targets[i].Due, after.Targets[i].Due)
		}
	}
}

// checkMetIffByDue: a milestone at or before its due time is met, after it missed.
func checkMetIffByDue(t *rapid.T) {
	tk := genTicket(t, "T")
	tk.Contact = contacts[0]
	tk.Events = nil
	st, err := props.Evaluate(tk, tk.Received)
	require.NoError(t, err)
	due := st.Targets[0].Due // the response
	off := time.Duration(rapid.Int64Range(-int64(2*time.Hour), int64(2*time.Hour)).Draw(t, "offset"))
	done := due.Add(off)
	if done.Before(tk.Received) {
		done = tk.Received
	}
	tk.Events = []sla.Event{{At: done, Kind: sla.Responded}}
	st, err = props.Evaluate(tk, done.Add(time.Hour))
	require.NoError(t, err)
	want := sla.StateMet
	if done.After(due) {
		want = sla.StateMissed
	}
	if got := st.Targets[0].State; got != want {
		t.Fatalf("responded %v, due %v: %v, want %v", done, due, got, want)
	}
}

// checkMergeLaws: Merge is commutative and associative, and merging shards
// equals the report of the union.
func checkMergeLaws(t *rapid.T) {
	n := rapid.IntRange(0, 12).Draw(t, "tickets")
	var all []sla.Ticket
	for i := range n {
		all = append(all, genTicket(t, fmt.Sprintf("T%02d", i)))
	}
	now := time.Date(2026, 12, 15, 0, 0, 0, 0, paris)
	shard := func(ts []sla.Ticket) sla.Report {
		r, err := props.Month(2026, time.October, sla.MonthData{Tickets: ts}, now)
		require.NoError(t, err)
		return r
	}
	cut1 := rapid.IntRange(0, n).Draw(t, "cut1")
	cut2 := rapid.IntRange(cut1, n).Draw(t, "cut2")
	a, b, c := shard(all[:cut1]), shard(all[cut1:cut2]), shard(all[cut2:])
	whole := shard(all)
	ab, err := a.Merge(b)
	require.NoError(t, err)
	ba, err := b.Merge(a)
	require.NoError(t, err)
	abc, err := ab.Merge(c)
	require.NoError(t, err)
	bc, err := b.Merge(c)
	require.NoError(t, err)
	abc2, err := a.Merge(bc)
	require.NoError(t, err)
	if js(t, ab) != js(t, ba) {
		t.Fatalf("Merge not commutative")
	}
	if js(t, abc) != js(t, abc2) {
		t.Fatalf("Merge not associative")
	}
	if js(t, abc) != js(t, whole) {
		t.Fatalf("shards merged:\n%s\nwhole:\n%s", js(t, abc), js(t, whole))
	}
}

// checkReportJSON: a report survives a JSON round trip.
func checkReportJSON(t *rapid.T) {
	var ts []sla.Ticket
	for i := range rapid.IntRange(0, 6).Draw(t, "tickets") {
		ts = append(ts, genTicket(t, fmt.Sprintf("T%d", i)))
	}
	r, err := props.Month(2026, time.October, sla.MonthData{Tickets: ts}, time.Date(2026, 11, 20, 0, 0, 0, 0, paris))
	require.NoError(t, err)
	var back sla.Report
	require.NoError(t, json.Unmarshal([]byte(js(t, r)), &back))
	if js(t, back) != js(t, r) {
		t.Fatalf("round trip changed the report:\n%s\n%s", js(t, r), js(t, back))
	}
}

// checkNeverPanics: arbitrary timelines, valid or not, give a status or an error.
func checkNeverPanics(t *rapid.T) {
	tk := genTicket(t, "T")
	for range rapid.IntRange(0, 4).Draw(t, "junk") {
		tk.Events = append(tk.Events, sla.Event{
			At:   tk.Received.Add(time.Duration(rapid.Int64Range(-int64(48*time.Hour), int64(900*time.Hour)).Draw(t, "at"))),
			Kind: sla.Kind(rapid.IntRange(0, 12).Draw(t, "kind")),
		})
	}
	_, _ = props.Evaluate(tk, genNow(t, tk))
}

func js(t interface{ Fatalf(string, ...any) }, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return string(b)
}

func TestShuffle(t *testing.T)           { rapid.Check(t, checkShuffle) }
func TestPauseNeverEarlier(t *testing.T) { rapid.Check(t, checkPauseNeverEarlier) }
func TestMetIffByDue(t *testing.T)       { rapid.Check(t, checkMetIffByDue) }
func TestMergeLaws(t *testing.T)         { rapid.Check(t, checkMergeLaws) }
func TestReportJSON(t *testing.T)        { rapid.Check(t, checkReportJSON) }
func TestNeverPanics(t *testing.T)       { rapid.Check(t, checkNeverPanics) }
func FuzzShuffle(f *testing.F)           { f.Fuzz(rapid.MakeFuzz(checkShuffle)) }
func FuzzNeverPanics(f *testing.F)       { f.Fuzz(rapid.MakeFuzz(checkNeverPanics)) }
func FuzzMergeLaws(f *testing.F)         { f.Fuzz(rapid.MakeFuzz(checkMergeLaws)) }

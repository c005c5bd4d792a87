package sla_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"pgregory.net/rapid"
)

// The replay policy: every target in minutes or hours, so that a due time is
// an amount of clock time and a minute-by-minute replay finds it exactly.
func replayPolicy(change sla.ChangeRule) sla.Policy {
	p := sla.Preset("Europe/Paris", "FR")
	p.SeverityChange = change
	t := severity.MustParseTarget
	p.Severities = severity.Matrix{
		severity.Sev1: {Response: t("1h continuous"), Workaround: t("30m continuous"), Fix: t("2h continuous")},
		severity.Sev2: {Response: t("1h continuous"), Workaround: t("4h continuous"), Fix: t("8h continuous")},
		severity.Sev3: {Response: t("4h business"), Workaround: t("10h business"), Fix: t("20h business")},
		severity.Sev4: {Response: t("8h business"), Fix: t("30h business")},
	}
	p.Replies = map[severity.Level]sla.Replies{
		severity.Sev1: {NextReply: t("30m continuous"), Update: t("1h continuous")},
		severity.Sev2: {NextReply: t("1h continuous"), Update: t("2h continuous")},
		severity.Sev3: {NextReply: t("4h business"), Update: t("2h business")},
		severity.Sev4: {NextReply: t("8h business")}, // no update target
	}
	p.Warnings = []sla.Warning{{Share: sla.MustRatio("50%")}, {Before: time.Hour}, {Share: sla.MustRatio("90%")}}
	return p
}

var (
	replayEngines = [...]*sla.Engine{mustEngine(replayPolicy(sla.Restart)), mustEngine(replayPolicy(sla.Recompute)),
		mustEngine(replyPolicy(sla.Restart, "50%", "-1h", "80%"))}
	replayCal = calendar.MustNew(replayPolicy(sla.Restart).Support)
)

func mustEngine(p sla.Policy) *sla.Engine {
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: p}}})
	if err != nil {
		panic(err)
	}
	return e
}

func decimalOf(d time.Duration) decimal.Decimal { return decimal.NewFromInt(int64(d)) }

// genReplyTicket draws a valid ticket with events at distinct whole minutes:
// replies, customer messages, waits, severity changes, fixes and reopenings,
// over weeks that include weekends, holidays and the DST change of
// 25 October 2026; and an instant, at or after every event when ended is set.
func genReplyTicket(t *rapid.T, ended bool) (sla.Ticket, time.Time) {
	recv := time.Date(2026, 10, 1, 0, 0, 0, 0, paris).Add(time.Duration(rapid.IntRange(0, 40*24*60).Draw(t, "received")) * time.Minute)
	tk := sla.Ticket{ID: "R", Received: recv, Severity: severity.Level(rapid.IntRange(1, 4).Draw(t, "severity"))}
	level := tk.Severity
	at := recv
	paused, fixed, wk, nad := false, false, false, false
	for range rapid.IntRange(0, 16).Draw(t, "events") {
		at = at.Add(time.Duration(rapid.SampledFrom([]int{1, 7, 30, 60, 150, 600, 1440, 3000}).Draw(t, "gap")) * time.Minute)
		options := []sla.Kind{sla.Responded, sla.CustomerReplied, sla.CustomerReplied, sla.SeverityChanged}
		if paused {
			options = append(options, sla.Resumed)
		} else {
			options = append(options, sla.Waiting)
			if fixed {
				options = append(options, sla.Reopened)
			}
		}
		if !fixed {
			options = append(options, sla.Fixed)
			if !wk {
				options = append(options, sla.WorkaroundGiven)
			}
		}
		if !nad && rapid.IntRange(0, 9).Draw(t, "rare") == 0 {
			options = append(options, sla.NotADefect)
		}
		ev := sla.Event{At: at, Kind: rapid.SampledFrom(options).Draw(t, "kind")}
		switch ev.Kind {
		case sla.Resumed:
			paused = false
		case sla.Waiting:
			paused = true
		case sla.Reopened:
			fixed, wk = false, false
		case sla.Fixed:
			fixed = true
		case sla.WorkaroundGiven:
			wk = true
		case sla.NotADefect:
			nad = true
		case sla.SeverityChanged:
			for ev.Severity == 0 || ev.Severity == level {
				ev.Severity = severity.Level(rapid.IntRange(1, 4).Draw(t, "to"))
			}
			level = ev.Severity
		}
		tk.Events = append(tk.Events, ev)
	}
	from := recv
	if ended {
		from = at
	}
	now := from.Add(time.Duration(rapid.IntRange(0, 5*24*60).Draw(t, "now")) * time.Minute)
	tk.Events = rapid.Permutation(tk.Events).Draw(t, "order")
	return tk, now
}

// oracleTarget is one target as a plain replay of the events finds it.
type oracleTarget struct {
	cycle       int
	m           sla.Milestone
	start, done time.Time
}

// replay lists the targets of a ticket whose events are at distinct instants:
// the cycles' response, workaround and fix, then per cycle the next-reply and
// update instances (I16), as the rules state them, event by event.
func replay(tk sla.Ticket, now time.Time, p sla.Policy) (targets []oracleTarget, pauses [][2]time.Time, changes []sla.Event, nad time.Time) {
	evs := slices.Clone(tk.Events)
	slices.SortFunc(evs, func(a, b sla.Event) int { return a.At.Compare(b.At) })
	type cyc struct{ start, resp, wk, fix time.Time }
	cycles := []cyc{{start: tk.Received}}
	var inst []oracleTarget
	hasNext, hasUpdate := false, false
	for _, r := range p.Replies {
		hasNext = hasNext || r.NextReply.IsApplicable()
		hasUpdate = hasUpdate || r.Update.IsApplicable()
	}
	answered, openNext, openUpdate := false, -1, -1
	for _, e := range evs {
		if e.At.After(now) {
			break
		}
		c := &cycles[len(cycles)-1]
		k := len(cycles) - 1
		switch e.Kind {
		case sla.Waiting:
			pauses = append(pauses, [2]time.Time{e.At, {}})
		case sla.Resumed:
			pauses[len(pauses)-1][1] = e.At
		case sla.SeverityChanged:
			changes = append(changes, e)
		case sla.NotADefect:
			nad = e.At
		case sla.Reopened:
			cycles = append(cycles, cyc{start: e.At})
			if hasUpdate {
				openUpdate = len(inst)
				inst = append(inst, oracleTarget{cycle: k + 1, m: sla.Update, start: e.At})
			}
		case sla.CustomerReplied:
			if hasNext && c.fix.IsZero() && answered {
				openNext = len(inst)
				inst = append(inst, oracleTarget{cycle: k, m: sla.NextReply, start: e.At})
				answered = false
			}
		case sla.Responded, sla.WorkaroundGiven, sla.Fixed:
			if k == 0 && c.resp.IsZero() {
				c.resp = e.At
			}
			if e.Kind != sla.Responded && c.wk.IsZero() {
				c.wk = e.At
			}
			if e.Kind == sla.Fixed {
				c.fix = e.At
			}
			answered = true
			if openNext >= 0 {
				inst[openNext].done, openNext = e.At, -1
			}
			if openUpdate >= 0 {
				inst[openUpdate].done, openUpdate = e.At, -1
			}
			if hasUpdate && c.fix.IsZero() {
				openUpdate = len(inst)
				inst = append(inst, oracleTarget{cycle: k, m: sla.Update, start: e.At})
			}
		}
	}
	for k, c := range cycles {
		if k == 0 {
			targets = append(targets, oracleTarget{0, sla.Response, c.start, c.resp})
		}
		targets = append(targets, oracleTarget{k, sla.Workaround, c.start, c.wk}, oracleTarget{k, sla.Fix, c.start, c.fix})
		for _, m := range []sla.Milestone{sla.NextReply, sla.Update} {
			for _, in := range inst {
				if in.cycle == k && in.m == m {
					targets = append(targets, in)
				}
			}
		}
	}
	return targets, pauses, changes, nad
}

// clockWalk steps minute by minute over a target's clock from base: a minute
// counts when the clock runs then (open time on the business clock) and the
// ticket is not waiting on the customer (waits cut at ref). It returns the
// instant at which the clock time counted reaches want.
func clockWalk(business bool, base, ref time.Time, pauses [][2]time.Time, want time.Duration) time.Time {
	t, counted := base, time.Duration(0)
	for {
		if business && !replayCal.IsOpen(t) {
			t = replayCal.Next(t)
			continue
		}
		if !waiting(t, ref, pauses) {
			if want-counted <= time.Minute { // reached within this minute
				return t.Add(want - counted)
			}
			counted += time.Minute
		}
		t = t.Add(time.Minute)
	}
}

// clockBetween counts the minutes of [from, to) on which the clock ran, and
// among them those waited.
func clockBetween(business bool, from, to, ref time.Time, pauses [][2]time.Time) (ran, waited time.Duration) {
	for t := from; t.Before(to); t = t.Add(time.Minute) {
		if business && !replayCal.IsOpen(t) {
			continue
		}
		if waiting(t, ref, pauses) {
			waited += time.Minute
		} else {
			ran += time.Minute
		}
	}
	return ran, waited
}

func waiting(t, ref time.Time, pauses [][2]time.Time) bool {
	if !t.Before(ref) {
		return false
	}
	for _, pz := range pauses {
		if !t.Before(pz[0]) && (pz[1].IsZero() || t.Before(pz[1])) {
			return true
		}
	}
	return false
}

// checkReplayOracle: every target of a ticket with replies, customer
// messages, waits, severity changes and reopenings is what a minute-by-minute
// replay of its clock finds: due time, state, clock time used and paused,
// the instant it was decided, and each warning point with whether it passed.
func checkReplayOracle(t *rapid.T) {
	rule := rapid.IntRange(0, 1).Draw(t, "rule")
	e, p := replayEngines[rule], replayPolicy([]sla.ChangeRule{sla.Restart, sla.Recompute}[rule])
	tk, now := genReplyTicket(t, false)
	st, err := e.Evaluate(tk, now)
	if err != nil {
		t.Fatalf("valid ticket refused: %v", err)
	}
	targets, pauses, changes, nad := replay(tk, now, p)
	if len(targets) != len(st.Targets) {
		t.Fatalf("%d targets, the replay finds %d", len(st.Targets), len(targets))
	}
	for i, o := range targets {
		got := st.Targets[i]
		where := fmt.Sprintf("target %d (%v cycle %d from %v)", i, o.m, o.cycle, o.start)
		if got.Milestone != o.m || got.Cycle != o.cycle {
			t.Fatalf("%s: got %v cycle %d", where, got.Milestone, got.Cycle)
		}
		ref := now
		if !o.done.IsZero() {
			ref = o.done
		}
		level, base, since := tk.Severity, o.start, o.start
		for _, c := range changes {
			if !c.At.After(o.start) {
				level = c.Severity
			} else if !c.At.After(ref) {
				level, since = c.Severity, c.At
				if p.SeverityChange == sla.Restart {
					base = c.At
				}
			}
		}
		var target severity.Target
		switch o.m {
		case sla.Response:
			target = p.Severities[level].Response
		case sla.Workaround:
			target = p.Severities[level].Workaround
		case sla.Fix:
			target = p.Severities[level].Fix
		case sla.NextReply:
			target = p.Replies[level].NextReply
		case sla.Update:
			target = p.Replies[level].Update
		}
		if got.Level != level {
			t.Fatalf("%s: level %v, want %v", where, got.Level, level)
		}
		if !target.IsApplicable() || (o.m == sla.Fix && !nad.IsZero()) {
			if got.State != sla.StateNotApplicable {
				t.Fatalf("%s: %v, want not-applicable", where, got.State)
			}
			continue
		}
		business := target.Clock() == severity.Business
		length := map[severity.Unit]time.Duration{severity.Minutes: time.Minute, severity.Hours: time.Hour}[target.Unit()] * time.Duration(target.Amount())
		due := clockWalk(business, base, ref, pauses, length)
		_, paused := clockBetween(business, base, due, ref, pauses)
		// Used leaves out the waits that pushed the due time back, not those
		// that began after it.
		ran, waited := clockBetween(business, base, ref, ref, pauses)
		used := ran + waited - paused
		want, decided := sla.StatePending, time.Time{}
		risk := (length*3 + 3) / 4 // at risk from 75 %
		switch {
		case !o.done.IsZero() && o.done.After(due):
			want, decided = sla.StateMissed, due
		case !o.done.IsZero():
			want, decided = sla.StateMet, o.done
		case now.After(due):
			want, decided = sla.StateMissed, due
		case used >= risk:
			want = sla.StateAtRisk
		}
		if !got.Due.Equal(due) || got.State != want || time.Duration(got.Used) != used || time.Duration(got.Paused) != paused || !got.Decided.Equal(decided) {
			t.Fatalf("%s:\ngot  due %v %v used %v paused %v decided %v\nwant due %v %v used %v paused %v decided %v (since %v)",
				where, got.Due, got.State, got.Used, got.Paused, got.Decided, due, want, used, paused, decided, since)
		}
		if len(got.Warnings) != len(p.Warnings) {
			t.Fatalf("%s: %d warnings", where, len(got.Warnings))
		}
		for j, w := range p.Warnings {
			u := length - w.Before
			if w.Before == 0 {
				u = time.Duration(w.Share.Decimal().Mul(decimalOf(length)).Ceil().IntPart())
			}
			u = max(u, 1)
			wat := clockWalk(business, base, ref, pauses, u)
			if gw := got.Warnings[j]; !gw.At.Equal(wat) || gw.Passed != (used >= u) {
				t.Fatalf("%s: warning %v at %v passed %v, want at %v passed %v", where, w, gw.At, gw.Passed, wat, used >= u)
			}
		}
	}
}

// observed is what Recheck promises to watch: each target's state and the
// warning points passed.
func observed(st sla.Status) string {
	s := fmt.Sprint(len(st.Targets))
	for _, ts := range st.Targets {
		s += " " + ts.State.String()
		for _, w := range ts.Warnings {
			if w.Passed {
				s += "+"
			} else {
				s += "-"
			}
		}
	}
	return s
}

// checkRecheck: Recheck is exact. Nothing observed changes at any instant
// strictly between now and Recheck (random probes, and Recheck − 1ns), and
// something does at Recheck; with no Recheck, nothing changes later.
func checkRecheck(t *rapid.T) {
	e := replayEngines[rapid.IntRange(0, 2).Draw(t, "policy")] // the third: days and months targets
	tk, now := genReplyTicket(t, true)
	st, err := e.Evaluate(tk, now)
	if err != nil {
		t.Fatalf("valid ticket refused: %v", err)
	}
	before := observed(st)
	limit := now.Add(60 * 24 * time.Hour)
	if !st.Recheck.IsZero() {
		if !st.Recheck.After(now) {
			t.Fatalf("recheck %v not after now %v", st.Recheck, now)
		}
		limit = st.Recheck.Add(-1)
	}
	probe := func(at time.Time) string {
		s, err := e.Evaluate(tk, at)
		if err != nil {
			t.Fatal(err)
		}
		return observed(s)
	}
	for range 6 {
		span := limit.Sub(now)
		if span <= 0 {
			break
		}
		at := now.Add(time.Duration(rapid.Int64Range(1, int64(span)).Draw(t, "probe")))
		if got := probe(at); got != before {
			t.Fatalf("changed at %v, before recheck %v:\nat now %s\nthen   %s", at, st.Recheck, before, got)
		}
	}
	if st.Recheck.IsZero() {
		return
	}
	if limit.After(now) {
		if got := probe(limit); got != before {
			t.Fatalf("changed at recheck − 1ns:\n%s\n%s", before, got)
		}
	}
	if got := probe(st.Recheck); got == before {
		t.Fatalf("nothing changed at recheck %v: %s", st.Recheck, got)
	}
}

func TestReplayOracle(t *testing.T) { rapid.Check(t, checkReplayOracle) }
func TestRecheck(t *testing.T)      { rapid.Check(t, checkRecheck) }
func FuzzReplayOracle(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkReplayOracle)) }
func FuzzRecheck(f *testing.F)      { f.Fuzz(rapid.MakeFuzz(checkRecheck)) }

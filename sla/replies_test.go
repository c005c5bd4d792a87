package sla_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// replyPolicy is the preset with next-reply and update targets on every
// level, the given severity-change rule and warning points.
func replyPolicy(change sla.ChangeRule, warnings ...string) sla.Policy {
	p := sla.Preset("Europe/Paris", "FR")
	p.SeverityChange = change
	t := severity.MustParseTarget
	p.Replies = map[severity.Level]sla.Replies{
		severity.Sev1: {NextReply: t("30m continuous"), Update: t("1h continuous")},
		severity.Sev2: {NextReply: t("1h continuous"), Update: t("4h continuous")},
		severity.Sev3: {NextReply: t("4h business"), Update: t("2h business")},
		severity.Sev4: {NextReply: t("8h business"), Update: t("2d business")},
	}
	for _, w := range warnings {
		pt, err := sla.ParseWarning(w)
		if err != nil {
			panic(err)
		}
		p.Warnings = append(p.Warnings, pt)
	}
	return p
}

func replyEngine(t testing.TB, p sla.Policy) *sla.Engine {
	t.Helper()
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: p}}})
	require.NoError(t, err)
	return e
}

// instances returns the targets of milestone m, in order.
func instances(st sla.Status, m sla.Milestone) []sla.TargetStatus {
	var out []sla.TargetStatus
	for _, ts := range st.Targets {
		if ts.Milestone == m {
			out = append(out, ts)
		}
	}
	return out
}

func TestNextReplyFromACustomerMessage(t *testing.T) {
	e := replyEngine(t, replyPolicy(sla.Restart))
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "N", Received: recv, Severity: severity.Sev3, Events: []sla.Event{
		{At: at(2026, 6, 1, 10, 0), Kind: sla.Responded},
		{At: at(2026, 6, 1, 14, 2), Kind: sla.CustomerReplied},
		{At: at(2026, 6, 1, 15, 0), Kind: sla.CustomerReplied}, // still unanswered: no new clock
	}}
	st, err := e.Evaluate(tk, at(2026, 6, 1, 16, 0))
	require.NoError(t, err)
	nr := instances(st, sla.NextReply)
	require.Len(t, nr, 1, "the oldest unanswered message sets the clock")
	assert.True(t, nr[0].Due.Equal(at(2026, 6, 2, 8, 2)), "4h business from Monday 14:02: %v", nr[0].Due)
	assert.Equal(t, sla.StatePending, nr[0].State)
	assert.Equal(t, "customer replied 2026-06-01 14:02 CEST: next reply 4h business on Europe/Paris mon-fri 08:00-18:00, holidays FR → due 2026-06-02 08:02 CEST",
		nr[0].Steps[0].String())
	r, ok := st.Target(0, sla.Response)
	require.True(t, ok)
	assert.True(t, r.Due.Equal(at(2026, 6, 1, 13, 0)), "next reply never changes the response due time")

	tk.Events = append(tk.Events, sla.Event{At: at(2026, 6, 2, 8, 30), Kind: sla.Responded})
	st, err = e.Evaluate(tk, at(2026, 6, 2, 9, 0))
	require.NoError(t, err)
	nr = instances(st, sla.NextReply)
	require.Len(t, nr, 1)
	assert.Equal(t, sla.StateMissed, nr[0].State, "answered at 08:30, due 08:02")
	assert.True(t, nr[0].Decided.Equal(nr[0].Due), "a missed target is decided at its due time")
}

// TestZammad5177ShorterUpdateKeepsFirstResponseDeadline: in Zammad #5177 an
// update time shorter than the first-response time replaced the
// first-response deadline. Here the update clock starts at the first
// response: before it the response target alone runs, with its own due time.
func TestZammad5177ShorterUpdateKeepsFirstResponseDeadline(t *testing.T) {
	e := replyEngine(t, replyPolicy(sla.Restart)) // sev3: response 4h, update 2h, both business
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "Z5177", Received: recv, Severity: severity.Sev3}
	for _, tc := range []struct {
		now     time.Time
		state   sla.State
		recheck time.Time
	}{
		{at(2026, 6, 1, 11, 0), sla.StatePending, at(2026, 6, 1, 12, 0)}, // 2h in: the update time, no update due
		{at(2026, 6, 1, 11, 30), sla.StatePending, at(2026, 6, 1, 12, 0)},
		{at(2026, 6, 1, 12, 0), sla.StateAtRisk, at(2026, 6, 1, 13, 0).Add(1)},
		{at(2026, 6, 1, 13, 0), sla.StateAtRisk, at(2026, 6, 1, 13, 0).Add(1)},
	} {
		st, err := e.Evaluate(tk, tc.now)
		require.NoError(t, err)
		r, ok := st.Target(0, sla.Response)
		require.True(t, ok)
		assert.True(t, r.Due.Equal(at(2026, 6, 1, 13, 0)), "the first response is due after 4h, not 2h: %v", r.Due)
		assert.Equal(t, tc.state, r.State, "at %v", tc.now)
		assert.Empty(t, instances(st, sla.Update), "no update is due before the first response")
		assert.True(t, st.Recheck.Equal(tc.recheck), "at %v: recheck %v, want %v", tc.now, st.Recheck, tc.recheck)
	}
	tk.Events = []sla.Event{{At: at(2026, 6, 1, 12, 30), Kind: sla.Responded}}
	st, err := e.Evaluate(tk, at(2026, 6, 1, 13, 0))
	require.NoError(t, err)
	r, _ := st.Target(0, sla.Response)
	assert.Equal(t, sla.StateMet, r.State)
	u, ok := st.Target(0, sla.Update)
	require.True(t, ok, "the update clock starts at the first response")
	assert.True(t, u.Due.Equal(at(2026, 6, 1, 14, 30)), "2h business after 12:30: %v", u.Due)
}

// TestZammad3140UpdateMetByAgentReply: in Zammad #3140 the update escalation
// fired although an agent had replied. Here each agent reply meets the
// running update target and starts the next from itself.
func TestZammad3140UpdateMetByAgentReply(t *testing.T) {
	e := replyEngine(t, replyPolicy(sla.Restart)) // sev3 update: 2h business
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "Z3140", Received: recv, Severity: severity.Sev3}
	for i := range 5 { // replies every 90 minutes from 09:30
		tk.Events = append(tk.Events, sla.Event{At: at(2026, 6, 1, 9, 30).Add(time.Duration(i) * 90 * time.Minute), Kind: sla.Responded})
	}
	now := at(2026, 6, 1, 16, 0) // last reply 15:30
	st, err := e.Evaluate(tk, now)
	require.NoError(t, err)
	ups := instances(st, sla.Update)
	require.Len(t, ups, 5)
	for i, u := range ups[:4] {
		assert.Equal(t, sla.StateMet, u.State, "update %d was answered 90 minutes after it started", i)
		assert.Equal(t, i, u.Instance)
	}
	last := ups[4]
	assert.Equal(t, sla.StatePending, last.State)
	assert.True(t, last.Due.Equal(at(2026, 6, 1, 17, 30)), "2h business after the last reply at 15:30: %v", last.Due)
	for _, ts := range st.Targets {
		assert.NotEqual(t, sla.StateMissed, ts.State, "%v %d", ts.Milestone, ts.Instance)
	}
	assert.True(t, st.Recheck.After(now))
	assert.True(t, st.Recheck.Equal(at(2026, 6, 1, 17, 0)), "the at-risk point of the running update (75%% of 2h after 15:30): %v", st.Recheck)
}

// open reports whether the business clock ran just before t: a warning point
// of a business target is reached in open time.
func openAt(c *calendar.Calendar, t time.Time) bool { return c.IsOpen(t.Add(-time.Nanosecond)) }

// TestZammad4432NoNoticesAtNightOrWeekend: in Zammad #4432 escalation notices
// went out at midnight and at weekends on a business calendar. Here every
// warning point and every Recheck of a business target lies in open time.
func TestZammad4432NoNoticesAtNightOrWeekend(t *testing.T) {
	p := replyPolicy(sla.Restart, "25%", "50%", "75%", "90%", "-1h", "-3h")
	e := replyEngine(t, p)
	c := calendar.MustNew(p.Support)
	for _, recv := range []time.Time{
		at(2026, 6, 5, 17, 0),  // Friday afternoon
		at(2026, 6, 6, 11, 0),  // Saturday
		at(2026, 6, 4, 23, 30), // Thursday night
		at(2026, 7, 13, 16, 0), // the eve of 14 July
		at(2026, 12, 24, 17, 59),
	} {
		tk := sla.Ticket{ID: "Z4432", Received: recv, Severity: severity.Sev3, Events: []sla.Event{
			{At: recv.Add(time.Minute), Kind: sla.Responded},
			{At: recv.Add(2 * time.Minute), Kind: sla.CustomerReplied},
		}}
		for now := recv.Add(3 * time.Minute); now.Before(recv.Add(10 * 24 * time.Hour)); {
			st, err := e.Evaluate(tk, now)
			require.NoError(t, err)
			for _, ts := range st.Targets {
				if ts.Rule.Clock() != severity.Business {
					continue
				}
				for _, w := range ts.Warnings {
					assert.True(t, openAt(c, w.At), "%v %v warning %v at %v: not in open time", recv, ts.Milestone, w.Point, w.At)
					assert.NotEqual(t, 0, w.At.Hour(), "never at midnight")
				}
			}
			if st.Recheck.IsZero() {
				break
			}
			// Every business target here: the next look is when the clock has
			// run, or just after a due time that is itself after open time.
			assert.True(t, openAt(c, st.Recheck) || openAt(c, st.Recheck.Add(-1)), "recheck %v: not in open time", st.Recheck)
			now = st.Recheck
		}
	}
}

// TestGLPI22678WarningNotAtMidnightWithSplitDays: in GLPI PR #22678 a warning
// fired at 00:00 on calendars with several ranges a day. Here a warning point
// on such a calendar is where the clock time reaches it, within a range.
func TestGLPI22678WarningNotAtMidnightWithSplitDays(t *testing.T) {
	p := replyPolicy(sla.Restart, "50%", "75%", "-30m")
	p.Support.Hours = calendar.Weekdays("08:00-12:00", "14:00-18:00")
	e := replyEngine(t, p)
	c := calendar.MustNew(p.Support)
	recv := at(2026, 6, 1, 11, 0) // Monday
	tk := sla.Ticket{ID: "G22678", Received: recv, Severity: severity.Sev3}
	st, err := e.Evaluate(tk, recv)
	require.NoError(t, err)
	r, _ := st.Target(0, sla.Response) // 4h business: 11–12 and 14–17
	assert.True(t, r.Due.Equal(at(2026, 6, 1, 17, 0)), "due %v", r.Due)
	want := []time.Time{at(2026, 6, 1, 15, 0), at(2026, 6, 1, 16, 0), at(2026, 6, 1, 16, 30)}
	require.Len(t, r.Warnings, 3)
	for i, w := range r.Warnings {
		assert.True(t, w.At.Equal(want[i]), "%v at %v, want %v", w.Point, w.At, want[i])
		assert.False(t, w.Passed)
	}
	w, _ := st.Target(0, sla.Workaround) // 5d business: 8h a day
	for _, x := range w.Warnings {
		assert.True(t, openAt(c, x.At), "%v at %v", x.Point, x.At)
		assert.NotEqual(t, 0, x.At.Hour())
	}
	assert.True(t, st.Recheck.Equal(at(2026, 6, 1, 15, 0)), "the first warning: %v", st.Recheck)
}

// TestGLPI6902WaitingKeptWhenSeverityChanges: in GLPI #6902 the time spent
// waiting was lost when a priority change swapped the targets. Here a change
// under either rule keeps the waits: under Recompute the target measured from
// receipt counts the wait before the change; under Restart a wait running
// through the change keeps the restarted clock stopped.
func TestGLPI6902WaitingKeptWhenSeverityChanges(t *testing.T) {
	recv := at(2026, 6, 1, 9, 0)
	tk := sla.Ticket{ID: "G6902", Received: recv, Severity: severity.Sev3, Events: []sla.Event{
		{At: at(2026, 6, 1, 9, 30), Kind: sla.Responded},
		{At: at(2026, 6, 1, 10, 0), Kind: sla.Waiting},
		{At: at(2026, 6, 1, 12, 0), Kind: sla.Resumed},
		{At: at(2026, 6, 1, 14, 0), Kind: sla.Waiting},
		{At: at(2026, 6, 1, 15, 0), Kind: sla.SeverityChanged, Severity: severity.Sev2},
		{At: at(2026, 6, 1, 16, 0), Kind: sla.Resumed},
	}}
	now := at(2026, 6, 1, 17, 0)

	st, err := replyEngine(t, replyPolicy(sla.Recompute)).Evaluate(tk, now)
	require.NoError(t, err)
	w, _ := st.Target(0, sla.Workaround)
	assert.Equal(t, severity.Sev2, w.Level)
	assert.Equal(t, sla.Duration(4*time.Hour), w.Paused, "both waits, 2h and 2h, on the continuous clock of sev2")
	assert.True(t, w.Due.Equal(recv.Add(48*time.Hour+4*time.Hour)), "2d continuous from receipt plus the waits: %v", w.Due)
	u, _ := st.Target(0, sla.Update) // from the response at 09:30, now sev2: 4h continuous
	assert.Equal(t, sla.Duration(4*time.Hour), u.Paused)
	assert.True(t, u.Due.Equal(at(2026, 6, 1, 17, 30)), "09:30 + 4h + 4h waiting: %v", u.Due)

	st, err = replyEngine(t, replyPolicy(sla.Restart)).Evaluate(tk, now)
	require.NoError(t, err)
	w, _ = st.Target(0, sla.Workaround)
	assert.Equal(t, sla.Duration(time.Hour), w.Paused, "restarted at 15:00 inside a wait that lasted to 16:00")
	assert.True(t, w.Due.Equal(at(2026, 6, 1, 15, 0).Add(49*time.Hour)), "due %v", w.Due)
	assert.Equal(t, "waiting on customer 2026-06-01 15:00 CEST → 2026-06-01 16:00 CEST: +1h → due 2026-06-03 16:00 CEST", w.Steps[1].String())
}

// TestGLPI9267TimeClosedIsNotCounted: in GLPI PR #9267 the time a ticket
// spent closed, before it was reopened, was not handled as waiting. Here no
// clock runs while a ticket is fixed: the reopened cycle's targets, and the
// update target, start at the reopening; messages while it is fixed start
// nothing.
func TestGLPI9267TimeClosedIsNotCounted(t *testing.T) {
	e := replyEngine(t, replyPolicy(sla.Restart)) // sev2: update 4h continuous, next reply 1h continuous
	recv := at(2026, 6, 1, 9, 0)
	reopen := at(2026, 6, 11, 9, 0)
	tk := sla.Ticket{ID: "G9267", Received: recv, Severity: severity.Sev2, Events: []sla.Event{
		{At: at(2026, 6, 1, 9, 20), Kind: sla.Responded},
		{At: at(2026, 6, 1, 10, 0), Kind: sla.CustomerReplied},
		{At: at(2026, 6, 1, 12, 0), Kind: sla.Fixed},
		{At: at(2026, 6, 3, 12, 0), Kind: sla.CustomerReplied}, // "thanks": the ticket is fixed
		{At: reopen, Kind: sla.Reopened},
	}}
	st, err := e.Evaluate(tk, reopen.Add(2*time.Hour))
	require.NoError(t, err)
	nr := instances(st, sla.NextReply)
	require.Len(t, nr, 1, "the message while fixed starts nothing")
	assert.Equal(t, sla.StateMissed, nr[0].State, "answered by the fix at 12:00, due 11:00")

	w1, ok := st.Target(1, sla.Workaround)
	require.True(t, ok)
	assert.True(t, w1.Due.Equal(reopen.Add(48*time.Hour)), "measured from the reopening: %v", w1.Due)
	assert.Equal(t, sla.Duration(2*time.Hour), w1.Used, "the ten days closed are not on the clock")
	ups := instances(st, sla.Update)
	require.Len(t, ups, 2)
	assert.Equal(t, sla.StateMet, ups[0].State, "met by the fix")
	assert.Equal(t, 1, ups[1].Cycle)
	assert.True(t, ups[1].Due.Equal(reopen.Add(4*time.Hour)), "the update clock starts again at the reopening: %v", ups[1].Due)
	assert.Equal(t, sla.StatePending, ups[1].State, "not missed for the time closed")
	assert.Equal(t, sla.Duration(2*time.Hour), ups[1].Used)
}

func TestPolicyRepliesJSON(t *testing.T) {
	p := replyPolicy(sla.Recompute, "50%", "-1h")
	data, err := json.Marshal(p)
	require.NoError(t, err)
	for _, want := range []string{
		`"sev3":{"response":"4h business","workaround":"5d business","fix":"15d business","next_reply":"4h business","update":"2h business"}`,
		`"warnings":["50%","-1h"]`, `"severity_change":"recompute"`} {
		assert.Contains(t, string(data), want)
	}
	var back sla.Policy
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, p.Replies, back.Replies)
	require.Len(t, back.Warnings, 2)
	assert.Equal(t, "50%", back.Warnings[0].String())
	assert.Equal(t, time.Hour, back.Warnings[1].Before)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(data), string(again))

	plain, err := json.Marshal(sla.Preset("Europe/Paris", "FR"))
	require.NoError(t, err)
	assert.NotContains(t, string(plain), "next_reply", "a policy without reply targets writes none")
	assert.NotContains(t, string(plain), "warnings")

	aliased := strings.Replace(string(plain), `"sev3":{`, `"S3":{"next_reply":"1h business",`, 1)
	require.NoError(t, json.Unmarshal([]byte(aliased), &back))
	assert.Equal(t, map[severity.Level]sla.Replies{severity.Sev3: {NextReply: severity.MustParseTarget("1h business")}}, back.Replies)
}

func TestPolicyRepliesJSONErrors(t *testing.T) {
	plain, err := json.Marshal(sla.Preset("Europe/Paris", "FR"))
	require.NoError(t, err)
	for _, tc := range []struct{ name, from, to, want string }{
		{"bad target", `"sev3":{`, `"sev3":{"next_reply":"4x business",`,
			`severities.sev3.next_reply "4x business": invalid value: want a target such as "4h business" or "n/a"`},
		{"not a string", `"sev2":{`, `"sev2":{"update":4,`,
			`severities.sev2.update "4": invalid value: want a target such as "4h business" or "n/a"`},
		{"written twice", `"sev3":{`, `"sev3":{"update":"1h business","update":"2h business",`,
			`severities.sev3.update: duplicate: key written twice in one object`},
		{"unknown key beside them", `"sev3":{`, `"sev3":{"update":"1h business","next":"2h business",`, `next`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p sla.Policy
			err := json.Unmarshal([]byte(strings.Replace(string(plain), tc.from, tc.to, 1)), &p)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestPolicyWarningsValidate(t *testing.T) {
	for _, tc := range []struct {
		name     string
		warnings []sla.Warning
		want     string
	}{
		{"twice", []sla.Warning{{Share: sla.MustRatio("50%")}, {Share: sla.MustRatio("0.5")}},
			`warnings[1] "50%": duplicate: want each point once`},
		{"neither", []sla.Warning{{}},
			`warnings[0] "0%": invalid value: want a share more than 0% and at most 100%, or a negative offset such as "-1h"`},
		{"both", []sla.Warning{{Share: sla.MustRatio("50%"), Before: time.Hour}},
			`warnings[0] "-1h": invalid value: want a share more than 0% and at most 100%, or a negative offset such as "-1h"`},
		{"too many", make17(),
			`warnings "17 points": over the limit: want at most 16`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := sla.Preset("Europe/Paris", "FR")
			p.Warnings = tc.warnings
			err := p.Validate()
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
	p := sla.Preset("Europe/Paris", "FR")
	p.Replies = map[severity.Level]sla.Replies{9: {Update: severity.MustParseTarget("1h business")}}
	assert.EqualError(t, p.Validate(), `replies "%!Level(9)": invalid value: want reply targets for sev1 to sev4 only`)
}

func make17() []sla.Warning {
	var ws []sla.Warning
	for i := range 17 {
		ws = append(ws, sla.Warning{Before: time.Duration(i+1) * time.Minute})
	}
	return ws
}

func TestParseWarning(t *testing.T) {
	for s, want := range map[string]sla.Warning{"75%": {Share: sla.MustRatio("75%")}, "0.5": {Share: sla.MustRatio("50%")},
		"100%": {Share: sla.MustRatio("100%")}, "-1h": {Before: time.Hour}, "-90m": {Before: 90 * time.Minute}} {
		w, err := sla.ParseWarning(s)
		require.NoError(t, err, s)
		assert.Equal(t, want.String(), w.String())
		assert.Equal(t, want.Before, w.Before)
	}
	for _, s := range []string{"", "0%", "150%", "1h", "-0s", "-1x", "abc", "-"} {
		_, err := sla.ParseWarning(s)
		assert.Error(t, err, s)
	}
	_, err := sla.ParseWarning("1h")
	assert.EqualError(t, err, `"1h": invalid value: want a share such as "75%" or an offset before the due time such as "-1h"`)
}

// TestExplainReplies: the steps of a next-reply instance and of warnings
// read as sentences.
func TestExplainReplies(t *testing.T) {
	e := replyEngine(t, replyPolicy(sla.Restart, "50%", "-1h"))
	tk := sla.Ticket{ID: "E", Received: at(2026, 6, 1, 9, 0), Severity: severity.Sev3, Events: []sla.Event{
		{At: at(2026, 6, 1, 10, 0), Kind: sla.Responded},
		{At: at(2026, 6, 1, 14, 2), Kind: sla.CustomerReplied},
		{At: at(2026, 6, 1, 15, 0), Kind: sla.Waiting},
		{At: at(2026, 6, 2, 9, 0), Kind: sla.Resumed},
	}}
	st, err := e.Evaluate(tk, at(2026, 6, 2, 10, 0))
	require.NoError(t, err)
	nr, ok := st.Target(0, sla.NextReply)
	require.True(t, ok)
	assert.Equal(t, `next-reply (cycle 0, sev3 4h business): pending
  customer replied 2026-06-01 14:02 CEST: next reply 4h business on Europe/Paris mon-fri 08:00-18:00, holidays FR → due 2026-06-02 08:02 CEST
  waiting on customer 2026-06-01 15:00 CEST → 2026-06-02 09:00 CEST: +4h → due 2026-06-02 12:02 CEST
  warning 50% → 2026-06-02 10:02 CEST
  warning -1h → 2026-06-02 11:02 CEST
`, nr.Explain())
	assert.True(t, st.Recheck.Equal(at(2026, 6, 2, 10, 2)), "the 50%% point of the next reply: %v", st.Recheck)
}

// FuzzParseWarning: a warning point that parses prints back to text that
// parses to the same point.
func FuzzParseWarning(f *testing.F) {
	for _, s := range []string{"75%", "0.5", "-1h", "-90m", "100%", "1h", "-0s", "150%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w, err := sla.ParseWarning(s)
		if err != nil {
			return
		}
		back, err := sla.ParseWarning(w.String())
		if err != nil || back.String() != w.String() || back.Before != w.Before {
			t.Fatalf("%q: %v prints %q, which reads %v, %v", s, w, w.String(), back, err)
		}
	})
}

// FuzzPolicyRepliesJSON: a policy with reply targets and warnings that
// decodes and validates encodes to JSON that decodes to the same policy.
func FuzzPolicyRepliesJSON(f *testing.F) {
	good, err := json.Marshal(replyPolicy(sla.Recompute, "50%", "-1h"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Fuzz(func(t *testing.T, data []byte) {
		var p sla.Policy
		if json.Unmarshal(data, &p) != nil || p.Validate() != nil {
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("a valid policy does not marshal: %v", err)
		}
		var back sla.Policy
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		if again, _ := json.Marshal(back); string(again) != string(out) {
			t.Fatalf("round trip changed the policy:\n%s\n%s", out, again)
		}
	})
}

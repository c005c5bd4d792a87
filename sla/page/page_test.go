package page_test

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/recovery"
	"github.com/slakit/slakit/sla"
	"github.com/slakit/slakit/sla/page"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestErrors(t *testing.T) {
	e, r, d := sampleReport(t)
	bad := r
	bad.Month = "2026-13"
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"month", page.Month(io.Discard, e, bad, d), `month "2026-13": invalid syntax: want YYYY-MM`},
		{"no engine", page.Month(io.Discard, nil, r, d), `engine: missing: want the engine that computed the report`},
		{"status without engine", page.Status(io.Discard, nil, d, r.At), `engine: missing: want the contract's engine`},
		{"status at no time", page.Status(io.Discard, e, d, time.Time{}), `now: zero time: want the instant the page describes`},
	}
	for _, c := range cases {
		if assert.Error(t, c.err, c.name) {
			assert.Equal(t, c.want, c.err.Error(), c.name)
		}
	}
}

// A ticket that cannot be evaluated is named by its index.
func TestBadTicket(t *testing.T) {
	e, r, d := sampleReport(t)
	d.Tickets = append([]sla.Ticket(nil), d.Tickets...)
	d.Tickets[2].Events = append([]sla.Event(nil), d.Tickets[2].Events...)
	d.Tickets[2].Events = append(d.Tickets[2].Events, sla.Event{At: d.Tickets[2].Received.Add(time.Minute), Kind: sla.Resumed})
	err := page.Month(io.Discard, e, r, d)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "tickets[2]"), err.Error())
}

// A failed render writes nothing: no half document.
func TestNothingWrittenOnError(t *testing.T) {
	e, r, d := sampleReport(t)
	r.Month = "June"
	var b bytes.Buffer
	require.Error(t, page.Month(&b, e, r, d))
	assert.Zero(t, b.Len())
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	e, r, d := sampleReport(t)
	assert.EqualError(t, page.Month(failWriter{}, e, r, d), "disk full")
	assert.EqualError(t, page.Status(failWriter{}, e, d, r.At), "disk full")
}

// What the issue found wrong in the first HTML report, checked on the page.
func TestMonthContent(t *testing.T) {
	e, r, d := sampleReport(t)
	var b bytes.Buffer
	require.NoError(t, page.Month(&b, e, r, d))
	html := b.String()
	// durations in the one text form
	hasNot(t, html, "0m0s")
	hasNot(t, html, "720h0m")
	has(t, html, "<dt>period (T)</dt><dd>720h</dd>")
	// the RPO gap in the customer's zone, not UTC
	has(t, html, `<time datetime="2026-06-12T02:45:00&#43;02:00">Fri 12 Jun 02:45</time>`)
	// the legend from the policy's real window and support hours
	has(t, html, "maintenance daily 01:00–02:00 Europe/Paris (planned)")
	has(t, html, "support hours: Mon–Fri 08:00–18:00 Europe/Paris")
	// the budget ran out during the first outage: 30m before the window, then 11m18.6s after it
	has(t, html, "It ran out Wed 10 June 2026, 02:11 CEST.")
	// verdicts with a word, not a colour alone
	has(t, html, `id="card-availability"`)
	assert.True(t, regexp.MustCompile(`<h2 id="card-rto-h">RTO</h2>\n<span class="badge v-missed">.*missed</span>`).MatchString(html))
}

// A holiday on a weekday is shaded and named: 3 July 2026, Independence Day
// observed, in New York.
func TestHolidayShaded(t *testing.T) {
	e, r, d := usMonth(t)
	var b bytes.Buffer
	require.NoError(t, page.Month(&b, e, r, d))
	html := b.String()
	has(t, html, `<rect class="day holiday" data-key="closed-holiday"`)
	has(t, html, `<tspan class="wd">Fri </tspan><tspan class="wl">F </tspan>3<tspan class="closedname"> closed</tspan>`)
	has(t, html, "holiday or closed date (public holidays US)")
	assert.Equal(t, 1, strings.Count(html, `class="day holiday"`), "only 3 July")
}

// A month with no data at all still renders, saying what is missing.
func TestEmptyMonth(t *testing.T) {
	e, err := sla.New(sla.Contract{Customer: "Empty", Policies: []sla.Dated{{Policy: sla.Preset("Asia/Kolkata", "")}}})
	require.NoError(t, err)
	kolkata, _ := time.LoadLocation("Asia/Kolkata")
	r, err := e.Month(2026, time.February, sla.MonthData{}, time.Date(2026, 3, 1, 0, 0, 0, 0, kolkata))
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, page.Month(&b, e, r, sla.MonthData{}))
	html := b.String()
	has(t, html, "No incident was reported in the month.")
	has(t, html, "No recovery points were given: the RPO cannot be judged.")
	has(t, html, "<title>SLA report — Empty — February 2026</title>")
	var s bytes.Buffer
	require.NoError(t, page.Status(&s, e, sla.MonthData{}, r.At))
	has(t, s.String(), "No unplanned downtime since")
}

// Pages render in parallel from one engine (run with -race).
func TestConcurrent(t *testing.T) {
	e, r, d := sampleReport(t)
	var want bytes.Buffer
	require.NoError(t, page.Month(&want, e, r, d))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var b bytes.Buffer
			assert.NoError(t, page.Month(&b, e, r, d))
			assert.Equal(t, want.String(), b.String())
			assert.NoError(t, page.Status(io.Discard, e, d, r.At))
		})
	}
	wg.Wait()
}

// FuzzMonth: whatever outages, incidents and recovery points a month report
// accepts, its page renders; the status page, which reads the months around,
// renders or names the record at fault, and never panics.
func FuzzMonth(f *testing.F) {
	f.Add(int64(3600), int64(7200), uint8(0), int64(600), int64(900), int64(1800), int64(86400))
	f.Add(int64(0), int64(0), uint8(1), int64(0), int64(0), int64(0), int64(1))
	f.Add(int64(2591000), int64(2592000), uint8(3), int64(2591990), int64(10), int64(5), int64(2592000))
	paris, _ := time.LoadLocation("Europe/Paris")
	e, err := sla.New(sla.Contract{Customer: "F", Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	if err != nil {
		f.Fatal(err)
	}
	start := time.Date(2026, 6, 1, 0, 0, 0, 0, paris)
	f.Fuzz(func(t *testing.T, a, b int64, cause uint8, reported, took, point, now int64) {
		at := func(s int64) time.Time { return start.Add(time.Duration(s%(40*86400)) * time.Second) }
		o := availability.Outage{ID: "X", Start: at(a), End: at(b), Cause: availability.Cause(cause % 4)}
		switch o.Cause {
		case availability.Maintenance:
			o.AnnouncedAt, o.AnnouncedEnd = o.Start.Add(-time.Hour), o.End
		case availability.Exceptional:
			o.Category = availability.ForceMajeure
		}
		d := sla.MonthData{
			Outages:   []availability.Outage{o},
			Incidents: []recovery.Incident{{Reported: at(reported), Restored: at(reported).Add(time.Duration(took%86400) * time.Second)}},
			// took may be negative: an incident restored before it was reported
			Points: []recovery.Point{{At: at(point)}},
		}
		r, err := e.Month(2026, time.June, d, at(now))
		if err != nil {
			return // refused by the report: nothing to render
		}
		if err := page.Month(io.Discard, e, r, d); err != nil {
			t.Fatalf("month: %v", err)
		}
		if err := page.Status(io.Discard, e, d, at(now)); err != nil && !regexp.MustCompile(`(outages|incidents)\[0\]|recovery_points`).MatchString(err.Error()) {
			t.Fatalf("status: %v", err)
		}
	})
}

// has and hasNot report a failure by the text looked for, not the whole page.
func has(t *testing.T, page, s string) {
	t.Helper()
	if !strings.Contains(page, s) {
		t.Errorf("the page does not contain %q", s)
	}
}

func hasNot(t *testing.T, page, s string) {
	t.Helper()
	if strings.Contains(page, s) {
		t.Errorf("the page contains %q", s)
	}
}

// Unmonitored time is never compliance: the verdict, the figure, the budget
// and the days say unknown where the data cannot tell (I15).
func TestUnknownMonth(t *testing.T) {
	e, r, d := unknownMonth(t)
	require.Equal(t, availability.VerdictUnknown, r.Availability.Verdict)
	var b bytes.Buffer
	require.NoError(t, page.Month(&b, e, r, d))
	html := b.String()
	has(t, html, `<span class="badge v-unknown"><svg class="ic" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><use href="#i-unknown"/></svg>unknown</span>`)
	has(t, html, "<dt>unknown</dt><dd>34h</dd>") // 36 hours unmonitored, 2 of them in the window
	has(t, html, "may have run out")
	has(t, html, `data-key="budget-worst"`)
	has(t, html, `aria-label="Thu 25 Jun: no monitoring data"`)
	has(t, html, "aria-label=\"Wed 3 Jun: unknown, between 52.17\u00a0% and 100.00\u00a0% (11h without monitoring data)\"")
	has(t, html, "aria-label=\"Tue 16 Jun: 98.55\u00a0%, 20m unplanned downtime\"")
	has(t, html, `<rect class="k-unknown" data-key="unknown"`)
	hasNot(t, html, `class="badge v-met"`)
}

// The state of the service at the page's instant, from the sample's data.
func TestStatusStates(t *testing.T) {
	e, d := sample(t)
	paris, _ := time.LoadLocation("Europe/Paris")
	at := func(m time.Month, day, h, min int) time.Time { return time.Date(2026, m, day, h, min, 0, 0, paris) }
	cases := []struct {
		name  string
		now   time.Time
		state string
		more  []string
	}{
		{"during an unplanned outage", at(6, 10, 0, 45), "Service down: Unplanned outage INC-101 since Wed 10 Jun 00:30 CEST (15m so far).", nil},
		{"during announced maintenance", at(6, 14, 22, 30), "Maintenance in progress: Maintenance CHG-7 since Sun 14 Jun 22:00 CEST, announced to end Sun 14 Jun 23:30 CEST.", nil},
		{"an incident open, the service up", at(6, 24, 12, 0), "Service degraded: An incident reported Wed 24 Jun 09:00 CEST is being worked on.", nil},
		{"maintenance announced ahead", at(6, 19, 12, 0), "All systems operational: No outage or incident in progress.",
			[]string{"announced 36h ahead, less than the 48h notice: counts as unplanned", "Sat 20 Jun 21:00 CEST"}},
		{"a month nobody monitored", at(5, 15, 12, 0), "Status unknown: Monitoring has no data for this moment.",
			[]string{"0 days with monitoring data; 90 days without", "No unplanned downtime since"}},
	}
	for _, c := range cases {
		var b bytes.Buffer
		require.NoError(t, page.Status(&b, e, d, c.now), c.name)
		m := regexp.MustCompile(`<p class="big">(.*?)</p><p class="sub">(.*?)</p>`).FindStringSubmatch(b.String())
		require.NotNil(t, m, c.name)
		assert.Equal(t, c.state, m[1]+": "+m[2], c.name)
		for _, s := range c.more {
			has(t, b.String(), s)
		}
	}
}

package page_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/recovery"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

// usMonth is July 2026 for a customer in New York, as of 22 July: a month not
// over, Independence Day observed on Friday 3 July, a two-minute blip, a
// recovery point gap, and tickets in every state.
func usMonth(t testing.TB) (*sla.Engine, sla.Report, sla.MonthData) {
	t.Helper()
	e, err := sla.New(sla.Contract{
		Customer: "Hudson Freight",
		Contacts: []string{"ops@hudson.example"},
		Policies: []sla.Dated{{Policy: usPolicy()}},
	})
	if err != nil {
		t.Fatal(err)
	}
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	at := func(d, h, m int) time.Time { return time.Date(2026, 7, d, h, m, 0, 0, ny) }
	var points []recovery.Point
	for p := at(1, 0, 0).Add(-time.Hour); p.Before(at(22, 12, 0)); p = p.Add(20 * time.Minute) {
		if p.Before(at(20, 2, 0)) || !p.Before(at(20, 5, 0)) {
			points = append(points, recovery.Point{At: p})
		}
	}
	data := sla.MonthData{
		Outages: []availability.Outage{
			{ID: "INC-7", Start: at(7, 14, 0), End: at(7, 14, 45)},
			{ID: "CHG-3", Start: at(11, 22, 0), End: at(11, 23, 0), Cause: availability.Maintenance,
				AnnouncedAt: at(1, 9, 0), AnnouncedEnd: at(11, 23, 0)},
			{ID: "INC-8", Start: at(15, 9, 10), End: at(15, 9, 12)},
		},
		Incidents: []recovery.Incident{{Started: at(7, 14, 0), Reported: at(7, 14, 5), Restored: at(7, 14, 45)}},
		Points:    points,
		Tickets: []sla.Ticket{
			{ID: "HF-1", Contact: "ops@hudson.example", Received: at(2, 16, 0), Severity: severity.Sev3,
				Events: []sla.Event{{At: at(6, 9, 0), Kind: sla.Responded}, {At: at(8, 10, 0), Kind: sla.WorkaroundGiven}}},
			{ID: "HF-2", Contact: "ops@hudson.example", Received: at(7, 14, 10), Severity: severity.Sev1,
				Events: []sla.Event{{At: at(7, 14, 20), Kind: sla.Responded}, {At: at(7, 14, 45), Kind: sla.Fixed}}},
			{ID: "HF-3", Contact: "ops@hudson.example", Received: at(13, 10, 0), Severity: severity.Sev2,
				Events: []sla.Event{{At: at(13, 10, 30), Kind: sla.Responded}}},
			{ID: "HF-4", Contact: "ops@hudson.example", Received: at(20, 9, 0), Severity: severity.Sev3,
				Events: []sla.Event{{At: at(20, 11, 0), Kind: sla.Responded}, {At: at(21, 10, 0), Kind: sla.CustomerReplied}}},
			{ID: "HF-5", Contact: "someone@else.example", Received: at(21, 9, 0), Severity: severity.Sev4},
		},
	}
	r, err := e.Month(2026, time.July, data, at(22, 12, 0))
	if err != nil {
		t.Fatal(err)
	}
	return e, r, data
}

// unknownMonth is June 2026 in Paris with one 20-minute outage and a
// monitoring gap: nothing was monitored on 25 June nor on 3 June before noon.
// The 20 minutes are within the budget, the gap is not: the verdict is
// unknown (I15). The policy has credit tiers, so the credit is unknown too.
func unknownMonth(t testing.TB) (*sla.Engine, sla.Report, sla.MonthData) {
	t.Helper()
	p := sla.Preset("Europe/Paris", "FR")
	if err := json.Unmarshal([]byte(`{"tiers":[{"below":"99.9%","credit":"10%"},{"below":"99%","credit":"25%"}],"cap":"100%"}`), &p.Credits); err != nil {
		t.Fatal(err)
	}
	e, err := sla.New(sla.Contract{Customer: "Gap Co", Policies: []sla.Dated{{Policy: p}}})
	if err != nil {
		t.Fatal(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	at := func(d, h, m int) time.Time { return time.Date(2026, 6, d, h, m, 0, 0, paris) }
	data := sla.MonthData{
		Outages: []availability.Outage{{ID: "INC-9", Start: at(16, 10, 0), End: at(16, 10, 20)}},
		Coverage: availability.Monitored(
			calendar.Interval{Start: at(1, 0, 0), End: at(3, 0, 0)},
			calendar.Interval{Start: at(3, 12, 0), End: at(25, 0, 0)},
			calendar.Interval{Start: at(26, 0, 0), End: at(30, 0, 0).AddDate(0, 0, 1)},
		),
	}
	r, err := e.Month(2026, time.June, data, at(30, 0, 0).AddDate(0, 0, 1))
	if err != nil {
		t.Fatal(err)
	}
	return e, r, data
}

// usPolicy is the preset with next-reply and update targets for severity 3
// (I16) and warning points at half the clock and an hour before the due time
// (I17).
func usPolicy() sla.Policy {
	p := sla.Preset("America/New_York", "US")
	p.Replies = map[severity.Level]sla.Replies{severity.Sev3: {
		NextReply: severity.MustParseTarget("4h business"),
		Update:    severity.MustParseTarget("1d business"),
	}}
	for _, w := range []string{"50%", "-1h"} {
		pw, err := sla.ParseWarning(w)
		if err != nil {
			panic(err)
		}
		p.Warnings = append(p.Warnings, pw)
	}
	return p
}

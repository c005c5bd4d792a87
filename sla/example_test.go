package sla_test

import (
	"fmt"
	"os"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

// A severity 3 ticket that waits two days on the customer: every target's
// clock stops while it waits, and the steps say why each due time is what it is.
func Example() {
	e, err := sla.New(sla.Contract{
		Customer: "ACME",
		Contacts: []string{"ann@acme.example"},
		Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}},
	})
	if err != nil {
		panic(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	at := func(d, h int) time.Time { return time.Date(2026, 6, d, h, 0, 0, 0, paris) }
	t := sla.Ticket{
		ID: "T-1", Contact: "ann@acme.example", Received: at(1, 9), Severity: severity.Sev3,
		Events: []sla.Event{
			{At: at(1, 10), Kind: sla.Waiting},
			{At: at(3, 10), Kind: sla.Resumed},
		},
	}
	st, err := e.Evaluate(t, at(4, 12))
	if err != nil {
		panic(err)
	}
	w, _ := st.Target(0, sla.Workaround)
	fmt.Print(w.Explain())
	// Output:
	// workaround (cycle 0, sev3 5d business): pending
	//   received 2026-06-01 09:00 CEST: 5d business on Europe/Paris mon-fri 08:00-18:00, holidays FR → due 2026-06-08 09:00 CEST
	//   waiting on customer 2026-06-01 10:00 CEST → 2026-06-03 10:00 CEST: +20h → due 2026-06-10 09:00 CEST
}

// The month report: availability with the nightly window (E5), monitoring that
// missed two hours, the service credit owed, and ticket compliance.
func ExampleEngine_Month() {
	p := sla.Preset("Europe/Paris", "FR")
	if err := sla.Decode([]byte(`{"tiers":[{"below":"99.9%","credit":"10%"},{"below":"99%","credit":"25%"}],"cap":"100%"}`), &p.Credits); err != nil {
		panic(err)
	}
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: p}}})
	if err != nil {
		panic(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	at := func(d, h int) time.Time { return time.Date(2026, 6, d, h, 0, 0, 0, paris) }
	data := sla.MonthData{
		Outages: []availability.Outage{{
			Start: time.Date(2026, 6, 10, 0, 30, 0, 0, paris),
			End:   time.Date(2026, 6, 10, 2, 30, 0, 0, paris),
		}},
		Coverage: availability.Monitored(
			calendar.Interval{Start: at(1, 0), End: at(20, 10)},
			calendar.Interval{Start: at(20, 12), End: time.Date(2026, 7, 1, 0, 0, 0, 0, paris)},
		),
		Tickets: []sla.Ticket{{ID: "T-1", Received: at(1, 9), Severity: severity.Sev2,
			Events: []sla.Event{{At: at(1, 9).Add(20 * time.Minute), Kind: sla.Fixed}}}},
	}
	r, err := e.Month(2026, time.June, data, time.Date(2026, 7, 1, 9, 0, 0, 0, paris))
	if err != nil {
		panic(err)
	}
	r.WriteText(os.Stdout)
	// Output:
	// SLA report — ACME — 2026-06
	// policy: SaaS support and service levels
	//
	// Availability between 99.5652 % and 99.8550 % (objective 99.9 %): missed
	//   month          720h
	//   planned (P)    30h
	//   unplanned (U)  1h
	//   excluded       0s
	//   monitored      718h
	//   unknown (M)    2h
	//   budget         41m24s
	//   budget left    -2h18m36s
	// Service credit: 10% of the month's fee
	//
	// RTO: not supplied (no incidents given)
	//
	// RPO: not supplied (no recovery points given)
	//
	// Tickets
	//   severity      target  met  missed  pending  at risk  excluded  waived  n/a  not covered  compliance  worst overrun
	//       sev2    response    1       0        0        0         0       0    0            0    100.00 %              —
	//       sev2  workaround    1       0        0        0         0       0    0            0    100.00 %              —
	//       sev2         fix    1       0        0        0         0       0    0            0    100.00 %              —
}

// A month over tickets read one at a time, as from a JSON Lines export: the
// counts are exact, the lists capped, and IDs that come in ascending order
// are checked for duplicates in constant memory.
func ExampleEngine_MonthStream() {
	e, _ := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	paris, _ := time.LoadLocation("Europe/Paris")
	export := func(yield func(sla.Ticket, error) bool) {
		for i := range 1000 {
			recv := time.Date(2026, 6, 1, 9, 0, 0, 0, paris).Add(time.Duration(i) * 40 * time.Minute)
			t := sla.Ticket{ID: fmt.Sprintf("T-%04d", i), Received: recv, Severity: severity.Sev2,
				Events: []sla.Event{{At: recv.Add(time.Duration(i%70) * time.Minute), Kind: sla.Fixed}}}
			if !yield(t, nil) {
				return
			}
		}
	}
	r, err := e.MonthStream(2026, time.June, sla.MonthData{}, export, time.Date(2026, 7, 1, 0, 0, 0, 0, paris),
		sla.Options{Limit: 3, IDs: sla.IDsAscending})
	if err != nil {
		panic(err)
	}
	for _, row := range r.Tickets.Rows {
		fmt.Println(row.Milestone, "met", row.Met, "missed", row.Missed)
	}
	fmt.Println("breaches listed", len(r.Tickets.Breaches), "cut", r.Tickets.BreachesCut)
	fmt.Println("worst", r.Tickets.Breaches[0].Ticket, r.Tickets.Breaches[0].Overrun)
	// Output:
	// response met 874 missed 126
	// workaround met 1000 missed 0
	// fix met 1000 missed 0
	// breaches listed 3 cut 123
	// worst T-0069 9m
}

// The availability rules of the policy in force, for package availability.
func ExampleEngine_Rules() {
	e, _ := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	period, _ := e.Period(2026, time.June)
	rules, _ := e.Rules(2026, time.June)
	paris, _ := time.LoadLocation("Europe/Paris")
	r, _ := availability.Compute(period, []availability.Outage{{
		Start: time.Date(2026, 6, 10, 0, 30, 0, 0, paris),
		End:   time.Date(2026, 6, 10, 2, 30, 0, 0, paris),
	}}, rules)
	fmt.Println(r.Planned, r.Unplanned, r.Percent(4))
	// Output:
	// 30h0m0s 1h0m0s 99.8550 %
}

// Objectives are set from text; no decimal needed.
func ExampleParseRatio() {
	p := sla.Preset("Europe/Paris", "FR")
	p.Availability = sla.MustRatio("99.95%")
	r, err := sla.ParseRatio("99.95")
	fmt.Println(p.Availability, p.Validate())
	fmt.Println(r, err)
	// Output:
	// 99.95% <nil>
	// 0% "99.95": out of range: want a percentage such as "99.9%", or a fraction from 0 to 1 such as "0.999"
}

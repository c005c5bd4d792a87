package sla_test

import (
	"fmt"
	"os"
	"time"

	"github.com/slakit/slakit/availability"
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

// The month report: availability with the nightly window, and ticket compliance.
func ExampleEngine_Month() {
	e, _ := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	paris, _ := time.LoadLocation("Europe/Paris")
	data := sla.MonthData{
		Outages: []availability.Outage{{
			Start: time.Date(2026, 6, 10, 0, 30, 0, 0, paris),
			End:   time.Date(2026, 6, 10, 2, 30, 0, 0, paris),
		}},
		Tickets: []sla.Ticket{{ID: "T-1", Received: time.Date(2026, 6, 1, 9, 0, 0, 0, paris), Severity: severity.Sev2,
			Events: []sla.Event{{At: time.Date(2026, 6, 1, 9, 20, 0, 0, paris), Kind: sla.Fixed}}}},
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
	// Availability 99.8550 % (objective 99.9 %): missed
	//   month          720h0m0s
	//   planned (P)    30h0m0s
	//   unplanned (U)  1h0m0s
	//   excluded       0s
	//   budget         41m24s
	//   budget left    -18m36s
	//
	// Tickets
	//   severity      target  met  missed  pending  at risk  excluded  waived  n/a  not covered  compliance  worst overrun
	//       sev2    response    1       0        0        0         0       0    0            0    100.00 %              —
	//       sev2  workaround    1       0        0        0         0       0    0            0    100.00 %              —
	//       sev2         fix    1       0        0        0         0       0    0            0    100.00 %              —
}

package sla_test

import (
	"fmt"
	"time"

	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

// Next-reply and update targets (I16), warning points and the instant to look
// again (I17): a customer message at 14:02 calls for a reply within 4 business
// hours; the service schedules one timer, at Recheck.
func ExampleStatus_Recheck() {
	p := sla.Preset("Europe/Paris", "FR")
	p.Replies = map[severity.Level]sla.Replies{severity.Sev3: {
		NextReply: severity.MustParseTarget("4h business"),
		Update:    severity.MustParseTarget("1d business"),
	}}
	p.Warnings = []sla.Warning{{Share: sla.MustRatio("50%")}, {Before: time.Hour}}
	e, err := sla.New(sla.Contract{Customer: "ACME", Policies: []sla.Dated{{Policy: p}}})
	if err != nil {
		panic(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	at := func(d, h, m int) time.Time { return time.Date(2026, 6, d, h, m, 0, 0, paris) }
	t := sla.Ticket{ID: "T-2", Received: at(1, 9, 0), Severity: severity.Sev3, Events: []sla.Event{
		{At: at(1, 9, 40), Kind: sla.Responded},
		{At: at(1, 14, 2), Kind: sla.CustomerReplied},
	}}
	st, err := e.Evaluate(t, at(1, 16, 0))
	if err != nil {
		panic(err)
	}
	next, _ := st.Target(0, sla.NextReply)
	fmt.Print(next.Explain())
	for _, w := range next.Warnings {
		fmt.Printf("%s at %s, passed: %v\n", w.Point, w.At.Format("Mon 15:04"), w.Passed)
	}
	fmt.Println("look again at", st.Recheck.Format("Mon 2006-01-02 15:04"))
	// Output:
	// next-reply (cycle 0, sev3 4h business): pending
	//   customer replied 2026-06-01 14:02 CEST: next reply 4h business on Europe/Paris mon-fri 08:00-18:00, holidays FR → due 2026-06-02 08:02 CEST
	//   warning 50% → 2026-06-01 16:02 CEST
	//   warning -1h → 2026-06-01 17:02 CEST
	// 50% at Mon 16:02, passed: false
	// -1h at Mon 17:02, passed: false
	// look again at Mon 2026-06-01 16:02
}

// Command due prints when each target of a new ticket falls due, with the
// steps that explain it, under the reference policy (SPEC.md) for a customer's
// zone and country:
//
//	go run ./examples/due -severity 3 -received 2026-03-27T16:00:00+01:00 -zone Europe/Paris -country FR
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("due", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var (
		sev      = fl.String("severity", "3", "severity: 1, sev1, S1, \"severity 1\" …")
		received = fl.String("received", "2026-03-27T16:00:00+01:00", "when the ticket was received, RFC 3339")
		zone     = fl.String("zone", "Europe/Paris", "the customer's IANA time zone")
		country  = fl.String("country", "FR", "holiday country or region code (\"\" for none)")
	)
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if err := due(stdout, *sev, *received, *zone, *country); err != nil {
		fmt.Fprintln(stderr, "due:", err)
		return 1
	}
	return 0
}

func due(w io.Writer, sevText, receivedText, zone, country string) error {
	level, err := severity.ParseLevel(sevText)
	if err != nil {
		return fmt.Errorf("-severity: %w", err)
	}
	received, err := time.Parse(time.RFC3339, receivedText)
	if err != nil {
		return fmt.Errorf("-received %q: want an RFC 3339 instant such as 2026-03-27T16:00:00+01:00", receivedText)
	}
	e, err := sla.New(sla.Contract{Policies: []sla.Dated{{Policy: sla.Preset(zone, country)}}})
	if err != nil {
		return err
	}
	st, err := e.Evaluate(sla.Ticket{ID: "new", Received: received, Severity: level}, received)
	if err != nil {
		return err
	}
	loc, _ := time.LoadLocation(zone) // valid: sla.New checked it
	fmt.Fprintf(w, "%s (%s) received %s\n\n", level, level.Name(), received.In(loc).Format("Mon 2006-01-02 15:04 MST"))
	for _, t := range st.Targets {
		if t.Due.IsZero() {
			fmt.Fprintf(w, "%-10s  not applicable\n", t.Milestone)
		} else {
			fmt.Fprintf(w, "%-10s  %-14s  due %s\n", t.Milestone, t.Rule, t.Due.Format("Mon 2006-01-02 15:04 MST"))
		}
		for _, s := range t.Steps {
			fmt.Fprintf(w, "            %s\n", s)
		}
	}
	return nil
}

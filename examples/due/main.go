// Command due prints when each target of a ticket falls due, its state, and
// the steps that explain the due time and its warning points; with a ticket
// file, also the next-reply and update targets (one per customer message and
// per agent reply) and when to look at the ticket again.
//
// With the preset flags it evaluates a new ticket under the reference policy
// (the package sla Preset) for a customer's zone and holiday country:
//
//	go run ./examples/due -severity 3 -received 2026-03-27T16:00:00+01:00 -zone Europe/Paris -country FR
//
// With -contract it uses your contract's policy instead, and with -ticket it
// reads the tickets of a JSON file (one ticket, or an array of them, in the
// form the report tool reads), events included:
//
//	go run ./examples/due -contract contract.json -ticket ticket.json -now 2026-06-12T09:00:00+02:00
//
// -now is the instant the states describe: by default the receipt for a ticket
// given by flags, the current time for a ticket file. Exit status: 0, 1 on bad
// input, 2 on bad flags. A file may hold at most 32 MiB, a contract 1 MiB.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // customers' zones must load on hosts without zoneinfo files (scratch containers, Windows); the library leaves that choice to programs

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/examples/internal/input"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/severity"
	"github.com/slakit/slakit/sla"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr, time.Now))
}

// usageError is a wrong flag or combination of flags: exit status 2.
type usageError struct{ error }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

type options struct {
	sev, received, contact string
	zone, country          string
	contract, ticket, now  string
	set                    map[string]bool // the flags given
}

// run is main without the process: it returns the exit status. clock gives
// the current time, the default -now for a ticket file.
func run(args []string, stdout, stderr io.Writer, clock func() time.Time) int {
	fl := flag.NewFlagSet("due", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o options
	fl.StringVar(&o.sev, "severity", "3", "severity of a new ticket: 1, sev1, S1, \"severity 1\" …")
	fl.StringVar(&o.received, "received", "2026-03-27T16:00:00+01:00", "when the new ticket was received, RFC 3339")
	fl.StringVar(&o.contact, "contact", "", "who asked, for a new ticket under a contract with designated contacts")
	fl.StringVar(&o.zone, "zone", "Europe/Paris", "the customer's IANA time zone, for the preset policy")
	fl.StringVar(&o.country, "country", "FR", "holiday country or region code for the preset policy (\"\" for none)")
	fl.StringVar(&o.contract, "contract", "", "contract JSON file, instead of the preset policy")
	fl.StringVar(&o.ticket, "ticket", "", "tickets JSON file (one ticket or an array), instead of -severity and -received")
	fl.StringVar(&o.now, "now", "", "RFC 3339 instant the states describe (default: the receipt, or the current time with -ticket)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	o.set = map[string]bool{}
	fl.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "due: unexpected argument %q (every input is a flag)\n", fl.Arg(0))
		return 2
	}
	if err := due(stdout, o, clock); err != nil {
		fmt.Fprintln(stderr, "due:", err)
		if errors.As(err, new(usageError)) {
			return 2
		}
		return 1
	}
	return 0
}

func due(w io.Writer, o options, clock func() time.Time) error {
	switch {
	case o.contract != "" && (o.set["zone"] || o.set["country"]):
		return usagef("-zone and -country set the preset policy: the contract has its own")
	case o.ticket != "" && (o.set["severity"] || o.set["received"] || o.set["contact"]):
		return usagef("-severity, -received and -contact describe a new ticket: the ticket file has its own")
	}
	var now time.Time
	if o.now != "" {
		t, err := time.Parse(time.RFC3339, o.now)
		if err != nil {
			return usagef("-now %s: want an RFC 3339 instant such as 2026-03-30T09:00:00+02:00", input.Quote(o.now))
		}
		now = t
	}
	var tickets []sla.Ticket
	if o.ticket == "" {
		level, err := severity.ParseLevel(o.sev)
		if err != nil {
			return usagef("-severity: %w", err)
		}
		received, err := time.Parse(time.RFC3339, o.received)
		if err != nil {
			return usagef("-received %s: want an RFC 3339 instant such as 2026-03-27T16:00:00+01:00", input.Quote(o.received))
		}
		tickets = []sla.Ticket{{ID: "new", Contact: o.contact, Received: received, Severity: level}}
		if now.IsZero() {
			now = received
		}
	} else if now.IsZero() {
		now = clock().Round(0).Truncate(time.Second)
	}

	var e *sla.Engine
	var err error
	if o.contract != "" {
		raw, err := input.ReadFile(o.contract, input.MaxContract)
		if err != nil {
			return err
		}
		if e, err = input.Contract(o.contract, raw); err != nil {
			return err
		}
	} else {
		if _, err := time.LoadLocation(o.zone); err != nil || o.zone == "" {
			return usagef("-zone %s: want an IANA time zone such as Europe/Paris", input.Quote(o.zone))
		}
		if o.country != "" && !slices.Contains(calendar.HolidayCodes(), o.country) {
			return usagef("-country %s: want a holiday code such as FR, US or DE-BY, or \"\" for none", input.Quote(o.country))
		}
		if e, err = sla.New(sla.Contract{Policies: []sla.Dated{{Policy: sla.Preset(o.zone, o.country)}}}); err != nil {
			return err
		}
	}
	if o.ticket != "" {
		if tickets, err = loadTickets(o.ticket); err != nil {
			return err
		}
	}
	var out bytes.Buffer // nothing is written unless every ticket evaluates
	for i, t := range tickets {
		st, err := e.Evaluate(t, now)
		if err != nil {
			if o.ticket == "" {
				return err
			}
			return fmt.Errorf("%s: %w", o.ticket, fault.At(fault.Index("tickets", i), err))
		}
		if i > 0 {
			out.WriteString("\n")
		}
		if err := print(&out, e, t, st, o.ticket != "" || o.now != ""); err != nil {
			return err
		}
	}
	_, err = w.Write(out.Bytes())
	return err
}

// loadTickets reads a JSON file of one ticket or an array of tickets.
func loadTickets(name string) ([]sla.Ticket, error) {
	raw, err := input.ReadFile(name, input.MaxData)
	if err != nil {
		return nil, err
	}
	if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '{' {
		var one sla.Ticket
		if err := jsonx.Decode(raw, &one); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return []sla.Ticket{one}, nil
	}
	var many []sla.Ticket
	if err := jsonx.Decode(raw, &many); err != nil {
		return nil, fmt.Errorf("%s: %w", name, fault.At("tickets", err))
	}
	if len(many) == 0 {
		return nil, fmt.Errorf("%s: %w", name, fault.Field("tickets", "[]", fault.ErrMissing, "want a ticket or an array of tickets"))
	}
	return many, nil
}

const stamp = "Mon 2006-01-02 15:04 MST"

// print writes one ticket's targets; states only when the instant is the
// user's (for a new ticket at its receipt, everything is pending).
func print(w io.Writer, e *sla.Engine, t sla.Ticket, st sla.Status, states bool) error {
	p, err := e.PolicyAt(t.Received)
	if err != nil {
		return err
	}
	loc, err := time.LoadLocation(p.Support.TimeZone)
	if err != nil {
		return err
	}
	name := ""
	if t.ID != "new" {
		name = t.ID + " "
	}
	fmt.Fprintf(w, "%s%s (%s) received %s", name, t.Severity, t.Severity.Name(), t.Received.In(loc).Format(stamp))
	if states {
		fmt.Fprintf(w, ", as of %s", st.At.In(loc).Format(stamp))
	}
	fmt.Fprintln(w)
	if st.Severity != t.Severity {
		fmt.Fprintf(w, "now %s (%s)\n", st.Severity, st.Severity.Name())
	}
	if st.Reason != "" {
		fmt.Fprintln(w, st.Reason)
	}
	fmt.Fprintln(w)
	labels := make([]string, len(st.Targets))
	width := 10
	for i, x := range st.Targets {
		labels[i] = x.Milestone.String()
		if x.Milestone == sla.NextReply || x.Milestone == sla.Update {
			labels[i] += fmt.Sprintf(" #%d", x.Instance+1) // each customer message or reply starts one
		}
		if x.Cycle > 0 {
			labels[i] += fmt.Sprintf(" (cycle %d)", x.Cycle)
		}
		width = max(width, len(labels[i]))
	}
	for i, x := range st.Targets {
		var line strings.Builder
		if x.Due.IsZero() {
			fmt.Fprintf(&line, "%-*s  not applicable", width, labels[i])
		} else {
			fmt.Fprintf(&line, "%-*s  %-14s  due %s", width, labels[i], x.Rule, x.Due.Format(stamp))
		}
		if states {
			fmt.Fprintf(&line, "  %s", x.State)
			if !x.Done.IsZero() {
				fmt.Fprintf(&line, " (done %s)", x.Done.Format(stamp))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(line.String(), " "))
		for _, s := range x.Steps {
			fmt.Fprintf(w, "%*s%s\n", width+2, "", s)
		}
	}
	if states && !st.Recheck.IsZero() {
		fmt.Fprintf(w, "\nlook again %s: the next change if nothing else happens\n", st.Recheck.In(loc).Format(stamp))
	}
	return nil
}

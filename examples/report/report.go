package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/examples/internal/input"
	"github.com/slakit/slakit/sla"
	"github.com/slakit/slakit/sla/page"
	"github.com/slakit/slakit/sla/slo"
)

// report writes the report or the export o asks for and returns the exit
// status; an error is a usageError (status 2) or bad input (status 1).
func report(w io.Writer, o options, sys env) (int, error) {
	if err := checkFlags(o); err != nil {
		return exitUsage, err
	}
	if o.sli != "" {
		if err := slo.CheckSLI(o.sli); err != nil {
			return exitUsage, usagef("-sli: %w", err)
		}
	}
	var now time.Time
	if o.now != "" {
		t, err := time.Parse(time.RFC3339, o.now)
		if err != nil {
			return exitUsage, usagef("-now %s: want an RFC 3339 instant such as 2026-07-01T00:00:00+02:00", input.Quote(o.now))
		}
		now = t
	}
	var year int
	var month time.Month
	if o.month != "" {
		y, m, err := input.ParseMonth(o.month)
		if err != nil {
			return exitUsage, usageError{err}
		}
		year, month = y, m
	}

	own := o.in != (inputs{})
	read, in := readFile(readSample), sampleInputs
	if own {
		read, in = sys.read, o.in
	}
	e, err := loadContract(read, in.contract)
	if err != nil {
		return exitInput, err
	}

	switch {
	case !own && o.month == "":
		year, month = 2026, time.June // the sample's month
	case own && o.now == "":
		now = sys.clock().Round(0).Truncate(time.Second)
	}
	if o.month == "" && own {
		year, month = input.LastFullMonth(now, zoneAt(e, now))
	}
	loc := zoneAt(e, time.Date(year, month, 1, 12, 0, 0, 0, time.UTC))
	start := time.Date(year, month, 1, 0, 0, 0, 0, loc)
	if now.IsZero() {
		now = start.AddDate(0, 1, 0) // the sample's month, complete
	}
	if o.format == "openslo" || o.format == "prometheus" {
		return export(w, e, in.contract, start, o) // any month: the report's instant plays no part
	}
	now = now.In(loc) // the report's instants read in the customer's zone
	if !now.After(start) {
		given := o.now
		if given == "" {
			given = now.Format(time.RFC3339) // the clock's
		}
		return exitUsage, usagef("-now %s: before the month %04d-%02d starts (%s in %s)", given, year, int(month), start.Format(time.RFC3339), loc)
	}

	if _, err := e.Month(year, month, sla.MonthData{}, now); err != nil {
		if errors.Is(err, sla.ErrNoPolicy) {
			return exitInput, fmt.Errorf("%s: %w", in.contract, err)
		}
		flags := fmt.Sprintf("-month %04d-%02d", year, int(month))
		if o.now != "" {
			flags += ", -now " + o.now
		}
		return exitUsage, usagef("%s: %w", flags, err)
	}
	d, err := loadData(read, in)
	if err != nil {
		return exitInput, err
	}
	r, err := e.Month(year, month, d.all(), now)
	if err != nil {
		return exitInput, d.blame(e, year, month, now, err)
	}
	switch o.format {
	case "text":
		err = r.WriteText(w)
	case "json":
		err = writeJSON(w, r)
	case "html":
		err = page.Month(w, e, r, d.all())
	case "status":
		err = page.Status(w, e, d.all(), now)
	}
	if err != nil {
		return exitInput, err
	}
	if o.failOnMiss && missed(r) {
		return exitMissed, nil
	}
	return exitOK, nil
}

// writeJSON writes the report as indented JSON.
func writeJSON(w io.Writer, r sla.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// zoneAt is the customer's zone under the policy in force at t, or under the
// first policy when none is in force yet.
func zoneAt(e *sla.Engine, t time.Time) *time.Location {
	p, err := e.PolicyAt(t)
	if err != nil {
		ds := e.Contract().Policies
		first := slices.MinFunc(ds, func(a, b sla.Dated) int { return a.From.Compare(b.From) })
		if p, err = e.PolicyAt(first.From); err != nil {
			return time.UTC // unreachable: sla.New refuses a contract without policies
		}
	}
	loc, err := time.LoadLocation(p.Support.TimeZone)
	if err != nil {
		return time.UTC // unreachable: sla.New loaded it
	}
	return loc
}

// export writes the availability objective in force at the month's start.
func export(w io.Writer, e *sla.Engine, contract string, start time.Time, o options) (int, error) {
	opts := slo.Options{SLI: o.sli}
	var err error
	if o.format == "openslo" {
		var doc slo.SLO
		if doc, err = slo.OpenSLO(e, start, opts); err == nil {
			err = doc.WriteJSON(w)
		}
	} else {
		var rules slo.RuleFile
		if rules, err = slo.Prometheus(e, start, opts); err == nil {
			err = rules.WriteJSON(w)
		}
	}
	if err != nil {
		return exitInput, fmt.Errorf("%s: %w", contract, err)
	}
	return exitOK, nil
}

// missed reports whether any objective of the report was missed; an unknown
// availability is not missed (nor met).
func missed(r sla.Report) bool {
	if r.Availability != nil && r.Availability.Verdict == availability.VerdictMissed {
		return true
	}
	if r.RPO != nil && !r.RPO.Met {
		return true
	}
	for _, x := range r.RTO {
		if !x.Met {
			return true
		}
	}
	for _, row := range r.Tickets.Rows {
		if row.Missed > 0 {
			return true
		}
	}
	return false
}

package main

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/examples/internal/input"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/recovery"
	"github.com/slakit/slakit/sla"
)

// loadContract reads and compiles the contract; errors name the file and the
// path in it.
func loadContract(read readFile, name string) (*sla.Engine, error) {
	raw, err := read(name, input.MaxContract)
	if err != nil {
		return nil, err
	}
	return input.Contract(name, raw)
}

// data is what the data files hold, each part with the file it came from. A
// part whose file was not given stays nil: not supplied.
type data struct {
	in        inputs
	tickets   []sla.Ticket
	outages   []availability.Outage
	coverage  availability.Coverage
	lines     csvLines // of CSV tickets
	incidents []recovery.Incident
	points    []recovery.Point
}

// all is the month data of every file given; a file given supplies its
// input even when it holds no record.
func (d data) all() sla.MonthData {
	return sla.MonthData{Tickets: d.tickets, Outages: d.outages, Coverage: d.coverage, Incidents: d.incidents, Points: d.points,
		Supplied: sla.Supplied{Tickets: d.in.tickets != "", Outages: d.in.outages != "", Incidents: d.in.incidents != "", Points: d.in.points != ""}}
}

// loadData reads every data file given; errors name the file and the record.
func loadData(read readFile, in inputs) (data, error) {
	d := data{in: in}
	var err error
	switch {
	case isCSV(in.tickets):
		d.tickets, d.lines, err = loadCSVTickets(read, in.tickets, in.events)
	case in.tickets != "":
		d.tickets, err = loadJSON[sla.Ticket](read, in.tickets, "tickets")
	}
	if err != nil {
		return d, err
	}
	if in.outages != "" {
		if d.outages, d.coverage, err = loadOutages(read, in.outages); err != nil {
			return d, err
		}
	}
	if in.incidents != "" {
		if d.incidents, err = loadJSON[recovery.Incident](read, in.incidents, "incidents"); err != nil {
			return d, err
		}
	}
	if in.points != "" {
		if d.points, err = loadPoints(read, in.points); err != nil {
			return d, err
		}
	}
	return d, nil
}

// loadJSON decodes a JSON array strictly; errors read "name: list[3].field".
func loadJSON[T any](read readFile, name, list string) ([]T, error) {
	raw, err := read(name, input.MaxData)
	if err != nil {
		return nil, err
	}
	out := []T{} // supplied, even when empty
	if err := jsonx.Decode(raw, &out); err != nil {
		return nil, fmt.Errorf("%s: %w", name, fault.At(list, err))
	}
	return out, nil
}

// loadOutages reads an outages file: a JSON array of outages, the complete
// record of the month (monitoring covered all of it), or an object
// {"coverage": "full" or [{"start", "end"}, …], "outages": […]} that says
// where monitoring covered the month; time it did not cover is unknown.
func loadOutages(read readFile, name string) ([]availability.Outage, availability.Coverage, error) {
	raw, err := read(name, input.MaxData)
	if err != nil {
		return nil, availability.Coverage{}, err
	}
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		out := []availability.Outage{}
		if err := jsonx.Decode(raw, &out); err != nil {
			return nil, availability.Coverage{}, fmt.Errorf("%s: %w", name, fault.At("outages", err))
		}
		return out, availability.Coverage{}, nil
	}
	var v struct {
		Coverage availability.Coverage `json:"coverage"`
		Outages  []availability.Outage `json:"outages"`
	}
	if err := jsonx.Decode(raw, &v); err != nil {
		return nil, availability.Coverage{}, fmt.Errorf("%s: %w", name, err)
	}
	if !v.Coverage.IsSupplied() {
		return nil, availability.Coverage{}, fmt.Errorf("%s: %w", name, fault.Field("coverage", "", fault.ErrMissing,
			`want "full" or the monitored intervals [{"start": …, "end": …}]; an array of outages alone is the complete record`))
	}
	if v.Outages == nil {
		v.Outages = []availability.Outage{}
	}
	return v.Outages, v.Coverage, nil
}

// loadPoints reads one recovery point a line (see recovery.ParsePoints).
func loadPoints(read readFile, name string) ([]recovery.Point, error) {
	raw, err := read(name, input.MaxData)
	if err != nil {
		return nil, err
	}
	return input.Points(name, raw)
}

// blame finds the files behind an error of the whole month: the month is
// computed again on each file's data alone, and the problems of each file
// that fails are named after it (with their lines, for CSV tickets). The
// error of the whole month is kept when no single file fails.
func (d data) blame(e *sla.Engine, year int, month time.Month, now time.Time, err error) error {
	var errs []error
	for _, part := range []struct {
		name string
		md   sla.MonthData
	}{
		{d.in.tickets, sla.MonthData{Tickets: d.tickets, Supplied: sla.Supplied{Tickets: true}}},
		{d.in.outages, sla.MonthData{Outages: d.outages, Coverage: d.coverage, Supplied: sla.Supplied{Outages: true}}},
		{d.in.incidents, sla.MonthData{Incidents: d.incidents, Supplied: sla.Supplied{Incidents: true}}},
		{d.in.points, sla.MonthData{Points: d.points, Supplied: sla.Supplied{Points: true}}},
	} {
		if part.name == "" {
			continue
		}
		_, perr := e.Month(year, month, part.md, now)
		switch {
		case perr == nil:
		case part.name == d.in.tickets && isCSV(part.name):
			name := part.name
			if d.in.events != "" {
				name += " with " + d.in.events
			}
			errs = append(errs, fmt.Errorf("%s: %w", name, d.lines.locate(perr)))
		default:
			errs = append(errs, fmt.Errorf("%s: %w", part.name, perr))
		}
	}
	if len(errs) == 0 {
		return err
	}
	return errors.Join(errs...)
}

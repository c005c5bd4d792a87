package main

import (
	"fmt"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/sla"
)

// This file is the only one that knows the shape of the sla API: how a ticket
// is checked, which months count it, how a month's report is computed and
// merged. When the library changes, these few functions change.

// month is a report month, "2026-06".
type month string

// yearMonth is the month as Engine.Month takes it.
func (m month) yearMonth() (int, time.Month, error) {
	t, err := time.Parse("2006-01", string(m))
	if err != nil {
		return 0, 0, fmt.Errorf("month %q: want YYYY-MM", string(m))
	}
	return t.Year(), t.Month(), nil
}

func monthOfDate(year int, m time.Month) month {
	return month(fmt.Sprintf("%04d-%02d", year, int(m)))
}

// monthReport is the report of one customer-month over some of its tickets:
// exactly what the single-process Engine.Month computes for them.
func monthReport(e *sla.Engine, m month, tickets []sla.Ticket, now time.Time) (sla.Report, error) {
	y, mon, err := m.yearMonth()
	if err != nil {
		return sla.Report{}, err
	}
	return e.Month(y, mon, sla.MonthData{Tickets: tickets}, now)
}

// mergeReports is the library's exact merge of reports over disjoint sets of
// tickets.
func mergeReports(a, b sla.Report) (sla.Report, error) { return a.Merge(b) }

// check evaluates t at now as Engine.Month does; errors name the path from
// the line ("ticket.events[2]"). Engine.Month cannot count a ticket received
// after now.
func check(e *sla.Engine, t sla.Ticket, now time.Time) (sla.Status, error) {
	if t.Received.After(now) {
		return sla.Status{}, fault.Field("ticket.received", t.Received.Format(time.RFC3339), fault.ErrRange,
			"want an instant at or before -now "+now.Format(time.RFC3339))
	}
	st, err := e.Evaluate(t, now)
	if err != nil {
		return sla.Status{}, fault.At("ticket", err)
	}
	return st, nil
}

// periods finds the month whose report counts an instant, with the period of
// each month taken from the library itself (Engine.Month reports it as its
// availability period), so that keying agrees with Engine.Month in every zone
// and across policy changes. It caches periods; it is not safe for concurrent
// use (each Beam DoFn instance has its own).
type periods struct {
	known map[periodKey]calendar.Interval
}

type periodKey struct {
	engine *sla.Engine
	month  month
}

// countedIn returns the months whose reports count ticket t, evaluated as st:
// today the month of its receipt (Engine.Month counts the tickets received in
// the month).
func (p *periods) countedIn(e *sla.Engine, t sla.Ticket, _ sla.Status) ([]month, error) {
	m, err := p.monthOf(e, t.Received)
	if err != nil {
		return nil, err
	}
	return []month{m}, nil
}

// monthOf returns the month whose period contains x. A month in UTC is at most
// one month away from the customer's.
func (p *periods) monthOf(e *sla.Engine, x time.Time) (month, error) {
	u := x.UTC()
	y, m := u.Year(), u.Month()
	for range 3 {
		period, err := p.period(e, y, m)
		if err != nil {
			return "", err
		}
		switch {
		case x.Before(period.Start):
			m--
		case !x.Before(period.End):
			m++
		default:
			return monthOfDate(y, m), nil
		}
		if d := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC); d.Month() != m || d.Year() != y {
			y, m = d.Year(), d.Month()
		}
	}
	return "", fmt.Errorf("no month contains %s", x.Format(time.RFC3339))
}

// period returns the span of month m of year y in the customer's zone, as
// Engine.Month computes it.
func (p *periods) period(e *sla.Engine, y int, m time.Month) (calendar.Interval, error) {
	k := periodKey{e, monthOfDate(y, m)}
	if iv, ok := p.known[k]; ok {
		return iv, nil
	}
	// Two months on in UTC is after the month's end in every zone, so the
	// report covers the whole month.
	after := time.Date(y, m+2, 1, 0, 0, 0, 0, time.UTC)
	r, err := e.Month(y, m, sla.MonthData{}, after)
	if err != nil {
		return calendar.Interval{}, err
	}
	if r.Availability == nil {
		return calendar.Interval{}, fmt.Errorf("sla: the report of %s has no period", k.month)
	}
	if p.known == nil {
		p.known = make(map[periodKey]calendar.Interval)
	}
	p.known[k] = r.Availability.Period
	return r.Availability.Period, nil
}

// begun reports whether month m has begun at now: Engine.Month refuses to
// report a month before it.
func (p *periods) begun(e *sla.Engine, m month, now time.Time) (bool, error) {
	y, mon, err := m.yearMonth()
	if err != nil {
		return false, err
	}
	period, err := p.period(e, y, mon)
	if err != nil {
		return false, err
	}
	return now.After(period.Start), nil
}

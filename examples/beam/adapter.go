package main

import (
	"fmt"
	"slices"
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

// next and prev are the months after and before m; m must be valid.
func (m month) next() month { return m.add(1) }
func (m month) prev() month { return m.add(-1) }

func (m month) add(n int) month {
	y, mon, _ := m.yearMonth()
	d := time.Date(y, mon+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	return monthOfDate(d.Year(), d.Month())
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

// counts reports whether r counts a target of some ticket.
func counts(r sla.Report) bool { return r.Tickets.Tickets > 0 }

// withTicketInputs returns r saying it read read tickets and ignored ignored
// of them: a customer-month's report in the pipeline reads only the tickets
// keyed to it, but describes, as Engine.Month given all the customer's
// tickets would, every ticket of the customer.
func withTicketInputs(r sla.Report, read, ignored int) sla.Report {
	r.Inputs.Tickets.Read, r.Inputs.Tickets.Ignored = read, ignored
	return r
}

// check evaluates t as Engine.Month does: at now, or, for a ticket received
// after now (late), which every month ignores, at its receipt, to check it
// all the same. Errors name the path from the line ("ticket.events[2]").
func check(e *sla.Engine, t sla.Ticket, now time.Time) (st sla.Status, late bool, err error) {
	at := now
	if late = t.Received.After(now); late {
		at = t.Received
	}
	if st, err = e.Evaluate(t, at); err != nil {
		return sla.Status{}, late, fault.At("ticket", err)
	}
	return st, late, nil
}

// decided is the instant that places target ts in one month's report, zero
// while it is open: Engine.Month then lists it in the report of every month
// from the ticket's receipt to now.
func decided(ts sla.TargetStatus) time.Time { return ts.Decided }

// span returns month m of year y in the customer's zone, as Engine.Month
// computes it.
func span(e *sla.Engine, y int, m time.Month) (calendar.Interval, error) { return e.Period(y, m) }

// periods finds the months an instant belongs to, with the span of each month
// taken from the library itself, so that keying agrees with Engine.Month in
// every zone and across policy changes. It caches spans; it is not safe for
// concurrent use (each Beam DoFn instance has its own).
type periods struct {
	known map[periodKey]calendar.Interval
}

type periodKey struct {
	engine *sla.Engine
	month  month
}

// candidates returns the months whose reports count ticket t, evaluated as
// st at now: the month of each target's decision, and, while a target is
// open, every month from its receipt to now's; never a month that has not
// begun at now. The library has the last word: a customer-month whose report
// counts nothing is not written.
func (p *periods) candidates(e *sla.Engine, t sla.Ticket, st sla.Status, now time.Time) ([]month, error) {
	first, err := p.monthOf(e, t.Received)
	if err != nil {
		return nil, err
	}
	last, err := p.monthOf(e, now.Add(-time.Nanosecond)) // a month begins strictly before now
	if err != nil {
		return nil, err
	}
	var out []month
	for _, ts := range st.Targets {
		d := decided(ts)
		if d.IsZero() {
			out = out[:0]
			for m := first; m <= last; m = m.next() {
				out = append(out, m)
			}
			return out, nil
		}
		m, err := p.monthOf(e, d)
		if err != nil {
			return nil, err
		}
		if m >= first && m <= last && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	slices.Sort(out)
	return out, nil
}

// monthOf returns the month whose span contains x. A month in UTC is at most
// one month away from the customer's.
func (p *periods) monthOf(e *sla.Engine, x time.Time) (month, error) {
	u := x.UTC()
	m := monthOfDate(u.Year(), u.Month())
	for range 3 {
		period, err := p.period(e, m)
		if err != nil {
			return "", err
		}
		switch {
		case x.Before(period.Start):
			m = m.prev()
		case !x.Before(period.End):
			m = m.next()
		default:
			return m, nil
		}
	}
	return "", fmt.Errorf("no month contains %s", x.Format(time.RFC3339))
}

// period returns the span of month m, cached.
func (p *periods) period(e *sla.Engine, m month) (calendar.Interval, error) {
	k := periodKey{e, m}
	if iv, ok := p.known[k]; ok {
		return iv, nil
	}
	y, mon, err := m.yearMonth()
	if err != nil {
		return calendar.Interval{}, err
	}
	iv, err := span(e, y, mon)
	if err != nil {
		return calendar.Interval{}, err
	}
	if p.known == nil {
		p.known = make(map[periodKey]calendar.Interval)
	}
	p.known[k] = iv
	return iv, nil
}

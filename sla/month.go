package sla

import (
	"errors"
	"fmt"
	"iter"
	"strconv"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/recovery"
)

// MonthData is what happened, as [Engine.Month] reads it.
//
// An input is supplied when its list is not empty or its flag in Supplied is
// set: set the flag to say "supplied, and there were none" (no outage at all,
// no recovery point at all), which is not the same as "not supplied". In JSON
// a key that is present is supplied: {"outages": []} supplies no outages.
type MonthData struct {
	Tickets []Ticket              `json:"tickets,omitempty"`
	Outages []availability.Outage `json:"outages,omitempty"`
	// Coverage says where monitoring covered the month (I15): the zero value
	// is not supplied, availability.FullyMonitored() is all of it, and
	// availability.Monitored(intervals...) those intervals; time covered by
	// neither monitoring nor an outage is unknown, and the verdict is then
	// three-valued. Outages supplied without coverage are taken as the
	// complete record of the month (monitored throughout), as a monitoring
	// export that lists every outage is; coverage supplied without outages
	// means monitoring saw no outage.
	Coverage  availability.Coverage `json:"coverage,omitzero"`
	Incidents []recovery.Incident   `json:"incidents,omitempty"`       // disruptions, for the RTO
	Points    []recovery.Point      `json:"recovery_points,omitempty"` // backups, for the RPO
	Supplied  Supplied              `json:"-"`
}

// Supplied flags the inputs of a [MonthData] given even when empty. Coverage
// needs no flag: its zero value is "not supplied".
type Supplied struct {
	Tickets, Outages, Incidents, Points bool
}

// Options tune a month report; the zero value is the default.
type Options struct {
	// Limit caps the lists of a report's [Compliance]: Breaches keeps the
	// Limit worst missed targets and Open the Limit most urgent open targets;
	// the counts stay exact and BreachesCut and OpenCut say what was left out.
	// Zero means [DefaultLimit]; a negative Limit lists everything.
	Limit int
	// OnBreach, when set, is called with every missed target counted in the
	// month, in the order the tickets come, whatever the limit.
	OnBreach func(Breach)
	// IDs says how ticket IDs are checked for duplicates.
	IDs IDCheck
}

// DefaultLimit is the number of breaches and of open targets a report lists
// when [Options] say nothing.
const DefaultLimit = 1000

// IDCheck says how a month report finds ticket IDs given twice.
type IDCheck uint8

const (
	// IDsAnyOrder keeps every ticket ID read, so that a duplicate is found
	// wherever it comes: memory grows by about 40 bytes plus the ID's length
	// per ticket.
	IDsAnyOrder IDCheck = iota
	// IDsAscending requires tickets in strictly ascending order of ID, as a
	// database export sorted by key gives them, and finds a duplicate in
	// constant memory: an ID not above the previous one is an error.
	IDsAscending
)

// Month computes the report of month (1–12) of year (1–9999), in the
// customer's zone, under the policy in force at the month's start, as things
// stand at now. It is [Engine.MonthStream] with the tickets of data and the
// default [Options].
func (e *Engine) Month(year int, month time.Month, data MonthData, now time.Time) (Report, error) {
	return e.MonthStream(year, month, data, nil, now, Options{})
}

// MonthStream computes the report of month (1–12) of year (1–9999) as
// things stand at now, reading the tickets of data and then those of tickets,
// one at a time: its memory is bounded by what the report keeps (the lists
// capped by opt.Limit, and the IDs when opt.IDs is [IDsAnyOrder]), not by the
// number of tickets. The other inputs are read from data. A nil tickets is no
// more tickets; a non-nil one supplies tickets.
//
// The report holds:
//
//   - availability over the month (R10, I10–I12), from data.Outages;
//   - RTO for each incident reported in the month (I13); an incident not
//     restored by now is reported as ongoing, measured up to now;
//   - RPO exposure over the month from data.Points (I13);
//   - ticket compliance (I14): each target counted in the month, in the
//     customer's zone, in which its outcome was decided, whatever the
//     ticket's receipt date: met at its completion, missed at its due time
//     (even when completed later), excluded, waived, not covered or not
//     applicable when that became final. Targets still pending at now are
//     listed as open, with their due times, and counted as decided in no
//     month. Each ticket is evaluated at now under the policy in force when it
//     was received.
//
// When now falls inside the month, availability and RPO cover the month up to
// now and the report is Partial.
//
// Records are refused, not dropped: the error names each bad record by its
// path ("tickets[7].id", "outages[2].end", "incidents[0].reported"), up to
// [MaxProblems] of them, and no report is returned. Refused are: a ticket that
// [Engine.Evaluate] refuses, a ticket without an ID, two tickets with one ID
// (`tickets[7].id "T-3": duplicate: also tickets[2]`), an event that names
// another ticket; an outage, incident or recovery point that is invalid.
// Ignored by rule, and counted in [Report.Inputs], are tickets received after
// the month or after now, outages outside the month (up to now) and
// incidents reported outside it.
func (e *Engine) MonthStream(year int, month time.Month, data MonthData, tickets iter.Seq2[Ticket, error], now time.Time, opt Options) (Report, error) {
	period, p, err := e.period(year, month)
	if err != nil {
		return Report{}, err
	}
	loc := period.Start.Location()
	now = now.Round(0)
	if !representable(now.In(loc)) {
		return Report{}, fault.Field("now", now.String(), ErrRange, "want an instant in years 1 to 9999")
	}
	if !now.After(period.Start) {
		return Report{}, fault.Field("now", now.Format(time.RFC3339), ErrRange,
			"want an instant after the month starts ("+period.Start.Format(time.RFC3339)+")")
	}
	r := Report{
		Customer: e.contract.Customer,
		Month:    fmt.Sprintf("%04d-%02d", year, int(month)),
		Policy:   p.Name,
		At:       now.In(loc),
	}
	upTo := period
	if now.Before(period.End) {
		upTo.End, r.Partial = now, true
	}
	var probs problems

	t := newTally(e, period, now, opt, len(data.Tickets))
	t.ids.from = data.Tickets
	r.Inputs.Tickets.Supplied = len(data.Tickets) > 0 || data.Supplied.Tickets || tickets != nil
	for i := range data.Tickets {
		probs.add(t.add(i, &data.Tickets[i]))
	}
	if tickets != nil {
		i := len(data.Tickets)
		for tk, err := range tickets {
			if err != nil {
				probs.add(fault.At(fault.Index("tickets", i), err))
			} else {
				probs.add(t.add(i, &tk))
			}
			i++
		}
	}
	for _, err := range t.ids.duplicates() {
		probs.add(err)
	}
	r.Inputs.Tickets.Read, r.Inputs.Tickets.Ignored = t.read, t.ignored
	r.Tickets = t.result()

	outages := len(data.Outages) > 0 || data.Supplied.Outages
	if outages {
		r.Inputs.Outages = Input{Supplied: true, Read: len(data.Outages)}
	}
	if data.Coverage.IsSupplied() {
		r.Inputs.Coverage = Input{Supplied: true, Read: len(data.Coverage.Intervals())}
	}
	if outages || data.Coverage.IsSupplied() {
		coverage := data.Coverage
		if !coverage.IsSupplied() {
			coverage = availability.FullyMonitored()
		}
		av, ignored, err := availabilityOf(upTo, data.Outages, coverage, p)
		probs.add(err)
		r.Availability, r.Inputs.Outages.Ignored = av, ignored
	}
	if len(p.Credits.Tiers) > 0 {
		c := availability.Credit{} // unknown without availability (I15, I19)
		if r.Availability != nil {
			c = p.Credits.For(*r.Availability)
		}
		r.Credit = &c
	}
	if len(data.Incidents) > 0 || data.Supplied.Incidents {
		r.Inputs.Incidents = Input{Supplied: true, Read: len(data.Incidents)}
		rto, ignored, err := rtoOf(upTo, data.Incidents, time.Duration(p.RTO), now)
		probs.add(err)
		r.RTO, r.Inputs.Incidents.Ignored = rto, ignored
	}
	if len(data.Points) > 0 || data.Supplied.Points {
		r.Inputs.Points = Input{Supplied: true, Read: len(data.Points)}
		for i, pt := range data.Points {
			path := fault.Index("recovery_points", i)
			probs.add(errors.Join(checkYear(path+".at", pt.At), checkYear(path+".stored", pt.Stored)))
		}
		x, err := recovery.Exposure(data.Points, upTo.Start, upTo.End, time.Duration(p.RPO))
		if err != nil {
			probs.add(rename(err, "points", "recovery_points"))
		} else {
			x = exposureIn(x, loc)
			r.RPO = &x
		}
	}
	if err := probs.err(); err != nil {
		return Report{}, err
	}
	return r, nil
}

// period returns the month in the customer's zone and the policy in force at
// its start. Policies of one contract may name different zones; the month is
// that of the policy in force at its start.
func (e *Engine) period(year int, month time.Month) (calendar.Interval, *compiled, error) {
	if e == nil || len(e.terms) == 0 {
		return calendar.Interval{}, nil, ErrEngine
	}
	if month < time.January || month > time.December {
		return calendar.Interval{}, nil, fault.Field("month", strconv.Itoa(int(month)), ErrMonth, "want 1 to 12")
	}
	if year < 1 || year > 9999 {
		return calendar.Interval{}, nil, fault.Field("year", strconv.Itoa(year), ErrMonth, "want 1 to 9999")
	}
	if year == 9999 && month == time.December {
		// It ends in year 10000, which RFC 3339 cannot write.
		return calendar.Interval{}, nil, fault.Field("month", "9999-12", ErrMonth, "want a month that ends by year 9999")
	}
	first := e.terms[0].support.Location()
	period, err := availability.Month(year, month, first)
	if err != nil {
		return calendar.Interval{}, nil, fault.At("month", err)
	}
	p, err := e.at(period.Start)
	if err != nil {
		return calendar.Interval{}, nil, err
	}
	if loc := p.support.Location(); loc != first {
		if period, err = availability.Month(year, month, loc); err != nil {
			return calendar.Interval{}, nil, fault.At("month", err)
		}
		if p, err = e.at(period.Start); err != nil {
			return calendar.Interval{}, nil, err
		}
	}
	return period, p, nil
}

// Period returns month (1–12) of year (1–9999) as the half-open interval
// [first day 00:00, next month's first day 00:00) in the zone of the policy
// in force at its start (I10).
func (e *Engine) Period(year int, month time.Month) (calendar.Interval, error) {
	period, _, err := e.period(year, month)
	return period, err
}

// Rules returns the availability rules of the policy in force at the start of
// month (1–12) of year (1–9999): its maintenance window, notice and
// objective, ready for [availability.Compute] over [Engine.Period].
func (e *Engine) Rules(year int, month time.Month) (availability.Rules, error) {
	_, p, err := e.period(year, month)
	if err != nil {
		return availability.Rules{}, err
	}
	return p.availabilityRules(), nil
}

func (p *compiled) availabilityRules() availability.Rules {
	return availability.Rules{Window: p.maintenance, Notice: time.Duration(p.Notice), Objective: p.Availability.d}
}

// availabilityOf computes the availability of upTo as far as coverage
// knows it; outages that do not touch upTo are counted as ignored.
func availabilityOf(upTo calendar.Interval, outages []availability.Outage, coverage availability.Coverage, p *compiled) (*availability.Report, int, error) {
	ignored := 0
	for _, o := range outages {
		if !o.End.After(upTo.Start) || !o.Start.Before(upTo.End) {
			ignored++
		}
	}
	av, err := availability.ComputeCovered(upTo, outages, coverage, p.availabilityRules())
	if err != nil {
		return nil, 0, err // it names outages[i].field
	}
	return &av, ignored, nil
}

// rtoOf checks the RTO of every incident reported in upTo, in the order
// given; the others are counted as ignored.
func rtoOf(upTo calendar.Interval, incidents []recovery.Incident, objective time.Duration, now time.Time) ([]recovery.RTOResult, int, error) {
	loc := upTo.Start.Location()
	var out []recovery.RTOResult
	var probs problems
	ignored := 0
	for i, in := range incidents {
		path := fault.Index("incidents", i)
		if in.Reported.IsZero() {
			probs.add(fault.Field(path+".reported", "", ErrZeroTime, "want the instant the disruption was reported"))
			continue
		}
		if err := errors.Join(checkYear(path+".started", in.Started), checkYear(path+".reported", in.Reported),
			checkYear(path+".restored", in.Restored)); err != nil {
			probs.add(err)
			continue
		}
		in = recovery.Incident{Started: inZone(in.Started, loc), Reported: in.Reported.In(loc), Restored: inZone(in.Restored, loc)}
		if !upTo.Contains(in.Reported) {
			if !in.Restored.IsZero() { // checked all the same
				if _, err := in.Check(objective); err != nil {
					probs.add(fault.At(path, err))
					continue
				}
			}
			ignored++
			continue
		}
		res, err := checkIncident(in, objective, now)
		if err != nil {
			probs.add(fault.At(path, err))
			continue
		}
		out = append(out, res)
	}
	return out, ignored, probs.err()
}

// checkIncident checks one incident's RTO at now. One not restored by now
// (no restored time, or one after now, from a later record than the report)
// is ongoing, measured up to now.
func checkIncident(in recovery.Incident, objective time.Duration, now time.Time) (recovery.RTOResult, error) {
	if in.Restored.After(now) {
		in.Restored = time.Time{}
	}
	return in.CheckAt(now, objective)
}

// exposureIn returns x with its instants in loc.
func exposureIn(x recovery.ExposureResult, loc *time.Location) recovery.ExposureResult {
	gap := func(g recovery.Gap) recovery.Gap {
		g.From, g.Since, g.To = inZone(g.From, loc), inZone(g.Since, loc), inZone(g.To, loc)
		return g
	}
	x.Start, x.End = inZone(x.Start, loc), inZone(x.End, loc)
	x.Worst = gap(x.Worst)
	if x.Breaching != nil {
		b := make([]recovery.Gap, len(x.Breaching))
		for i, g := range x.Breaching {
			b[i] = gap(g)
		}
		x.Breaching = b
	}
	return x
}

// inZone is t in loc, keeping the zero time zero.
func inZone(t time.Time, loc *time.Location) time.Time {
	if t.IsZero() {
		return t
	}
	return t.In(loc)
}

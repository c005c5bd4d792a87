package page

import (
	"fmt"
	"io"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/sla"
)

// Month writes the month report r as one self-contained HTML document: the
// verdicts first (availability, error budget, RTO, RPO, tickets), then the
// error budget across the month, the availability of each day, a timeline of
// the month week by week, and the tables behind every figure.
//
// e is the engine r was computed with: the page reads the policy in force at
// the month's start (calendars, objectives, maintenance window) and evaluates
// the tickets of data at r.At to place their due times. data is what was given
// to [sla.Engine.Month]; its tickets may be left out (a report of
// [sla.Engine.MonthStream]), and the timeline then shows no due time while
// the tables still show what the report counted. Instants are shown in the
// customer's zone and durations in the form "1h49m".
//
// The document needs no script and loads nothing: styles, charts and symbols
// are inline. An error names the input at fault: "month", "tickets[3]".
func Month(w io.Writer, e *sla.Engine, r sla.Report, data sla.MonthData) error {
	p, err := newMonthPage(e, r, data)
	if err != nil {
		return err
	}
	return execute(w, "month", p)
}

// monthPage is everything the month template prints, computed.
type monthPage struct {
	pageHead
	Customer  string
	MonthName string // "June 2026"
	Policy    string
	At        instant
	Partial   bool
	Cards     []card
	Notices   []notice
	Budget    *budgetChart
	BudgetKey []legendItem
	Days      []dayCell
	DaysKey   []legendItem
	Worst     []dayCell
	Weeks     []weekRow
	Legend    []legendGroup
	Avail     *availTable
	Outages   []outageRow
	RTO       []rtoRow
	RPO       *rpoView
	Targets   []targetRow
	Breaches  []breachRow
	Open      []openRow
	OpenCut   int  // open targets the report did not list
	Cut       int  // missed targets the report did not list
	Warnings  bool // the policy has warning points: the open targets show the next one
}

// pageHead is what every page has in its head and header.
type pageHead struct {
	Title string
	Zone  string // "Europe/Paris"
}

// card is one verdict of the header.
type card struct {
	ID      string
	Title   string
	Verdict verdict
	Word    string // replaces the verdict's word when set ("overspent")
	Figure  string
	Sub     string
	Lines   []line
}

// WordOr is the word the card's badge shows.
func (c card) WordOr() string {
	if c.Word != "" {
		return c.Word
	}
	return c.Verdict.Word()
}

// line is one row inside a card: ticket compliance of one severity.
type line struct {
	Label, Value string
	Verdict      verdict
}

// notice is a sentence the reader must not miss: an input not supplied, a
// warning about the data.
type notice struct {
	Kind string // "absent" or "warning"
	Text string
}

// monthContext is what the builders of one month page share.
type monthContext struct {
	e      *sla.Engine
	r      sla.Report
	data   sla.MonthData
	pol    sla.Policy
	loc    *time.Location
	month  calendar.Interval
	clock  clock
	legend legend
}

func newMonthPage(e *sla.Engine, r sla.Report, data sla.MonthData) (*monthPage, error) {
	if e == nil {
		return nil, fault.Field("engine", "", fault.ErrMissing, "want the engine that computed the report")
	}
	year, mon, err := parseMonth(r.Month)
	if err != nil {
		return nil, err
	}
	pol, err := e.PolicyAt(time.Date(year, mon, 1, 12, 0, 0, 0, time.UTC))
	if err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(pol.Support.TimeZone)
	if err != nil {
		return nil, fault.Field("support.time_zone", pol.Support.TimeZone, fault.ErrInvalid, "want an IANA zone")
	}
	month, err := availability.Month(year, mon, loc)
	if err != nil {
		return nil, err
	}
	if pol, err = e.PolicyAt(month.Start); err != nil { // the policy in force at the month's start, as Month takes it
		return nil, err
	}
	x := &monthContext{e: e, r: r, data: data, pol: pol, loc: loc, month: month, clock: newClock(loc, month.Start, month.End)}
	p := &monthPage{
		pageHead:  pageHead{Title: fmt.Sprintf("SLA report — %s — %s", r.Customer, month.Start.Format("January 2006")), Zone: loc.String()},
		Customer:  r.Customer,
		MonthName: month.Start.Format("January 2006"),
		Policy:    r.Policy,
		At:        x.clock.at(r.At),
		Partial:   r.Partial,
	}
	statuses, err := x.evaluate()
	if err != nil {
		return nil, err
	}
	p.Cards = x.cards()
	p.Notices = x.notices()
	if a := r.Availability; a != nil {
		p.Budget = newBudgetChart(a, month, x.clock)
		p.BudgetKey = budgetKey(p.Budget)
		p.Days, p.Worst, p.DaysKey = x.dayStrip(a)
		p.Avail = x.availTable(a)
		p.Outages = x.outageRows(a)
	}
	if p.Weeks, err = x.timeline(statuses); err != nil {
		return nil, err
	}
	p.Legend = x.legend.groups()
	p.RTO = x.rtoRows()
	p.RPO = x.rpoView()
	p.Targets = x.targetRows()
	p.Breaches = x.breachRows()
	p.Open = x.openRows(statuses)
	p.OpenCut, p.Cut = r.Tickets.OpenCut, r.Tickets.BreachesCut
	p.Warnings = len(pol.Warnings) > 0
	return p, nil
}

// parseMonth reads "2026-06".
func parseMonth(s string) (int, time.Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return 0, 0, fault.Field("month", s, fault.ErrSyntax, "want YYYY-MM")
	}
	return t.Year(), t.Month(), nil
}

// evaluate returns the status at r.At of every ticket received before the
// month ends and by r.At: those whose targets may fall due in the month.
func (x *monthContext) evaluate() ([]sla.Status, error) {
	var out []sla.Status
	for i, t := range x.data.Tickets {
		if !t.Received.Before(x.month.End) || t.Received.After(x.r.At) {
			continue
		}
		st, err := x.e.Evaluate(t, x.r.At)
		if err != nil {
			return nil, fault.At(fault.Index("tickets", i), err)
		}
		out = append(out, st)
	}
	return out, nil
}

// notices lists what the reader must know before trusting a figure.
func (x *monthContext) notices() []notice {
	var out []notice
	if x.r.Partial {
		out = append(out, notice{Kind: "warning", Text: "The month is not over: figures cover " +
			x.clock.day(x.month.Start) + " to " + x.clock.at(x.r.At).Long + " only."})
	}
	in := x.r.Inputs
	absent := func(what, why string) {
		out = append(out, notice{Kind: "absent", Text: what + ": not supplied. " + why})
	}
	switch {
	case !in.Outages.Supplied && !in.Coverage.Supplied:
		absent("Outages and coverage", "Availability, the error budget and any credit are unknown.")
	case !in.Coverage.Supplied:
		out = append(out, notice{Kind: "absent", Text: "Coverage: not supplied. The outages are taken as the complete record of the month."})
	}
	if !in.Incidents.Supplied {
		absent("Incidents", "The RTO cannot be judged.")
	}
	if !in.Points.Supplied {
		absent("Recovery points", "The RPO cannot be judged.")
	}
	if !in.Tickets.Supplied {
		absent("Tickets", "Ticket targets cannot be judged.")
	}
	for _, ig := range []struct {
		n         int
		one, many string
	}{
		{in.Tickets.Ignored, "ticket", "tickets"},
		{in.Outages.Ignored, "outage", "outages"},
		{in.Incidents.Ignored, "incident", "incidents"},
	} {
		if ig.n > 0 {
			out = append(out, notice{Kind: "absent", Text: fmt.Sprintf("%d %s outside the month %s ignored, as the rules say.",
				ig.n, plural(ig.n, ig.one, ig.many), plural(ig.n, "was", "were"))})
		}
	}
	return out
}

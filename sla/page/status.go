package page

import (
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/civil"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/sla"
)

// StatusDays is the number of days the status page shows.
const StatusDays = 90

// Status writes the public status page of the service as it stands at now:
// its current state (operational, degraded, down or maintenance), the
// availability of each of the last [StatusDays] days, the recent unplanned
// downtime and the maintenance announced ahead.
//
// The days are computed month by month with [sla.Engine.Month] from the
// outages and coverage of data, so a day counts as in the month's report,
// with one difference: without coverage, the outages are the complete record
// only of the months they report on, and a month with neither coverage nor
// any outage has no monitoring data. A day that monitoring did not cover is
// shown as unknown, never as available (I15). Tickets, incidents' RTO and
// recovery points are not read; an incident not restored at now makes the
// service degraded. The page is self-contained like [Month]'s.
func Status(w io.Writer, e *sla.Engine, data sla.MonthData, now time.Time) error {
	p, err := newStatusPage(e, data, now)
	if err != nil {
		return err
	}
	return execute(w, "status", p)
}

type statusPage struct {
	pageHead
	Customer  string
	At        instant
	State     state
	Bars      []statusBar
	BarsDesc  string
	Summary   string
	FirstDay  string
	LastDay   string
	Key       []legendItem
	Incidents []incidentRow
	More      int
	Upcoming  []maintenanceRow
	Window    string
	NextWin   string
}

// state is the service's condition at the page's instant.
type state struct {
	Class string // "operational", "degraded", "down", "maintenance", "unknown"
	Title string // "All systems operational"
	Text  string
	Since instant
}

type statusBar struct {
	X, W  pct
	Class string
	Key   string
	Title string
}

type incidentRow struct {
	ID      string
	Start   instant
	End     instant
	Ongoing bool
	Length  string
	Counted string
}

type maintenanceRow struct {
	ID        string
	Start     instant
	End       instant
	Length    string
	Announced string
	Note      string
	start     time.Time
}

// statusContext is what the builders of a status page share.
type statusContext struct {
	e     *sla.Engine
	data  sla.MonthData
	now   time.Time
	pol   sla.Policy
	loc   *time.Location
	clock clock
	// months holds the availability of each month asked for, by year*12+month.
	months map[int]*availability.Report
}

func newStatusPage(e *sla.Engine, data sla.MonthData, now time.Time) (*statusPage, error) {
	if e == nil {
		return nil, fault.Field("engine", "", fault.ErrMissing, "want the contract's engine")
	}
	if now.IsZero() {
		return nil, fault.Field("now", "", fault.ErrZeroTime, "want the instant the page describes")
	}
	now = now.Round(0)
	pol, err := e.PolicyAt(now)
	if err != nil {
		return nil, err
	}
	loc, err := time.LoadLocation(pol.Support.TimeZone)
	if err != nil {
		return nil, fault.Field("support.time_zone", pol.Support.TimeZone, fault.ErrInvalid, "want an IANA zone")
	}
	// The last day shown is the one of the last instant before now: at
	// midnight, the day that just ended.
	n := now.Add(-time.Nanosecond).In(loc)
	days := localDays(civil.DayStart(n.Year(), n.Month(), n.Day()-(StatusDays-1), loc), now, loc)
	x := &statusContext{e: e, data: data, now: now, pol: pol, loc: loc, clock: newClock(loc, days[0].Start, now)}
	p := &statusPage{
		pageHead: pageHead{Title: "Service status — " + e.Contract().Customer, Zone: loc.String()},
		Customer: e.Contract().Customer,
		At:       x.clock.at(now),
		FirstDay: x.clock.day(days[0].Start),
		LastDay:  x.clock.day(days[len(days)-1].Start),
	}
	stats, objectives, err := x.days(days)
	if err != nil {
		return nil, err
	}
	p.Bars, p.Key, p.Summary = x.bars(stats, objectives)
	p.BarsDesc = "Availability of each of the last " + fmt.Sprint(StatusDays) + " days, oldest first. " + p.Summary
	if p.State, err = x.state(); err != nil {
		return nil, err
	}
	p.Incidents, p.More = x.incidents(days[0].Start)
	p.Upcoming = x.upcoming()
	p.Window, p.NextWin, err = x.window()
	if err != nil {
		return nil, err
	}
	return p, nil
}

// days measures each day with the availability of the month it falls in.
func (x *statusContext) days(days []calendar.Interval) ([]dayStat, []decimal.Decimal, error) {
	stats := make([]dayStat, 0, len(days))
	objectives := make([]decimal.Decimal, 0, len(days))
	for i := 0; i < len(days); {
		t := days[i].Start.In(x.loc)
		j := i
		for j < len(days) && days[j].Start.In(x.loc).Month() == t.Month() {
			j++
		}
		a, err := x.month(t.Year(), t.Month())
		if err != nil {
			return nil, nil, err
		}
		if a != nil {
			stats = append(stats, dayStats(days[i:j], a.Period, a.Evidence)...)
			for range days[i:j] {
				objectives = append(objectives, a.Objective)
			}
		} else { // neither outages nor coverage supplied: nothing is known
			for _, d := range days[i:j] {
				end := d.End
				if end.After(x.now) {
					end = x.now
				}
				stats = append(stats, dayStat{Day: d, Measured: end.Sub(d.Start), Unknown: end.Sub(d.Start)})
				objectives = append(objectives, x.pol.Availability.Decimal())
			}
		}
		i = j
	}
	return stats, objectives, nil
}

// month returns the availability of a month up to now as its month report
// counts it, with one difference: without coverage, the outages are the
// complete record only of the months they report on. A month with neither
// coverage nor any outage has no monitoring data at all (I15): its time is
// unknown, never up. It is nil when neither outages nor coverage were
// supplied. Results are kept: the page asks for the current month twice.
func (x *statusContext) month(year int, m time.Month) (*availability.Report, error) {
	key := year*12 + int(m)
	if a, ok := x.months[key]; ok {
		return a, nil
	}
	data := sla.MonthData{Outages: x.data.Outages, Coverage: x.data.Coverage, Supplied: sla.Supplied{Outages: x.data.Supplied.Outages}}
	if !data.Coverage.IsSupplied() && (len(data.Outages) > 0 || data.Supplied.Outages) && !x.recorded(year, m) {
		data.Coverage = availability.Monitored() // supplied, and empty: nothing was monitored
	}
	r, err := x.e.Month(year, m, data, x.now)
	if err != nil {
		return nil, err
	}
	if x.months == nil {
		x.months = map[int]*availability.Report{}
	}
	x.months[key] = r.Availability
	return r.Availability, nil
}

// recorded reports whether an outage falls in the month, up to now.
func (x *statusContext) recorded(year int, m time.Month) bool {
	month, err := availability.Month(year, m, x.loc)
	if err != nil {
		return false
	}
	if x.now.Before(month.End) {
		month.End = x.now
	}
	for _, o := range x.data.Outages {
		if o.Start.Before(month.End) && o.End.After(month.Start) {
			return true
		}
	}
	return false
}

// bars draws one bar a day.
func (x *statusContext) bars(stats []dayStat, objectives []decimal.Decimal) ([]statusBar, []legendItem, string) {
	var l legend
	obj := objective(x.pol.Availability.Decimal())
	l.describe("day-up", "cell up", "no unplanned downtime")
	l.describe("day-within", "cell within", "unplanned downtime within the "+obj+" objective")
	l.describe("day-below", "cell below", "below the "+obj+" objective")
	l.describe("day-severe", "cell severe", "below "+objective(severeBelow(x.pol.Availability.Decimal()))+": ten times the downtime allowed")
	l.describe("day-unknown", "cell unknown", "unknown: too little monitoring data to judge")
	w := 100.0 / float64(len(stats))
	var out []statusBar
	var committed, down time.Duration
	var known, unknown, below int
	for i, s := range stats {
		lv := levelOf(s, objectives[i])
		b := statusBar{X: pct(float64(i) * w), W: pct(w), Class: lv.class(), Key: l.use("day-" + lv.class())}
		_, b.Title = s.describe(lv, x.clock)
		if lv == levelUnknown {
			unknown++
		}
		if lv == levelBelow || lv == levelSevere {
			below++
		}
		if lv >= levelUp {
			known++
			committed += s.committed()
			down += s.Down
		}
		out = append(out, b)
	}
	summary := fmt.Sprintf("%d days with monitoring data", known)
	if known > 0 && committed > 0 {
		f := decimal.NewFromInt(int64(committed-down)).DivRound(decimal.NewFromInt(int64(committed)), 10)
		summary = percent(f, 3) + " available over the " + summary
	}
	if unknown > 0 {
		summary += fmt.Sprintf("; %d %s without", unknown, plural(unknown, "day", "days"))
	}
	summary += fmt.Sprintf("; %d %s below the objective.", below, plural(below, "day", "days"))
	return out, l.list(), summary
}

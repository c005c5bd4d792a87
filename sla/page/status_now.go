package page

import (
	"slices"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
)

// state says what the service is doing at now: down during an outage (in
// maintenance when it is announced maintenance or inside the window),
// degraded while an incident is open, unknown where monitoring has no data.
func (x *statusContext) state() (state, error) {
	window, err := calendar.New(x.pol.Maintenance)
	if err != nil {
		return state{}, err
	}
	var down, maint *availability.Outage
	for i := range x.data.Outages {
		o := &x.data.Outages[i]
		if o.Start.After(x.now) || !o.End.After(x.now) {
			continue
		}
		switch {
		case o.Cause == availability.Maintenance || window.IsOpen(x.now):
			if maint == nil || o.Start.Before(maint.Start) {
				maint = o
			}
		default:
			if down == nil || o.Start.Before(down.Start) {
				down = o
			}
		}
	}
	switch {
	case down != nil:
		return state{Class: "down", Title: "Service down", Since: x.clock.at(down.Start),
			Text: "Unplanned outage" + idText(down.ID) + " since " + x.clock.at(down.Start).Short + " (" + duration(x.now.Sub(down.Start)) + " so far)."}, nil
	case maint != nil:
		return state{Class: "maintenance", Title: "Maintenance in progress", Since: x.clock.at(maint.Start),
			Text: "Maintenance" + idText(maint.ID) + " since " + x.clock.at(maint.Start).Short + maintEnd(maint, x.clock) + "."}, nil
	}
	for _, in := range x.data.Incidents {
		if !in.Reported.After(x.now) && (in.Restored.IsZero() || in.Restored.After(x.now)) {
			return state{Class: "degraded", Title: "Service degraded", Since: x.clock.at(in.Reported),
				Text: "An incident reported " + x.clock.at(in.Reported).Short + " is being worked on."}, nil
		}
	}
	if x.unmonitored() {
		return state{Class: "unknown", Title: "Status unknown",
			Text: "Monitoring has no data for this moment."}, nil
	}
	return state{Class: "operational", Title: "All systems operational", Text: "No outage or incident in progress."}, nil
}

// unmonitored reports whether the instant just before now is unknown time in
// the current month's report, or the outages were not supplied at all.
func (x *statusContext) unmonitored() bool {
	n := x.now.Add(-time.Nanosecond).In(x.loc)
	a, err := x.month(n.Year(), n.Month())
	if err != nil || a == nil {
		return true
	}
	for _, s := range a.Evidence {
		if !s.Start.After(n) && s.End.After(n) {
			return s.Class == availability.ClassUnknown
		}
	}
	return false
}

func idText(id string) string {
	if id == "" {
		return ""
	}
	return " " + id
}

// incidents lists the downtime that counted against the service since from,
// newest first: outages other than maintenance, and maintenance announced too
// late. At most 20 are listed; more says how many were left out.
func (x *statusContext) incidents(from time.Time) (rows []incidentRow, more int) {
	type item struct {
		row   incidentRow
		start time.Time
	}
	var all []item
	for _, o := range x.data.Outages {
		if !o.End.After(from) || o.Start.After(x.now) {
			continue
		}
		counted := o.Cause.String()
		switch o.Cause {
		case availability.Maintenance:
			if o.Start.Sub(o.AnnouncedAt) >= time.Duration(x.pol.Notice) {
				continue // planned
			}
			counted = "maintenance announced late: unplanned"
		case availability.Exceptional:
			counted = "excluded: " + o.Category.String()
		case availability.SecurityBlock:
			counted = "excluded: security blocking"
		}
		end := o.End
		row := incidentRow{ID: o.ID, Start: x.clock.at(o.Start), Counted: counted}
		if end.After(x.now) {
			row.Ongoing, end = true, x.now
		} else {
			row.End = x.clock.at(o.End)
		}
		row.Length = duration(end.Sub(o.Start))
		all = append(all, item{row, o.Start})
	}
	slices.SortStableFunc(all, func(a, b item) int { return b.start.Compare(a.start) })
	for i, it := range all {
		if i == 20 {
			return rows, len(all) - 20
		}
		rows = append(rows, it.row)
	}
	return rows, 0
}

// upcoming lists the maintenance announced by now that has not started yet.
func (x *statusContext) upcoming() []maintenanceRow {
	var out []maintenanceRow
	for _, o := range x.data.Outages {
		if o.Cause != availability.Maintenance || o.AnnouncedAt.After(x.now) || !o.Start.After(x.now) {
			continue
		}
		row := maintenanceRow{ID: o.ID, Start: x.clock.at(o.Start), End: x.clock.at(o.End), Length: duration(o.End.Sub(o.Start)),
			Announced: x.clock.at(o.AnnouncedAt).Short, start: o.Start}
		if notice := o.Start.Sub(o.AnnouncedAt); notice < time.Duration(x.pol.Notice) {
			row.Note = "announced " + duration(notice) + " ahead, less than the " + duration(time.Duration(x.pol.Notice)) + " notice: counts as unplanned"
		}
		out = append(out, row)
	}
	slices.SortStableFunc(out, func(a, b maintenanceRow) int { return a.start.Compare(b.start) })
	return out
}

// window describes the recurring maintenance window and its next opening.
func (x *statusContext) window() (string, string, error) {
	cal, err := calendar.New(x.pol.Maintenance)
	if err != nil {
		return "", "", err
	}
	desc := describeWeek(x.pol.Maintenance.Hours) + " " + x.pol.Maintenance.TimeZone
	for iv := range cal.Windows(x.now, x.now.AddDate(0, 0, 8)) {
		return desc, x.clock.span(iv.Start, iv.End), nil
	}
	return desc, "", nil
}

// maintEnd is the end an announcement gave, which is known ahead: ", announced
// to end Sat 20 Jun 22:00"; "" for downtime in the window, not announced.
func maintEnd(o *availability.Outage, c clock) string {
	if o.AnnouncedEnd.IsZero() {
		return ""
	}
	return ", announced to end " + c.at(o.AnnouncedEnd).Short
}

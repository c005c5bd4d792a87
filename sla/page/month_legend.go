package page

import (
	"strings"
	"time"
)

// describeLegend writes every legend entry from the policy in force: its real
// calendars, window, notice and objectives.
func (x *monthContext) describeLegend() {
	l := &x.legend
	zone := x.loc.String()
	l.start("Days")
	l.describe("closed-weekend", "shade weekend", "no support hours ("+closedWeekdays(x.pol.Support.Hours)+")")
	hol := "holiday or closed date"
	if len(x.pol.Support.Holidays) > 0 {
		hol += " (public holidays " + strings.Join(x.pol.Support.Holidays, ", ") + ")"
	}
	l.describe("closed-holiday", "shade holiday", hol)
	l.start("Service")
	l.describe("support", "bar", "support hours: "+describeWeek(x.pol.Support.Hours)+" "+zone)
	l.describe("window", "bar", "maintenance "+describeWeek(x.pol.Maintenance.Hours)+" "+x.pol.Maintenance.TimeZone+" (planned)")
	l.describe("planned", "bar", "planned downtime: in the window, or maintenance announced at least "+
		duration(time.Duration(x.pol.Notice))+" ahead")
	l.describe("unplanned", "bar", "unplanned downtime: counts against the "+objective(x.pol.Availability.Decimal())+" objective")
	l.describe("excluded", "bar", "excluded downtime: exceptional circumstances (R4) or security blocking (R12)")
	l.describe("unknown", "bar", "not monitored: up or down, unknown (I15)")
	rto := duration(time.Duration(x.pol.RTO))
	l.start("Recovery")
	l.describe("rto-lag", "bar", "incident started, not yet reported")
	l.describe("rto-met", "bar", "incident reported → restored within the "+rto+" RTO")
	l.describe("rto-missed", "bar", "incident restored after the "+rto+" RTO, or not restored within it")
	l.describe("rto-ongoing", "bar", "incident not restored yet, within the "+rto+" RTO so far")
	rpo := duration(time.Duration(x.pol.RPO))
	l.describe("rpo-gap", "bar", "recovery point gap, first "+rpo+" (the RPO)")
	l.describe("rpo-breach", "bar", "recovery point gap beyond the "+rpo+" RPO")
	l.start("Ticket due times")
	l.describe("due-met", "mark", "target met by its due time")
	l.describe("due-missed", "mark", "target missed")
	l.describe("due-at-risk", "mark", "target at risk: "+objective(x.pol.AtRisk.Decimal())+" of its clock used")
	l.describe("due-pending", "mark", "target pending: clock running")
	l.describe("due-excluded", "mark", "target not counted: excluded, waived or not covered")
}

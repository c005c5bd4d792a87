package availability_test

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
)

func ExampleMonth() {
	paris, _ := time.LoadLocation("Europe/Paris")
	for _, m := range []time.Month{time.March, time.June, time.October} {
		p, _ := availability.Month(2026, m, paris)
		fmt.Println(m, p.Start.Format("2006-01-02 15:04 -07:00"), p.Duration())
	}
	// Output:
	// March 2026-03-01 00:00 +01:00 743h0m0s
	// June 2026-06-01 00:00 +02:00 720h0m0s
	// October 2026-10-01 00:00 +02:00 745h0m0s
}

// Worked example E5: an unplanned outage across the nightly maintenance window.
func ExampleCompute() {
	paris, _ := time.LoadLocation("Europe/Paris")
	w := []string{"01:00-02:00"}
	rules := availability.Rules{
		Window: calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Week{
			Mon: w, Tue: w, Wed: w, Thu: w, Fri: w, Sat: w, Sun: w,
		}}),
		Notice:    48 * time.Hour,
		Objective: decimal.RequireFromString("0.999"),
	}
	june, _ := availability.Month(2026, time.June, paris)
	outages := []availability.Outage{{
		Start: time.Date(2026, 6, 10, 0, 30, 0, 0, paris),
		End:   time.Date(2026, 6, 10, 2, 30, 0, 0, paris),
	}}
	r, err := availability.Compute(june, outages, rules)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("T", r.Total, "P", r.Planned, "U", r.Unplanned)
	fmt.Println("availability", r.Percent(4), "met", r.Met)
	fmt.Println("budget", r.Budget, "left", r.BudgetLeft)
	for _, s := range r.Evidence[9:12] {
		fmt.Println(s.Start.Format("Jan 2 15:04"), "-", s.End.Format("15:04"), s.Class)
	}
	// Output:
	// T 720h0m0s P 30h0m0s U 1h0m0s
	// availability 99.8550 % met false
	// budget 41m24s left -18m36s
	// Jun 10 00:30 - 01:00 unplanned
	// Jun 10 01:00 - 02:00 planned
	// Jun 10 02:00 - 02:30 unplanned
}

// Announced maintenance is planned only with enough notice, in elapsed time:
// across the spring-forward night, Friday 10:00 to Sunday 10:00 is 47 hours.
func ExampleCompute_notice() {
	paris, _ := time.LoadLocation("Europe/Paris")
	march, _ := availability.Month(2026, time.March, paris)
	rules := availability.Rules{Notice: 48 * time.Hour, Objective: decimal.RequireFromString("0.999")}
	work := availability.Outage{
		Cause:        availability.Maintenance,
		Start:        time.Date(2026, 3, 29, 10, 0, 0, 0, paris),
		End:          time.Date(2026, 3, 29, 11, 0, 0, 0, paris),
		AnnouncedAt:  time.Date(2026, 3, 27, 10, 0, 0, 0, paris),
		AnnouncedEnd: time.Date(2026, 3, 29, 11, 0, 0, 0, paris),
	}
	r, _ := availability.Compute(march, []availability.Outage{work}, rules)
	fmt.Println("notice", work.Start.Sub(work.AnnouncedAt), "planned", r.Planned, "unplanned", r.Unplanned)
	// Output:
	// notice 47h0m0s planned 0s unplanned 1h0m0s
}

func ExampleCompute_error() {
	start := time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC)
	june, _ := availability.Month(2026, time.June, time.UTC)
	_, err := availability.Compute(june, []availability.Outage{
		{Start: start, End: start.Add(time.Hour)},
		{Start: start, End: start.Add(-time.Hour)},
	}, availability.Rules{Objective: decimal.RequireFromString("0.999")})
	fmt.Println(err)
	// Output:
	// outages[1].end "2026-06-10T11:00:00Z": end before start: want at or after start "2026-06-10T12:00:00Z"
}

func ExampleReport_Percent() {
	r := availability.Report{Availability: decimal.RequireFromString("0.998951")}
	fmt.Println(r.Percent(2))
	fmt.Println(r.Percent(4))
	// Output:
	// 99.89 %
	// 99.8951 %
}

func ExampleReport_Alerts() {
	june, _ := availability.Month(2026, time.June, time.UTC)
	rules := availability.Rules{Objective: decimal.RequireFromString("0.999")} // budget 43m12s
	start := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	r, _ := availability.Compute(june, []availability.Outage{{Start: start, End: start.Add(20 * time.Minute)}}, rules)

	now := start.Add(20 * time.Minute)
	fmt.Println("spent", r.BudgetAt(now).Spent, "of", r.Budget)
	rate, _ := r.BurnRate(now, time.Hour)
	fmt.Println("burn rate over 1h", rate.Truncate(2))
	alerts, _ := r.Alerts(now, availability.DefaultAlerts())
	for _, a := range alerts {
		fmt.Println(a.Rule.Name, a.Rule.Window, a.Spent)
	}
	// Output:
	// spent 20m0s of 43m12s
	// burn rate over 1h 333.33
	// page 1h0m0s 20m0s
	// page 6h0m0s 20m0s
	// ticket 72h0m0s 20m0s
}

func ExampleFromProbes() {
	at := func(m, s int) time.Time { return time.Date(2026, 6, 10, 9, m, s, 0, time.UTC) }
	hour := calendar.Interval{Start: at(0, 0), End: at(60, 0)}
	probes := []availability.Probe{
		{At: at(0, 0), Up: true},
		{At: at(1, 0), Up: false},
		{At: at(1, 30), Up: true},
		{At: at(2, 0), Up: true},
		{At: at(30, 0), Up: true}, // 28 minutes without news
		{At: at(31, 0), Up: true},
	}
	obs, _ := availability.FromProbes(hour, probes, 5*time.Minute)
	fmt.Println("up", obs.Up, "down", obs.Down, "missing", obs.Missing)
	for _, o := range obs.Outages {
		fmt.Println("outage", o.Start.Format("15:04:05"), "-", o.End.Format("15:04:05"))
	}
	for _, g := range obs.Gaps {
		fmt.Println("gap", g.Start.Format("15:04:05"), "-", g.End.Format("15:04:05"))
	}
	// Output:
	// up 2m30s down 30s missing 57m0s
	// outage 09:01:00 - 09:01:30
	// gap 09:02:00 - 09:30:00
	// gap 09:31:00 - 10:00:00
}

func ExampleOutage_json() {
	var o availability.Outage
	err := json.Unmarshal([]byte(`{"id":"INC-9","start":"2026-06-15T08:00:00+02:00",
		"end":"2026-06-15T12:00:00+02:00","cause":"exceptional","category":"force-majeure"}`), &o)
	fmt.Println(err, o.ID, o.Cause, o.Category, o.End.Sub(o.Start))
	_ = json.NewEncoder(os.Stdout).Encode(o)
	// Output:
	// <nil> INC-9 exceptional force-majeure 4h0m0s
	// {"id":"INC-9","start":"2026-06-15T08:00:00+02:00","end":"2026-06-15T12:00:00+02:00","cause":"exceptional","category":"force-majeure"}
}

// Monitoring saw June except 15 June 10:00-11:00. The hour not seen may have
// been up or down: the availability lies between two bounds, and the verdict
// is unknown because the objective holds at one bound and not at the other.
// With the gap reduced to 40 minutes it would be met either way.
func ExampleComputeCovered() {
	paris, _ := time.LoadLocation("Europe/Paris")
	june, _ := availability.Month(2026, time.June, paris)
	objective, _ := availability.ParseObjective("99.9%")
	rules := availability.Rules{Objective: objective}
	for _, gap := range []time.Duration{time.Hour, 40 * time.Minute} {
		from := time.Date(2026, 6, 15, 10, 0, 0, 0, paris)
		seen := availability.Monitored(
			calendar.Interval{Start: june.Start, End: from},
			calendar.Interval{Start: from.Add(gap), End: june.End},
		)
		r, _ := availability.ComputeCovered(june, nil, seen, rules)
		fmt.Println("unknown", r.Unknown, "between", r.Percent(4), "and", availability.Percent(r.Highest, 4), r.Verdict)
	}
	// With no coverage at all nothing is known.
	r, _ := availability.ComputeCovered(june, nil, availability.Coverage{}, rules)
	fmt.Println("not supplied:", r.Verdict, "met", r.Met)
	// Output:
	// unknown 1h0m0s between 99.8611 % and 100.0000 % unknown
	// unknown 40m0s between 99.9074 % and 100.0000 % met
	// not supplied: unknown met false
}

// Service credits like AWS's: the month's availability decides the tier,
// exactly; at 99.9 % on the dot nothing is owed.
func ExampleCredits_For() {
	var credits availability.Credits
	_ = json.Unmarshal([]byte(`{"tiers":[{"below":"99.9%","credit":"10%"},
		{"below":"99%","credit":"25%"},{"below":"95%","credit":"100%"}],"cap":"100%"}`), &credits)
	if err := credits.Validate(); err != nil {
		fmt.Println(err)
		return
	}
	june, _ := availability.Month(2026, time.June, time.UTC) // 720 h, no window
	objective, _ := availability.ParseObjective("99.9%")
	start := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	for _, down := range []time.Duration{43*time.Minute + 12*time.Second, time.Hour, 8 * time.Hour} {
		r, _ := availability.Compute(june, []availability.Outage{{Start: start, End: start.Add(down)}},
			availability.Rules{Objective: objective})
		fmt.Println(r.Percent(3), r.Verdict, "credit", credits.For(r))
	}
	r, _ := availability.ComputeCovered(june, nil, availability.Coverage{}, availability.Rules{Objective: objective})
	fmt.Println("no data:", r.Verdict, "credit", credits.For(r))
	// Output:
	// 99.900 % met credit 0%
	// 99.861 % missed credit 10%
	// 98.888 % missed credit 25%
	// no data: unknown credit unknown
}

// Request counts per minute: a minute is down when more than 5 % of its
// requests failed, and only in runs of at least two such minutes; a minute
// without requests is unknown.
func ExampleFromSlices() {
	start := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	hour := calendar.Interval{Start: start, End: start.Add(time.Hour)}
	counts := make([]availability.Slice, 60)
	for i := range counts {
		counts[i] = availability.Slice{Good: 1000, Total: 1000}
	}
	counts[5] = availability.Slice{Good: 900, Total: 1000}  // one bad minute alone: up
	counts[20] = availability.Slice{Good: 940, Total: 1000} // 6 % failed
	counts[21] = availability.Slice{Good: 0, Total: 12}     // all failed
	counts[40] = availability.Slice{}                       // no requests
	threshold, _ := availability.ParseRatio("5%")
	obs, _ := availability.FromSlices(hour, start, counts, availability.SliceRule{Length: time.Minute, Threshold: threshold, MinRun: 2})
	fmt.Println("up", obs.Up, "down", obs.Down, "missing", obs.Missing)
	for _, o := range obs.Outages {
		fmt.Println("outage", o.Start.Format("15:04"), "-", o.End.Format("15:04"))
	}
	objective, _ := availability.ParseObjective("99%")
	r, _ := availability.ComputeCovered(hour, obs.Outages, obs.Coverage(), availability.Rules{Objective: objective})
	fmt.Println(r.Percent(2), "to", availability.Percent(r.Highest, 2), r.Verdict)
	// Output:
	// up 57m0s down 2m0s missing 1m0s
	// outage 09:20 - 09:22
	// 95.00 % to 96.66 % missed
}

func ExampleParseObjective() {
	obj, err := availability.ParseObjective("99.95%")
	fmt.Println(obj, err)
	_, err = availability.ParseObjective("99.95")
	fmt.Println(err)
	// Output:
	// 0.9995 <nil>
	// "99.95": invalid syntax: want a percentage such as "99.9%"
}

package page

import (
	"slices"

	"github.com/slakit/slakit/availability"
)

// dayCell is one day of the per-day strip.
type dayCell struct {
	Day   string // "10"
	Date  string // "Wed 10 Jun"
	Class string // the level's class
	Value string // "99.58 %"; "" on days without unplanned downtime
	Aria  string
	Key   string
}

// dayStrip rates each day of the month, and picks the worst three.
func (x *monthContext) dayStrip(a *availability.Report) (cells, worst []dayCell, key []legendItem) {
	days := localDays(x.month.Start, x.month.End, x.loc)
	stats := dayStats(days, a.Period, a.Evidence)
	var l legend
	obj := objective(a.Objective)
	l.describe("day-up", "cell up", "no unplanned downtime")
	l.describe("day-within", "cell within", "unplanned downtime within the "+obj+" objective")
	l.describe("day-below", "cell below", "below the "+obj+" objective")
	l.describe("day-severe", "cell severe", "below "+objective(severeBelow(a.Objective))+": ten times the downtime allowed")
	l.describe("day-unknown", "cell unknown", "unknown: too little monitoring data to judge")
	l.describe("day-none", "cell none", "not measured yet")
	type ranked struct {
		cell dayCell
		s    dayStat
	}
	var down []ranked
	for _, s := range stats {
		lv := levelOf(s, a.Objective)
		c := dayCell{Day: s.Day.Start.In(x.loc).Format("2"), Class: lv.class(), Key: l.use("day-" + lv.class())}
		c.Value, c.Aria = s.describe(lv, x.clock)
		if lv >= levelWithin {
			c.Date = x.clock.day(s.Day.Start)
			down = append(down, ranked{c, s})
		}
		cells = append(cells, c)
	}
	slices.SortStableFunc(down, func(a, b ranked) int { return a.s.fraction().Cmp(b.s.fraction()) })
	for i := 0; i < len(down) && i < 3; i++ {
		c := down[i].cell
		c.Value = percent(down[i].s.fraction(), 2)
		worst = append(worst, c)
	}
	return cells, worst, l.list()
}

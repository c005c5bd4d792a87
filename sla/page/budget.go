package page

import (
	"fmt"
	"strings"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
)

// budgetChart is the error budget across the month: what is left of the
// unplanned-downtime budget at each instant, from the whole budget at the
// start down to what is left at the report's instant.
//
// The curve is drawn in a nested SVG whose viewBox (0–1000 × 0–plotH) is
// stretched to the chart's width, with strokes that do not scale; its labels
// are placed in the outer SVG in percent, so they keep their size.
type budgetChart struct {
	Desc       string
	Points     string  // polyline in the viewBox
	Worst      string  // the same with the unknown time counted as spent; "" without unknown time
	Area       string  // the same, closed along the zero line
	Pace       string  // the even pace: the budget spread evenly over the month
	ZeroY      float64 // the zero line in the viewBox
	AboveClipH float64 // height of the clip above the zero line
	PlotH      int
	Top        int // pixel top of the plot in the outer SVG
	Bottom     int
	Height     int
	TickY      int
	OutY       int
	TopLabel   string
	TopLabelY  int
	ZeroLabel  string
	ZeroLabelY int
	LowLabel   string
	LowY       int
	Ticks      []budgetTick
	RanOut     *budgetEvent
	MayRunOut  *budgetEvent // when only the unknown time can have spent it
	Now        *budgetEvent // the report's instant when the month is partial
}

type budgetTick struct {
	X      pct
	Label  string
	Anchor string
	Dx     int
}

type budgetEvent struct {
	X      pct
	Label  string
	Anchor string
	At     instant
}

const budgetPlotH = 140

// ranOut returns the instant at which spent unplanned downtime first exceeds
// budget, and false when it never does by the end of the evidence. With
// unknown, unknown time counts as spent too: the worst case (I15).
func ranOut(ev []availability.Segment, budget time.Duration, unknown bool) (time.Time, bool) {
	var spent time.Duration
	for _, s := range ev {
		if !spends(s.Class, unknown) {
			continue
		}
		d := s.End.Sub(s.Start)
		if spent+d > budget {
			return s.Start.Add(budget - spent), true
		}
		spent += d
	}
	return time.Time{}, false
}

// spends reports whether time of class c spends the budget.
func spends(c availability.Class, unknown bool) bool {
	return c == availability.ClassUnplanned || unknown && c == availability.ClassUnknown
}

func newBudgetChart(a *availability.Report, month calendar.Interval, c clock) *budgetChart {
	const w = 1000.0
	span := float64(month.End.Sub(month.Start))
	xv := func(t time.Time) float64 { return float64(t.Sub(month.Start)) / span * w }
	// The vertical scale runs from the whole budget down to the lowest point,
	// and always includes zero, the line below which the objective is missed.
	// The worst case (unknown time counted as spent) may lie far below: it is
	// drawn down to one more budget under the certain line, and clamped there.
	certain := a.Budget - a.Unplanned
	low := min(certain, 0)
	floor := low - max(a.Budget, time.Minute)
	clamped := a.BudgetLeft < floor
	low = min(low, max(a.BudgetLeft, floor))
	high := max(a.Budget, 0)
	if high == low {
		high = low + time.Minute
	}
	yv := func(d time.Duration) float64 {
		return float64(high-max(d, low)) / float64(high-low) * budgetPlotH
	}
	ch := &budgetChart{PlotH: budgetPlotH, Top: 22, ZeroY: yv(0)}
	ch.Bottom = ch.Top + budgetPlotH
	ch.Height = ch.Bottom + 22
	ch.TickY = ch.Bottom + 15
	ch.OutY = ch.Top + 12
	ch.TopLabelY = ch.Top - 7
	ch.ZeroLabelY = ch.Top + int(ch.ZeroY) - 5
	if ch.ZeroLabelY-ch.TopLabelY < 14 { // too close to the top label: write it under the line
		ch.ZeroLabelY = ch.Top + int(ch.ZeroY) + 13
	}
	ch.AboveClipH = ch.ZeroY + 10

	line := func(unknown bool) string {
		var pts []string
		add := func(t time.Time, left time.Duration) {
			pts = append(pts, fmt.Sprintf("%.1f,%.2f", xv(t), yv(left)))
		}
		left := a.Budget
		add(a.Period.Start, left)
		for _, s := range a.Evidence {
			if spends(s.Class, unknown) {
				add(s.Start, left)
				left -= s.End.Sub(s.Start)
				add(s.End, left)
			}
		}
		add(a.Period.End, left)
		return strings.Join(pts, " ")
	}
	ch.Points = line(false)
	if a.Unknown > 0 {
		ch.Worst = line(true)
	}
	ch.Area = fmt.Sprintf("%s %.1f,%.2f %.1f,%.2f", ch.Points, xv(a.Period.End), ch.ZeroY, xv(a.Period.Start), ch.ZeroY)
	// The budget is that of the period measured: a month not over has the
	// budget of its part so far, spent evenly by the report's instant.
	ch.Pace = fmt.Sprintf("%.1f,%.2f %.1f,%.2f", xv(a.Period.Start), yv(a.Budget), xv(a.Period.End), ch.ZeroY)

	ch.TopLabel = "budget " + duration(a.Budget)
	ch.ZeroLabel = "0 left: objective " + objective(a.Objective)
	switch {
	case clamped:
		ch.LowLabel = "at worst " + duration(a.BudgetLeft) + ", below the chart"
		ch.LowY = ch.Bottom - 5
	case low < 0:
		ch.LowLabel = duration(low) + " (overspent)"
		ch.LowY = ch.Bottom - 5
	}
	for _, d := range localDays(month.Start, month.End, c.loc) {
		if t := d.Start.In(c.loc); t.Day() == 1 || t.Weekday() == time.Monday {
			tk := budgetTick{X: pct(xv(d.Start) / w * 100), Label: c.day(d.Start), Anchor: "start", Dx: 3}
			if tk.X > 85 { // keep the label inside the chart
				tk.Anchor, tk.Dx = "end", -3
			}
			ch.Ticks = append(ch.Ticks, tk)
		}
	}
	if t, ok := ranOut(a.Evidence, a.Budget, false); ok {
		ch.RanOut = event(pct(xv(t)/w*100), "ran out "+c.at(t).Short, c.at(t))
	} else if t, ok := ranOut(a.Evidence, a.Budget, true); ok {
		ch.MayRunOut = event(pct(xv(t)/w*100), "may have run out "+c.at(t).Short, c.at(t))
	}
	if a.Period.End.Before(month.End) {
		ch.Now = event(pct(xv(a.Period.End)/w*100), "now", c.at(a.Period.End))
	}
	ch.Desc = budgetDesc(a, ch, c)
	return ch
}

func event(x pct, label string, at instant) *budgetEvent {
	anchor := "start"
	if x > 60 {
		anchor = "end"
	}
	return &budgetEvent{X: x, Label: label, Anchor: anchor, At: at}
}

func budgetDesc(a *availability.Report, ch *budgetChart, c clock) string {
	s := fmt.Sprintf("The month's budget of unplanned downtime is %s. %s was spent; %s.",
		duration(a.Budget), duration(a.Unplanned), leftText(a.Budget-a.Unplanned))
	if a.Unknown > 0 {
		s += fmt.Sprintf(" %s was not monitored; counted as down, it leaves %s.", duration(a.Unknown), leftText(a.BudgetLeft))
	}
	if ch.RanOut != nil {
		s += " It ran out " + ch.RanOut.At.Long + "."
	}
	if ch.MayRunOut != nil {
		s += " It may have run out " + ch.MayRunOut.At.Long + ", if the unmonitored time was down."
	}
	return s
}

func leftText(left time.Duration) string {
	if left < 0 {
		return "overspent by " + duration(-left)
	}
	return duration(left) + " left"
}

// budgetKey explains the lines of the budget chart.
func budgetKey(ch *budgetChart) []legendItem {
	var l legend
	l.describe("budget-left", "line left", "budget left")
	l.describe("budget-pace", "line pace", "even pace: the budget spent evenly over the month")
	l.describe("budget-zero", "line zero", "objective line: below it the objective is missed")
	l.describe("budget-worst", "line worst", "budget left if the unmonitored time was down")
	l.describe("budget-out", "line out", "the moment the budget ran out")
	l.describe("budget-may", "line out", "the moment it ran out if the unmonitored time was down")
	l.describe("budget-now", "line now", "the report's instant")
	l.use("budget-left")
	l.use("budget-pace")
	l.use("budget-zero")
	if ch.Worst != "" {
		l.use("budget-worst")
	}
	if ch.RanOut != nil {
		l.use("budget-out")
	}
	if ch.MayRunOut != nil {
		l.use("budget-may")
	}
	if ch.Now != nil {
		l.use("budget-now")
	}
	return l.list()
}

package page

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/civil"
)

// The timeline draws the month as one row per week, Monday to Sunday, so that
// a day keeps a readable width on a phone. Horizontal positions are
// percentages of the row and vertical ones pixels: the SVG stretches to any
// width without a viewBox, so text and marks keep their size and shape.

// pct is a horizontal position or width in percent of a week row.
type pct float64

// String prints the SVG length: "42.857%".
func (p pct) String() string { return fmt.Sprintf("%.3f%%", float64(p)) }

// lane is one horizontal band of every week row.
type lane struct {
	Name   string // shown at the left of the row
	Y, H   int    // top and height in pixels
	Center int    // baseline of its label
}

// The lanes of a week row, top to bottom: then one lane per kind of ticket
// target, from laneTargets on.
const (
	laneSupport = iota
	laneWindow
	laneDown
	laneRTO
	laneRPO
	laneTargets
)

const (
	headerH   = 22 // day names
	markRowH  = 13 // one sub-row of ticket marks
	laneGap   = 5
	markSpace = 2.2 // least distance between two marks of one sub-row, in percent
	maxRows   = 4   // sub-rows of marks per target lane; more marks overlap in the last
)

// layout computes the lanes of every row: the fixed ones, then one per name
// of targets, rows[i] being the number of sub-rows that target lane needs.
func layout(targets []string, rows []int) ([]lane, int) {
	names := append([]string{"support", "maintenance", "downtime", "RTO", "RPO"}, targets...)
	heights := []int{12, 12, 16, 12, 12}
	for i := range targets {
		heights = append(heights, max(rows[i], 1)*markRowH)
	}
	lanes := make([]lane, len(names))
	y := headerH + 4
	for i := range lanes {
		lanes[i] = lane{Name: names[i], Y: y, H: heights[i], Center: y + heights[i]/2 + 4}
		y += heights[i] + laneGap
	}
	return lanes, y
}

// span is something that lasts: an outage, an incident, a window.
type span struct {
	Start, End time.Time
	Lane       int
	Key        string // legend entry
	Title      string
	Label      string // visible text after the bar; "" for none
	Thin       bool   // drawn at its real width only (recurring windows); others get a minimum width
}

// dot is something that happens at an instant: a due time.
type dot struct {
	At    time.Time
	Lane  int
	Key   string
	Title string
	row   int // sub-row, set by pack
}

// weekRow is one row of the timeline as the template draws it.
type weekRow struct {
	Title  string // "Week of Mon 1 Jun"
	Desc   string
	Days   []dayCol
	Lanes  []lane
	Height int
	Bars   []bar
	Dots   []dotMark
	Labels []textMark
}

type dayCol struct {
	X, W    pct
	Weekday string // "Mon"
	Letter  string // "M", for narrow screens
	Day     string // "1"
	Note    string // "holiday"
	Class   string // "open", "weekend", "holiday", "outside"
	Key     string // legend entry of the shading, "" for none
	Height  int
}

type bar struct {
	X, W   pct
	Mid    pct // centre, for the minimum-width stroke
	Y, H   int
	Key    string
	Title  string
	MinW   bool
	Bottom int
}

type dotMark struct {
	X     pct
	Y     int
	Key   string
	Title string
}

type textMark struct {
	X      pct
	Y      int
	Text   string
	Anchor string
}

// weekGrid is the weeks (Monday first) that cover a month, each seven local days.
type weekGrid struct {
	month calendar.Interval
	weeks [][7]calendar.Interval
}

func newWeekGrid(month calendar.Interval, loc *time.Location) weekGrid {
	first := month.Start.In(loc)
	back := (int(first.Weekday()) + 6) % 7 // days since Monday
	y, m, d := first.Date()
	days := localDays(civil.DayStart(y, m, d-back, loc), month.End, loc)
	for len(days)%7 != 0 {
		last := days[len(days)-1].End
		ly, lm, ld := last.Date()
		days = append(days, calendar.Interval{Start: last, End: civil.DayStart(ly, lm, ld+1, loc)})
	}
	g := weekGrid{month: month}
	for i := 0; i < len(days); i += 7 {
		g.weeks = append(g.weeks, [7]calendar.Interval(days[i:i+7]))
	}
	return g
}

// x is the position of t in week w, t inside it.
func (g weekGrid) x(w int, t time.Time) pct {
	days := g.weeks[w]
	k, _ := slices.BinarySearchFunc(days[:], t, func(d calendar.Interval, t time.Time) int {
		if !d.End.After(t) {
			return -1
		}
		if d.Start.After(t) {
			return 1
		}
		return 0
	})
	if k == 7 {
		return 100
	}
	d := days[k]
	f := float64(t.Sub(d.Start)) / float64(d.End.Sub(d.Start))
	return pct((float64(k) + f) / 7 * 100)
}

func (g weekGrid) week(w int) calendar.Interval {
	return calendar.Interval{Start: g.weeks[w][0].Start, End: g.weeks[w][6].End}
}

// pack gives each dot of a lane a sub-row, so that marks close in time do not
// hide one another: the first sub-row where the last mark is far enough,
// measured in the position the dot has in its week.
func pack(g weekGrid, dots []dot, lanes int) []int {
	slices.SortStableFunc(dots, func(a, b dot) int { return cmp.Or(cmp.Compare(a.Lane, b.Lane), a.At.Compare(b.At)) })
	rows := make([]int, lanes)
	type key struct{ week, lane int }
	last := map[key][]pct{}
	for i := range dots {
		d := &dots[i]
		w := g.weekOf(d.At)
		x := g.x(w, d.At)
		ends := last[key{w, d.Lane}]
		r := 0
		for r < len(ends) && x-ends[r] < markSpace && r < maxRows-1 {
			r++
		}
		if r == len(ends) {
			ends = append(ends, x)
		} else {
			ends[r] = x
		}
		last[key{w, d.Lane}] = ends
		d.row = r
		rows[d.Lane-laneTargets] = max(rows[d.Lane-laneTargets], r+1)
	}
	return rows
}

func (g weekGrid) weekOf(t time.Time) int {
	for w := range g.weeks {
		if t.Before(g.weeks[w][6].End) {
			return w
		}
	}
	return len(g.weeks) - 1
}

// draw places spans and dots in the week rows.
func (g weekGrid) draw(c clock, shade func(calendar.Interval) (class, note, key string), spans []span, dots []dot, targets []string, rows []int) []weekRow {
	lanes, height := layout(targets, rows)
	out := make([]weekRow, len(g.weeks))
	for w := range g.weeks {
		row := &out[w]
		row.Lanes, row.Height = lanes, height
		row.Title = "Week of " + c.day(g.weeks[w][0].Start)
		for k, d := range g.weeks[w] {
			t := d.Start.In(c.loc)
			col := dayCol{X: pct(float64(k) / 7 * 100), W: pct(100.0 / 7), Height: height - headerH,
				Weekday: t.Format("Mon"), Letter: t.Format("Mon")[:1], Day: t.Format("2")}
			if _, in := d.Intersect(g.month); !in {
				col.Class = "outside"
			} else {
				col.Class, col.Note, col.Key = shade(d)
			}
			row.Days = append(row.Days, col)
		}
		iv := g.week(w)
		for _, s := range spans {
			part, ok := calendar.Interval{Start: s.Start, End: s.End}.Intersect(iv)
			if !ok && !(s.Start.Equal(s.End) && iv.Contains(s.Start)) {
				continue
			}
			if !ok {
				part = calendar.Interval{Start: s.Start, End: s.End}
			}
			x0, x1 := g.x(w, part.Start), g.x(w, part.End)
			if part.End.Equal(iv.End) {
				x1 = 100
			}
			l := lanes[s.Lane]
			if s.Key != "" {
				y, h := l.Y, l.H
				if s.Thin { // recurring windows are context: lighter than downtime
					y, h = y+3, h-6
				}
				row.Bars = append(row.Bars, bar{X: x0, W: x1 - x0, Mid: (x0 + x1) / 2, Y: y, H: h, Bottom: y + h,
					Key: s.Key, Title: s.Title, MinW: !s.Thin})
			}
			if s.Label != "" && s.End.Equal(part.End) {
				anchor, x := "start", x1+0.4
				if x1 > 88 {
					anchor, x = "end", x0-0.4
				}
				row.Labels = append(row.Labels, textMark{X: x, Y: l.Y + l.H - 3, Text: s.Label, Anchor: anchor})
			}
		}
		for _, d := range dots {
			if !iv.Contains(d.At) {
				continue
			}
			l := lanes[d.Lane]
			row.Dots = append(row.Dots, dotMark{X: g.x(w, d.At), Y: l.Y + d.row*markRowH + markRowH/2, Key: d.Key, Title: d.Title})
		}
	}
	return out
}

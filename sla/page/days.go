package page

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/civil"
)

// localDays returns the local days of loc that meet [from, to), each the whole
// day [00:00, next 00:00); where a zone skips midnight the day starts at the
// first instant that exists.
func localDays(from, to time.Time, loc *time.Location) []calendar.Interval {
	var out []calendar.Interval
	f := from.In(loc)
	y, m, d := f.Date()
	start := civil.DayStart(y, m, d, loc)
	for start.Before(to) {
		d++
		next := civil.DayStart(y, m, d, loc)
		out = append(out, calendar.Interval{Start: start, End: next})
		start = next
	}
	return out
}

// dayStat is how the time of one local day counted.
type dayStat struct {
	Day      calendar.Interval
	Measured time.Duration // the part of the day inside the computed period
	Planned  time.Duration
	Excluded time.Duration
	Down     time.Duration // unplanned
	Unknown  time.Duration // not monitored (I15)
}

// committed is the day's measured time outside planned downtime: the
// denominator of the formula.
func (s dayStat) committed() time.Duration { return s.Measured - s.Planned }

// fraction is the day's availability (committed − U) / committed, 1 when
// nothing is committed (I10).
func (s dayStat) fraction() decimal.Decimal {
	c := s.committed()
	if c <= 0 {
		return decimal.NewFromInt(1)
	}
	return decimal.NewFromInt(int64(c-s.Down)).DivRound(decimal.NewFromInt(int64(c)), 10)
}

// dayStats measures each day over the evidence of a report whose period is
// measured; days and evidence are in time order.
func dayStats(days []calendar.Interval, measured calendar.Interval, ev []availability.Segment) []dayStat {
	out := make([]dayStat, len(days))
	i := 0
	for k, day := range days {
		s := dayStat{Day: day}
		m, ok := day.Intersect(measured)
		if ok {
			s.Measured = m.Duration()
			for i < len(ev) && !ev[i].End.After(m.Start) {
				i++
			}
			for j := i; j < len(ev) && ev[j].Start.Before(m.End); j++ {
				part, ok := ev[j].Interval().Intersect(m)
				if !ok {
					continue
				}
				switch ev[j].Class {
				case availability.ClassPlanned:
					s.Planned += part.Duration()
				case availability.ClassExcluded:
					s.Excluded += part.Duration()
				case availability.ClassUnplanned:
					s.Down += part.Duration()
				case availability.ClassUnknown:
					s.Unknown += part.Duration()
				}
			}
		}
		out[k] = s
	}
	return out
}

// level is how a day's availability compares with the objective; the page
// colours days by it.
type level uint8

const (
	levelNone    level = iota // not measured: outside the period, or after now
	levelUnknown              // measured, but not monitored
	levelUp                   // no unplanned downtime
	levelWithin               // unplanned downtime within the objective
	levelBelow                // below the objective
	levelSevere               // unplanned downtime more than ten times what the objective allows
)

var levelClass = [...]string{"none", "unknown", "up", "within", "below", "severe"}

func (l level) class() string { return levelClass[l] }

// levelOf rates a day against objective with the three-valued logic of
// I15: a day is below the objective when its unplanned downtime alone
// breaks it, within when it holds even with the unmonitored time counted as
// down, and unknown otherwise, or when nothing of it was monitored.
func levelOf(s dayStat, objective decimal.Decimal) level {
	if s.Measured <= 0 {
		return levelNone
	}
	if s.Unknown > 0 && s.Unknown >= s.committed() {
		return levelUnknown
	}
	allowed := decimal.NewFromInt(1).Sub(objective).Mul(decimal.NewFromInt(int64(s.committed())))
	down := decimal.NewFromInt(int64(s.Down))
	switch {
	case down.GreaterThan(allowed.Mul(decimal.NewFromInt(10))):
		return levelSevere
	case down.GreaterThan(allowed):
		return levelBelow
	case down.Add(decimal.NewFromInt(int64(s.Unknown))).GreaterThan(allowed):
		return levelUnknown
	case s.Down == 0 && s.Unknown == 0:
		return levelUp
	}
	return levelWithin
}

// severeBelow is the availability under which a day counts as severe: ten
// times the downtime the objective allows (99 % for 99.9 %).
func severeBelow(objective decimal.Decimal) decimal.Decimal {
	return decimal.NewFromInt(1).Sub(decimal.NewFromInt(1).Sub(objective).Mul(decimal.NewFromInt(10)))
}

// lowest is the day's availability with its unmonitored time counted as down.
func (s dayStat) lowest() decimal.Decimal {
	c := s.committed()
	if c <= 0 {
		return decimal.NewFromInt(1)
	}
	return decimal.NewFromInt(int64(max(c-s.Down-s.Unknown, 0))).DivRound(decimal.NewFromInt(int64(c)), 10)
}

// describe says what a day saw: the figure shown in its cell ("99.58",
// "≥ 99.93", "?") and the sentence for its label.
func (s dayStat) describe(lv level, c clock) (figure, sentence string) {
	date := c.day(s.Day.Start)
	high := percent(s.fraction(), 2)
	switch {
	case lv == levelNone:
		return "", date + ": not measured yet"
	case lv == levelUnknown:
		if s.Unknown >= s.committed() {
			return "?", date + ": no monitoring data"
		}
		return "?", date + ": unknown, between " + percent(s.lowest(), 2) + " and " + high + " (" + duration(s.Unknown) + " without monitoring data)"
	case lv == levelUp:
		return "", date + ": 100" + pctSign + ", no unplanned downtime"
	case s.Unknown == 0:
		return strings.TrimSuffix(high, pctSign), date + ": " + high + ", " + duration(s.Down) + " unplanned downtime"
	case lv == levelWithin:
		low := percent(s.lowest(), 2)
		return "≥" + strings.TrimSuffix(low, pctSign), date + ": at least " + low + ", " + duration(s.Down) + " unplanned downtime and " + duration(s.Unknown) + " without monitoring data"
	}
	return "≤" + strings.TrimSuffix(high, pctSign), date + ": at most " + high + ", " + duration(s.Down) + " unplanned downtime and " + duration(s.Unknown) + " without monitoring data"
}

package page

import (
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/internal/dur"
)

// instant is a time as the page shows it: in the customer's zone, with the
// machine-readable form for the <time> element.
type instant struct {
	ISO   string // RFC 3339, for the datetime attribute
	Short string // "Wed 10 Jun 00:41", with the zone abbreviation where the page needs it
	Long  string // "Wed 10 June 2026, 00:41 CEST"
}

// clock formats instants of one page in one zone. withZone adds the zone
// abbreviation to short forms, for pages whose span crosses a change of offset
// (where a bare 01:30 could be read two ways).
type clock struct {
	loc      *time.Location
	withZone bool
}

func newClock(loc *time.Location, from, to time.Time) clock {
	_, a := from.In(loc).Zone()
	_, b := to.In(loc).Zone()
	return clock{loc: loc, withZone: a != b}
}

func (c clock) at(t time.Time) instant {
	if t.IsZero() {
		return instant{}
	}
	t = t.In(c.loc)
	short := t.Format("Mon 2 Jan 15:04")
	if c.withZone {
		short = t.Format("Mon 2 Jan 15:04 MST")
	}
	return instant{ISO: t.Format(time.RFC3339), Short: short, Long: t.Format("Mon 2 January 2006, 15:04 MST")}
}

// day is the short form of a local date: "Wed 10 Jun".
func (c clock) day(t time.Time) string { return t.In(c.loc).Format("Mon 2 Jan") }

// span is [a, b) in few words: "Wed 10 Jun 00:30–02:30" within a day (an
// end at midnight is "24:00" of that day), "Wed 24 Jun 09:00 → Thu 25 Jun
// 10:30" across days.
func (c clock) span(a, b time.Time) string {
	a, b = a.In(c.loc), b.In(c.loc)
	last := b
	if b.After(a) {
		last = b.Add(-time.Nanosecond)
	}
	if ay, am, ad := a.Date(); ay != last.Year() || am != last.Month() || ad != last.Day() {
		return c.at(a).Short + " → " + c.at(b).Short
	}
	to := b.Format("15:04")
	if to == "00:00" && b.After(a) {
		to = "24:00"
	}
	if c.withZone {
		to += b.Format(" MST")
	}
	return c.at(a).Short + "–" + to
}

// duration is the one text form of a duration, with a true minus sign.
func duration(d time.Duration) string {
	s := dur.Format(d)
	if d < 0 {
		s = "−" + s[1:]
	}
	return s
}

// percent prints a fraction as a percentage truncated to places decimals, never
// rounded up: 0.99899 is "99.89 %" at two places, not a compliant-looking 99.90.
func percent(f decimal.Decimal, places int32) string {
	return f.Shift(2).Truncate(places).StringFixed(places) + pctSign
}

// pctSign keeps a percentage on one line: "99.85 %" never wraps before "%".
const pctSign = "\u00a0%"

// objective prints an objective exactly as the policy states it: "99.9 %".
func objective(f decimal.Decimal) string { return f.Shift(2).String() + pctSign }

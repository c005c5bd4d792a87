package availability

import (
	"strconv"
	"time"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Outage is one stretch of downtime [Start, End) and its cause. Outages may
// overlap one another and the maintenance window: [Compute] counts every
// instant once, with the precedence planned > excluded > unplanned.
//
// Its JSON form, with the zero fields left out:
//
//	{"id":"CHG-42","start":"2026-06-14T10:00:00+02:00","end":"2026-06-14T12:00:00+02:00",
//	 "cause":"maintenance","announced_at":"2026-06-11T23:00:00+02:00",
//	 "announced_end":"2026-06-14T12:00:00+02:00"}
type Outage struct {
	// ID is an optional reference, such as an incident or change number.
	ID string `json:"id,omitempty"`

	// Start and End bound the downtime. Both are required; End may equal Start.
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`

	// Cause says how the downtime counts; the zero value is [Unplanned].
	Cause Cause `json:"cause"`

	// Category is the R4 circumstance; required when Cause is [Exceptional] and
	// refused otherwise.
	Category Category `json:"category,omitzero"`

	// AnnouncedAt is when the customer was told of a [Maintenance], and
	// AnnouncedEnd the end the announcement gave. Both are required for
	// Maintenance and refused otherwise; AnnouncedAt must not be after Start,
	// AnnouncedEnd not before it. Start is taken as the announced start: work
	// that began earlier than announced is a separate, [Unplanned] outage.
	AnnouncedAt  time.Time `json:"announced_at,omitzero"`
	AnnouncedEnd time.Time `json:"announced_end,omitzero"`
}

// MarshalJSON writes the form shown on [Outage]. Times are RFC 3339 in their
// own zone, except that an offset with seconds (local mean time before about
// 1900), which RFC 3339 cannot express, is written in UTC instead of rounded.
func (o Outage) MarshalJSON() ([]byte, error) {
	type plain Outage
	p := plain(o)
	p.Start, p.End = rfc3339(o.Start), rfc3339(o.End)
	p.AnnouncedAt, p.AnnouncedEnd = rfc3339(o.AnnouncedAt), rfc3339(o.AnnouncedEnd)
	return jsonx.Marshal(p)
}

// rfc3339 returns t in UTC when its offset is not whole minutes, so that the
// JSON form keeps the instant.
func rfc3339(t time.Time) time.Time {
	if _, off := t.Zone(); off%60 != 0 {
		return t.UTC()
	}
	return t
}

// UnmarshalJSON decodes an Outage strictly: an unknown key ("announced" for
// "announced_at"), a key written twice, a malformed time, cause or category
// is an error naming its path. It checks the syntax only; [Outage.Validate]
// and [Compute] check the values.
func (o *Outage) UnmarshalJSON(data []byte) error {
	type plain Outage
	var p plain
	if err := jsonx.Decode(data, &p); err != nil {
		return err
	}
	*o = Outage(p)
	return nil
}

// Validate reports every bad value of o at once (joined), each a
// [*FieldError] whose path is the field ("end", "announced_at"): a missing
// time, End before Start, an unknown cause or category, an announcement
// after the start or an announced end before it, or a field set that o's
// cause does not use.
func (o Outage) Validate() error {
	var p problems
	o.check(-1, &p)
	return p.err()
}

const (
	causeList    = `"unplanned", "maintenance", "exceptional", "security-block"`
	categoryList = `"customer-infrastructure", "third-party-software", "external-connectivity", "misuse", "malicious-attack", "force-majeure", "beyond-control"`
)

// check adds o's problems to p, under "outages[i]" when i ≥ 0. Times are
// compared by wall clock, as Compute uses them, even when they carry
// monotonic readings. The path is built only for a problem: a million valid
// outages cost no allocation.
func (o Outage) check(i int, p *problems) {
	at := func(f string) string {
		if i < 0 {
			return f
		}
		return fault.Join(fault.Index("outages", i), f)
	}
	o.Start, o.End = o.Start.Round(0), o.End.Round(0)
	o.AnnouncedAt, o.AnnouncedEnd = o.AnnouncedAt.Round(0), o.AnnouncedEnd.Round(0)
	missing := func(f string, t time.Time, what string) bool {
		if t.IsZero() {
			p.add(fault.Field(at(f), "", ErrMissing, what))
		}
		return t.IsZero()
	}
	startOK := !missing("start", o.Start, "want an RFC 3339 time")
	if !missing("end", o.End, "want an RFC 3339 time") && startOK && o.End.Before(o.Start) {
		p.add(fault.Field(at("end"), timeText(o.End), ErrReversed, "want at or after start "+strconv.Quote(timeText(o.Start))))
	}
	if !o.Cause.IsValid() {
		p.add(fault.Field(at("cause"), itoa(int(o.Cause)), ErrCause, "want one of "+causeList))
	}
	switch {
	case o.Category != NoCategory && !o.Category.IsValid():
		p.add(fault.Field(at("category"), itoa(int(o.Category)), ErrCategory, "want one of "+categoryList))
	case o.Cause == Exceptional && o.Category == NoCategory:
		p.add(fault.Field(at("category"), "", ErrCategory, "want the R4 circumstance of an exceptional outage, one of "+categoryList))
	case o.Cause != Exceptional && o.Category != NoCategory:
		p.add(fault.Field(at("category"), o.Category.String(), ErrNotApplicable, "want none unless the cause is \"exceptional\""))
	}
	if o.Cause != Maintenance {
		for _, f := range []struct {
			name string
			t    time.Time
		}{{"announced_at", o.AnnouncedAt}, {"announced_end", o.AnnouncedEnd}} {
			if !f.t.IsZero() {
				p.add(fault.Field(at(f.name), timeText(f.t), ErrNotApplicable, "want none unless the cause is \"maintenance\""))
			}
		}
		return
	}
	if !missing("announced_at", o.AnnouncedAt, "want when the maintenance was announced, at or before start") &&
		startOK && o.AnnouncedAt.After(o.Start) {
		p.add(fault.Field(at("announced_at"), timeText(o.AnnouncedAt), ErrAnnouncedLate, "want at or before start "+strconv.Quote(timeText(o.Start))))
	}
	if !missing("announced_end", o.AnnouncedEnd, "want the end the announcement gave, at or after start") &&
		startOK && o.AnnouncedEnd.Before(o.Start) {
		p.add(fault.Field(at("announced_end"), timeText(o.AnnouncedEnd), ErrReversed, "want at or after start "+strconv.Quote(timeText(o.Start))))
	}
}

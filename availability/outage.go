package availability

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
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
	return json.Marshal(p)
}

// rfc3339 returns t in UTC when its offset is not whole minutes, so that the
// JSON form keeps the instant.
func rfc3339(t time.Time) time.Time {
	if _, off := t.Zone(); off%60 != 0 {
		return t.UTC()
	}
	return t
}

// UnmarshalJSON decodes an Outage and refuses unknown fields, so that a typo
// ("announced" for "announced_at") is an error rather than a silent default.
// It checks the syntax only; [Outage.Validate] and [Compute] check the values.
func (o *Outage) UnmarshalJSON(data []byte) error {
	type plain Outage
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var p plain
	if err := dec.Decode(&p); err != nil {
		return fmt.Errorf("availability: outage: %w", err)
	}
	if dec.More() {
		return fmt.Errorf("availability: outage: unexpected data after the object")
	}
	*o = Outage(p)
	return nil
}

// Validate reports the first bad value of o as a [*FieldError] with Index −1:
// a missing time, End before Start, an unknown cause or category, an
// announcement after the start or an announced end before it, or a field set
// that o's cause does not use.
func (o Outage) Validate() error {
	if err := o.check(-1); err != nil {
		return err
	}
	return nil
}

// check validates o, naming it as outages[i] when i ≥ 0. Times are compared
// by wall clock, as Compute uses them, even when they carry monotonic readings.
func (o Outage) check(i int) *FieldError {
	o.Start, o.End = o.Start.Round(0), o.End.Round(0)
	o.AnnouncedAt, o.AnnouncedEnd = o.AnnouncedAt.Round(0), o.AnnouncedEnd.Round(0)
	bad := func(field string, t time.Time, err error) *FieldError {
		v := ""
		if !t.IsZero() {
			v = t.Format(time.RFC3339Nano)
		}
		return fieldError("outages", i, field, v, err)
	}
	switch {
	case o.Start.IsZero():
		return bad("start", o.Start, ErrMissing)
	case o.End.IsZero():
		return bad("end", o.End, ErrMissing)
	case o.End.Before(o.Start):
		return bad("end", o.End, ErrReversed)
	case o.Cause > SecurityBlock:
		return fieldError("outages", i, "cause", o.Cause.String(), ErrCause)
	case o.Category > BeyondControl,
		o.Cause == Exceptional && o.Category == NoCategory:
		return fieldError("outages", i, "category", o.Category.String(), ErrCategory)
	case o.Cause != Exceptional && o.Category != NoCategory:
		return fieldError("outages", i, "category", o.Category.String(), ErrNotApplicable)
	}
	if o.Cause != Maintenance {
		switch {
		case !o.AnnouncedAt.IsZero():
			return bad("announced_at", o.AnnouncedAt, ErrNotApplicable)
		case !o.AnnouncedEnd.IsZero():
			return bad("announced_end", o.AnnouncedEnd, ErrNotApplicable)
		}
		return nil
	}
	switch {
	case o.AnnouncedAt.IsZero():
		return bad("announced_at", o.AnnouncedAt, ErrMissing)
	case o.AnnouncedAt.After(o.Start):
		return bad("announced_at", o.AnnouncedAt, ErrAnnouncedLate)
	case o.AnnouncedEnd.IsZero():
		return bad("announced_end", o.AnnouncedEnd, ErrMissing)
	case o.AnnouncedEnd.Before(o.Start):
		return bad("announced_end", o.AnnouncedEnd, ErrReversed)
	}
	return nil
}

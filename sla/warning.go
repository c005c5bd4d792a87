package sla

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
)

// Warning is a point before a target falls due at which a service warns
// (I17), measured on the target's own clock: a share of the target's clock
// time ("75%": when three quarters of it has run) or an offset before its due
// time ("-1h": when one hour of it is left). On the business clock a warning
// point is therefore always reached during opening hours, never at night or
// at a weekend. Exactly one of the two fields is set.
type Warning struct {
	Share  Ratio         // of the target's clock time, more than 0 % and at most 100 %
	Before time.Duration // clock time before the due time, positive
}

// ParseWarning reads the text form of a warning point: a share ("75%",
// "0.75") or a negative duration ("-1h", "-30m").
func ParseWarning(s string) (Warning, error) {
	var w Warning
	err := w.UnmarshalText([]byte(s))
	return w, err
}

// String returns "75%" or "-1h".
func (w Warning) String() string {
	if w.Before != 0 {
		return dur.Format(-w.Before)
	}
	return w.Share.String()
}

// MarshalText implements encoding.TextMarshaler.
func (w Warning) MarshalText() ([]byte, error) {
	if err := w.validate(); err != nil {
		return nil, err
	}
	return []byte(w.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: what MarshalText writes.
func (w *Warning) UnmarshalText(b []byte) error {
	s := string(b)
	var v Warning
	if strings.HasPrefix(strings.TrimSpace(s), "-") {
		d, err := dur.Parse(strings.TrimSpace(s))
		if err != nil {
			return fault.Field("", s, ErrInvalid, `want a share such as "75%" or an offset before the due time such as "-1h"`)
		}
		v.Before = -d
	} else if err := v.Share.UnmarshalText(b); err != nil {
		return fault.Field("", s, ErrInvalid, `want a share such as "75%" or an offset before the due time such as "-1h"`)
	}
	if err := v.validate(); err != nil {
		return err
	}
	*w = v
	return nil
}

// validate reports a warning that is neither a share nor an offset, or both.
func (w Warning) validate() error {
	share := w.Share.d.IsPositive()
	switch {
	case w.Before < 0, w.Share.d.IsNegative(), share && w.Before != 0, !share && w.Before == 0:
		return fault.Field("", w.String(), ErrInvalid, `want a share more than 0% and at most 100%, or a negative offset such as "-1h"`)
	case w.Share.d.GreaterThan(decimal.NewFromInt(1)):
		return fault.Field("", w.String(), ErrInvalid, "want a share of at most 100%")
	}
	return nil
}

// WarningStatus is a warning point of one target as things stand: the
// instant at which the target's clock reaches it (for a point not yet passed,
// if nothing else happens) and whether it has passed.
type WarningStatus struct {
	Point  Warning   `json:"point"`
	At     time.Time `json:"at"`
	Passed bool      `json:"passed"`
}

// point is a compiled warning: its share as an exact fraction, or its offset.
type point struct {
	Warning
	num, den uint64
	text     string
}

func compilePoint(w Warning) point {
	pt := point{Warning: w, text: w.String()}
	if w.Before == 0 {
		pt.num, pt.den = fraction(w.Share.d)
	}
	return pt
}

// threshold returns the clock time used at which the point is reached on a
// target of clock time length: at least one nanosecond, so that on the
// business clock it is always reached in open time.
func (pt point) threshold(length time.Duration) time.Duration {
	var u time.Duration
	if pt.Before != 0 {
		u = length - pt.Before
	} else {
		u = ceilShare(length, pt.num, pt.den)
	}
	return max(u, 1)
}

// checkWarnings reports every bad warning point of a policy.
func checkWarnings(ws []Warning) []error {
	var errs []error
	if len(ws) > MaxWarnings {
		errs = append(errs, fault.Field("warnings", strconv.Itoa(len(ws))+" points", ErrLimit, "want at most "+strconv.Itoa(MaxWarnings)))
	}
	seen := map[string]bool{}
	for i, w := range ws {
		if err := w.validate(); err != nil {
			errs = append(errs, fault.At(fault.Index("warnings", i), err))
			continue
		}
		if seen[w.String()] {
			errs = append(errs, fault.Field(fault.Index("warnings", i), w.String(), ErrDuplicate, "want each point once"))
		}
		seen[w.String()] = true
	}
	return errs
}

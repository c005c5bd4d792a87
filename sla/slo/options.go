package slo

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/sla"
)

// Window is the text an SLI query holds where the window goes, as in sloth's
// templates: `sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))`. It is
// replaced literally; the query is not a Go template.
const Window = "{{.window}}"

// MaxSLI is the longest SLI query accepted, in bytes.
const MaxSLI = 16 << 10

// Options say what the contract does not: how the service is measured and
// what to call the objective. The zero value of every field but SLI is a
// usable default.
type Options struct {
	// SLI is the PromQL query of the service's error ratio (failed over all,
	// between 0 and 1) over a window, with [Window] at least once where the
	// window goes: valid UTF-8, at most [MaxSLI] bytes. Required by
	// [Prometheus]; [OpenSLO] without it refers to an SLI defined elsewhere.
	SLI string
	// Name is the OpenSLO metadata.name and the "slo" label of every rule: an
	// RFC 1123 label (lower-case letters, digits and "-", at most 63). Empty:
	// derived from the customer, "acme-logistics-availability".
	Name string
	// Slices says how the OpenSLO Timeslices budgeting cuts time: a slice of
	// Slices.Length (whole minutes up to a day; zero means one minute) is bad
	// when its error ratio exceeds Slices.Threshold (zero, the default, makes
	// any failure bad, which is what a probe measures). OpenSLO v1 has no
	// notion of Slices.MinRun: above 1 it is written as an annotation.
	Slices availability.SliceRule
}

// objective is what both exports read from the policy in force.
type objective struct {
	name, customer, policy string
	target, budget         decimal.Decimal // budget = 1 − target
	zone                   string
	loc                    *time.Location
	maintenance, notice    string
	sli                    string
	slice                  time.Duration
	sliceTarget            decimal.Decimal // 1 − Slices.Threshold
	minRun                 int
}

// resolve checks the options and reads the policy of e in force at at. Every
// problem is reported at once.
// optionalSLI is set for OpenSLO, whose document may refer to an SLI
// defined elsewhere.
func resolve(e *sla.Engine, at time.Time, o Options, optionalSLI bool) (objective, error) {
	var errs []error
	var ob objective
	if err := checkSLI(o.SLI); err != nil && !(optionalSLI && o.SLI == "") {
		errs = append(errs, err)
	}
	ob.sli = o.SLI
	ob.slice, ob.minRun = o.Slices.Length, o.Slices.MinRun
	if ob.slice == 0 {
		ob.slice = time.Minute
	}
	if ob.slice < time.Minute || ob.slice > 24*time.Hour || ob.slice%time.Minute != 0 {
		errs = append(errs, fault.Field("slices.length", dur.Format(o.Slices.Length), ErrRange, "want whole minutes from 1m to 24h"))
	}
	one := decimal.NewFromInt(1)
	if th := o.Slices.Threshold.Decimal(); th.IsNegative() || !th.LessThan(one) {
		errs = append(errs, fault.Field("slices.threshold", o.Slices.Threshold.String(), ErrRange, "want at least 0% and below 100%"))
	}
	if ob.minRun < 0 {
		errs = append(errs, fault.Field("slices.min_run", strconv.Itoa(ob.minRun), ErrRange, "want 0 or more consecutive slices"))
	}
	ob.sliceTarget = one.Sub(o.Slices.Threshold.Decimal())
	if o.Name != "" {
		if err := checkName(o.Name); err != nil {
			errs = append(errs, err)
		}
	}
	if e == nil {
		errs = append(errs, fault.Field("engine", "", ErrMissing, "want a contract built with sla.New"))
		return ob, joined(errs)
	}
	p, err := e.PolicyAt(at)
	if err != nil {
		errs = append(errs, err)
		return ob, joined(errs)
	}
	ob.customer, ob.policy = e.Contract().Customer, p.Name
	ob.name = o.Name
	if ob.name == "" {
		ob.name = defaultName(ob.customer)
	}
	ob.target = p.Availability.Decimal()
	ob.budget = one.Sub(ob.target)
	if !ob.budget.IsPositive() {
		// OpenSLO wants a target below 1, and a burn rate needs a budget.
		errs = append(errs, fault.Field("availability", p.Availability.String(), ErrRange, "want below 100%: an SLO tool needs an error budget"))
	}
	// The engine has validated both calendars, so they compile; the month
	// runs in the support calendar's zone, usually the maintenance one's.
	ob.zone = p.Support.TimeZone
	mc, err := calendar.New(p.Maintenance)
	if err != nil {
		errs = append(errs, fault.At("maintenance", err))
		return ob, joined(errs)
	}
	ob.maintenance = mc.String()
	ob.loc = mc.Location()
	if p.Maintenance.TimeZone != ob.zone {
		if ob.loc, err = time.LoadLocation(ob.zone); err != nil {
			errs = append(errs, fault.Field("support.time_zone", ob.zone, ErrInvalid, "want an IANA time zone"))
		}
	}
	ob.notice = dur.Format(time.Duration(p.Notice))
	return ob, joined(errs)
}

func joined(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}

// CheckSLI reports what [OpenSLO] and [Prometheus] would find wrong with the
// SLI query q, so that a program can check a flag before anything else: empty,
// longer than [MaxSLI], not UTF-8 (JSON could not carry it exactly), or
// without [Window] (every window would read the same).
func CheckSLI(q string) error { return checkSLI(q) }

func checkSLI(q string) error {
	switch {
	case strings.TrimSpace(q) == "":
		return fault.Field("sli", "", ErrMissing, "want the PromQL error ratio with "+Window+" where the window goes")
	case len(q) > MaxSLI:
		return fault.Field("sli", strconv.Itoa(len(q))+" bytes", ErrLimit, "want at most "+strconv.Itoa(MaxSLI)+" bytes")
	case !utf8.ValidString(q):
		return fault.Field("sli", clip(q), ErrSyntax, "want UTF-8 text")
	case !strings.Contains(q, Window):
		return fault.Field("sli", clip(q), ErrInvalid, "want "+Window+" where the window goes, as in rate(errors_total["+Window+"])")
	}
	return nil
}

// clip shortens a long value for an error message.
func clip(s string) string {
	const n = 80
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// checkName accepts an RFC 1123 label, as OpenSLO asks of every name.
func checkName(name string) error {
	ok := len(name) <= 63 && isAlnum(name[0]) && isAlnum(name[len(name)-1])
	for i := 0; ok && i < len(name); i++ {
		ok = isAlnum(name[i]) || name[i] == '-'
	}
	if !ok {
		return fault.Field("name", clip(name), ErrSyntax, "want an RFC 1123 label: lower-case letters, digits and -, at most 63, starting and ending with a letter or digit")
	}
	return nil
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

// defaultName makes an RFC 1123 label of the customer's name:
// "Acme Logistics" → "acme-logistics-availability".
func defaultName(customer string) string {
	const suffix = "availability"
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(customer) {
		if r < utf8.RuneSelf && isAlnum(byte(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			if b.Len() >= 63-len(suffix)-1 {
				break
			}
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return suffix
	}
	return strings.TrimRight(b.String(), "-") + "-" + suffix
}

// shorthand writes d as OpenSLO's and Prometheus's duration shorthand: the
// largest of d, h and m that divides it ("1d", "6h", "30m"), else Go's form.
func shorthand(d time.Duration) string {
	for _, u := range []struct {
		d    time.Duration
		unit string
	}{{24 * time.Hour, "d"}, {time.Hour, "h"}, {time.Minute, "m"}} {
		if d > 0 && d%u.d == 0 {
			return strconv.FormatInt(int64(d/u.d), 10) + u.unit
		}
	}
	return d.String()
}

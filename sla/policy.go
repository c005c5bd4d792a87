package sla

import (
	"errors"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/enum"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/severity"
)

// Policy is the contract's service levels as plain data, with a strict,
// versioned JSON form. It is what a policy file holds; [Contract] dates
// policies and applies a customer's zone and holidays to them.
//
// The zero value is not a usable policy: build one with [Preset] or decode one;
// [Policy.Validate] (which [New] calls for every policy of a contract) reports
// every problem at once. Objectives are set from text without the decimal
// package: p.Availability = sla.MustRatio("99.95%").
type Policy struct {
	Version     int             `json:"version"`     // must be 1
	Name        string          `json:"name"`        // shown in reports
	Support     calendar.Spec   `json:"support"`     // the support period (R2): the business clock
	Severities  severity.Matrix `json:"severities"`  // targets per level (R6, I1, I2)
	Maintenance calendar.Spec   `json:"maintenance"` // the recurring window (R11, I11)
	Notice      Duration        `json:"notice"`      // announced maintenance is planned with this much notice (I12)
	// Availability is the monthly objective (R13), in (0, 1].
	Availability Ratio    `json:"availability"`
	RTO          Duration `json:"rto"`          // recovery time objective (R13, I13)
	RPO          Duration `json:"rpo"`          // recovery point objective (R13, I13)
	MaxContacts  int      `json:"max_contacts"` // designated contacts allowed (R1); 0 means no limit
	// SeverityChange says how unmet targets react to a change of severity (I8).
	SeverityChange ChangeRule `json:"severity_change"`
	// AtRisk is the share of a target's clock after which a pending target is
	// reported at risk, in (0, 1]; "75%" by default in [Preset].
	AtRisk Ratio `json:"at_risk"`

	// Replies are the optional next-reply and update targets of each level
	// (I16). In JSON they are keys of each level of "severities" (see
	// [Replies]); a policy without them evaluates as it always did.
	Replies map[severity.Level]Replies `json:"-"`
	// Warnings are the warning points of every target (I17), such as "50%",
	// "75%" and "-1h"; at most [MaxWarnings], each once.
	Warnings []Warning `json:"warnings,omitempty"`
	// Credits is the service-credit table (I19), such as
	// {"tiers":[{"below":"99.9%","credit":"10%"},{"below":"99%","credit":"25%"}],"cap":"100%"};
	// the zero value has no tiers: no credit is owed, and reports show none.
	Credits availability.Credits `json:"credits,omitzero"`
}

// ChangeRule says what happens to unmet targets when the severity changes
// (I8). The zero value is [Restart].
type ChangeRule uint8

const (
	// Restart measures each unmet target afresh from the change, under the new
	// severity's targets. Targets already met stay met.
	Restart ChangeRule = iota
	// Recompute measures each unmet target from the original receipt, under the
	// new severity's targets.
	Recompute
)

var changeRules = enum.Names{Type: "ChangeRule", Names: []string{"restart", "recompute"}}

// String returns "restart" or "recompute", or "%!ChangeRule(9)" for a value
// outside the constants.
func (r ChangeRule) String() string { return changeRules.String(int(r)) }

// IsValid reports whether r is [Restart] or [Recompute].
func (r ChangeRule) IsValid() bool { return changeRules.Valid(int(r)) }

// MarshalText implements encoding.TextMarshaler; a value outside the
// constants is an error.
func (r ChangeRule) MarshalText() ([]byte, error) { return changeRules.Marshal(int(r)) }

// UnmarshalText implements encoding.TextUnmarshaler: "restart" or
// "recompute"; empty text is [Restart], as in policy files written before the
// field existed.
func (r *ChangeRule) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = Restart
		return nil
	}
	v, err := changeRules.Parse(b)
	if err != nil {
		return err
	}
	*r = ChangeRule(v)
	return nil
}

// Preset returns the policy of the reference contract (R1–R13) for a customer in zone (an IANA name)
// whose public holidays are those of country (a code of
// [calendar.HolidayCodes], or "" for none): support Monday to Friday
// 08:00–18:00, the severity targets of [severity.PresetMatrix], a nightly
// maintenance window 01:00–02:00, 48 hours' notice, 99.9 % availability, RTO 24
// hours, RPO 30 minutes, at most 5 contacts, targets restarted on a severity
// change, at risk from 75 % of the clock.
func Preset(zone, country string) Policy {
	night := []string{"01:00-02:00"}
	p := Policy{
		Version:      1,
		Name:         "SaaS support and service levels",
		Support:      calendar.Spec{TimeZone: zone, Hours: calendar.Weekdays("08:00-18:00")},
		Severities:   severity.PresetMatrix(),
		Maintenance:  calendar.Spec{TimeZone: zone, Hours: calendar.Week{Mon: night, Tue: night, Wed: night, Thu: night, Fri: night, Sat: night, Sun: night}},
		Notice:       Duration(48 * time.Hour),
		Availability: Ratio{decimal.New(999, -3)},
		RTO:          Duration(24 * time.Hour),
		RPO:          Duration(30 * time.Minute),
		MaxContacts:  5,
		AtRisk:       Ratio{decimal.New(75, -2)},
	}
	if country != "" {
		p.Support.Holidays = []string{country}
	}
	return p
}

// UnmarshalJSON decodes a policy strictly: an unknown key, a key written
// twice or trailing data is an error naming its path, and a version other than
// 1 is refused. Values are checked by [Policy.Validate].
func (p *Policy) UnmarshalJSON(data []byte) error {
	data, replies, err := takeReplies(data)
	if err != nil {
		return err
	}
	type plain Policy
	var v plain
	if err := jsonx.Decode(data, &v); err != nil {
		return err
	}
	if err := checkVersion(v.Version); err != nil {
		return err
	}
	*p = Policy(v)
	p.Replies = replies
	return nil
}

func checkVersion(v int) error {
	switch v {
	case 1:
		return nil
	case 0:
		return fault.Field("version", "", ErrMissing, "want 1")
	}
	return fault.Field("version", strconv.Itoa(v), ErrVersion, "want 1")
}

// Validate reports every problem of the policy at once (joined with
// [errors.Join]); each is a [*FieldError] naming the field's path, such as
// "support.hours.mon[0]" or "availability".
func (p Policy) Validate() error {
	_, err := p.compile()
	return err
}

// compiled is a validated policy with its calendars built.
type compiled struct {
	Policy
	support     *calendar.Calendar
	maintenance *calendar.Calendar
	// AtRisk as an exact fraction riskNum/riskDen, for integer comparison.
	riskNum, riskDen uint64
	calendar         string // the support calendar described, for explanations
	rulebook                // what evaluation reads
}

// What a policy's values may be.
const (
	wantShare    = `want more than 0% and at most 100%, such as "99.9%"`
	wantPositive = `want a positive duration such as "24h" or "30m"`
)

func (p Policy) compile() (*compiled, error) {
	var errs []error
	bad := func(field, value string, kind error, want string) {
		errs = append(errs, fault.Field(field, value, kind, want))
	}
	c := &compiled{Policy: p}
	if err := checkVersion(p.Version); err != nil {
		errs = append(errs, err)
	}
	var err error
	if c.support, err = calendar.New(p.Support); err != nil {
		errs = append(errs, fault.At("support", err))
	}
	if c.maintenance, err = calendar.New(p.Maintenance); err != nil {
		errs = append(errs, fault.At("maintenance", err))
	}
	if err := p.Severities.Validate(); err != nil {
		errs = append(errs, fault.At("severities", err))
	}
	if p.Notice < 0 {
		bad("notice", p.Notice.String(), ErrRange, `want zero or a positive duration such as "48h"`)
	}
	if !inShare(p.Availability) {
		bad("availability", p.Availability.String(), ErrRange, wantShare)
	}
	if p.RTO <= 0 {
		bad("rto", p.RTO.String(), ErrRange, wantPositive)
	}
	if p.RPO <= 0 {
		bad("rpo", p.RPO.String(), ErrRange, wantPositive)
	}
	if p.MaxContacts < 0 {
		bad("max_contacts", strconv.Itoa(p.MaxContacts), ErrRange, "want 0 (no limit) or a positive number")
	}
	if !p.SeverityChange.IsValid() {
		bad("severity_change", p.SeverityChange.String(), ErrInvalid, `want "restart" or "recompute"`)
	}
	if err := p.Credits.Validate(); err != nil {
		errs = append(errs, fault.At("credits", err))
	}
	if !inShare(p.AtRisk) {
		bad("at_risk", p.AtRisk.String(), ErrRange, `want more than 0% and at most 100%, such as "75%"`)
	}
	errs = append(errs, checkReplies(p.Replies)...)
	errs = append(errs, checkWarnings(p.Warnings)...)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	c.rulebook = p.rulebook(c.support.Location())
	c.riskNum, c.riskDen = fraction(p.AtRisk.d)
	c.calendar = c.support.String()
	return c, nil
}

// inShare reports whether r is in (0, 1].
func inShare(r Ratio) bool { return r.d.IsPositive() && !r.d.GreaterThan(decimal.NewFromInt(1)) }

// fraction writes a ratio in [0, 1] as num/den with den a power of ten, keeping
// at most 18 decimals (an at-risk threshold needs far fewer).
func fraction(d decimal.Decimal) (num, den uint64) {
	d = d.Truncate(18)
	exp := -d.Exponent()
	if exp < 0 {
		return d.BigInt().Uint64(), 1
	}
	den = 1
	for range exp {
		den *= 10
	}
	return d.Coefficient().Uint64(), den
}

package sla

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/internal/enum"
	"github.com/slakit/slakit/severity"
)

// Policy is the contract's service levels as plain data, with a strict,
// versioned JSON form. It is what a policy file holds; [Contract] dates
// policies and applies a customer's zone and holidays to them.
//
// The zero value is not a usable policy: build one with [Preset] or decode one,
// then [Policy.Validate] (which [Contract.Compile] calls) reports every problem.
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
}

// ChangeRule says what happens to unmet targets when the severity changes
// (I8). The zero value is [Restart].
type ChangeRule uint8

const (
	// Restart measures each unmet target afresh from the change, under the new
	// severity's targets. Targets already met stay met.
	Restart ChangeRule = iota
	// Recompute measures each unmet target from its start (the receipt, the
	// reopening, or the start of a reply target), under the new severity's
	// targets, counting the pauses since then.
	Recompute
)

var changeRuleNames = enum.Names{Type: "ChangeRule", Names: []string{"restart", "recompute"}}

// String returns "restart" or "recompute", and "%!ChangeRule(9)" for a value
// out of range.
func (r ChangeRule) String() string { return changeRuleNames.String(int(r)) }

// IsValid reports whether r is Restart or Recompute.
func (r ChangeRule) IsValid() bool { return changeRuleNames.Valid(int(r)) }

// MarshalText implements encoding.TextMarshaler; a value out of range is an
// error.
func (r ChangeRule) MarshalText() ([]byte, error) { return changeRuleNames.Marshal(int(r)) }

// UnmarshalText implements encoding.TextUnmarshaler: what MarshalText writes,
// and empty text for [Restart].
func (r *ChangeRule) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = Restart
		return nil
	}
	v, err := changeRuleNames.Parse(b)
	if err == nil {
		*r = ChangeRule(v)
	}
	return err
}

// Preset returns the policy of SPEC.md for a customer in zone (an IANA name)
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

// policyFields lists the JSON keys of Policy; any other key is an error.
var policyFields = []string{"version", "name", "support", "severities", "maintenance", "notice",
	"availability", "rto", "rpo", "max_contacts", "severity_change", "at_risk", "warnings"}

// UnmarshalJSON decodes a policy strictly: an unknown field anywhere is an
// error that names its path, and a version other than 1 is refused.
func (p *Policy) UnmarshalJSON(data []byte) error {
	data, replies, err := takeReplies(data)
	if err != nil {
		return err
	}
	if err := checkFields(data, policyFields); err != nil {
		return err
	}
	type plain Policy
	var v plain
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&v); err != nil {
		return jsonError(err)
	}
	if v.Version != 1 {
		return &FieldError{Field: "version", Value: fmt.Sprint(v.Version), Err: ErrVersion}
	}
	*p = Policy(v)
	p.Replies = replies
	return nil
}

// checkFields reports the first key of a JSON object that is not in known.
func checkFields(data []byte, known []string) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return jsonError(err)
	}
	for k := range raw {
		ok := false
		for _, f := range known {
			ok = ok || f == k
		}
		if !ok {
			return &FieldError{Field: k, Err: ErrUnknown}
		}
	}
	return nil
}

// jsonError turns encoding/json's errors into a FieldError naming the field.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return &FieldError{Field: te.Field, Value: te.Value, Err: fmt.Errorf("%w: want %v", ErrInvalid, te.Type)}
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe
	}
	return fmt.Errorf("sla: %w", err)
}

// Validate reports every problem of the policy at once (joined with
// [errors.Join]); each is a [*FieldError] naming the field.
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

func (p Policy) compile() (*compiled, error) {
	var errs []error
	bad := func(field, value string, err error) {
		errs = append(errs, &FieldError{Field: field, Value: value, Err: err})
	}
	c := &compiled{Policy: p}
	if p.Version != 1 {
		bad("version", fmt.Sprint(p.Version), ErrVersion)
	}
	var err error
	if c.support, err = calendar.New(p.Support); err != nil {
		errs = append(errs, prefix("support", err))
	}
	if c.maintenance, err = calendar.New(p.Maintenance); err != nil {
		errs = append(errs, prefix("maintenance", err))
	}
	if err := p.Severities.Validate(); err != nil {
		for _, one := range unjoin(err) {
			errs = append(errs, prefix("severities", one))
		}
	}
	if p.Notice < 0 {
		bad("notice", p.Notice.String(), ErrInvalid)
	}
	if !p.Availability.d.IsPositive() || p.Availability.d.GreaterThan(decimal.NewFromInt(1)) {
		bad("availability", p.Availability.String(), fmt.Errorf("%w (want more than 0%% and at most 100%%)", ErrInvalid))
	}
	if p.RTO <= 0 {
		bad("rto", p.RTO.String(), fmt.Errorf("%w (want a positive duration)", ErrInvalid))
	}
	if p.RPO <= 0 {
		bad("rpo", p.RPO.String(), fmt.Errorf("%w (want a positive duration)", ErrInvalid))
	}
	if p.MaxContacts < 0 {
		bad("max_contacts", fmt.Sprint(p.MaxContacts), ErrInvalid)
	}
	if p.SeverityChange > Recompute {
		bad("severity_change", p.SeverityChange.String(), ErrInvalid)
	}
	if !p.AtRisk.d.IsPositive() || p.AtRisk.d.GreaterThan(decimal.NewFromInt(1)) {
		bad("at_risk", p.AtRisk.String(), fmt.Errorf("%w (want more than 0%% and at most 100%%)", ErrInvalid))
	}
	errs = append(errs, checkReplies(p.Replies)...)
	errs = append(errs, checkWarnings(p.Warnings)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	c.rulebook = p.rulebook(c.support.Location())
	c.riskNum, c.riskDen = fraction(p.AtRisk.d)
	c.calendar = c.support.String()
	return c, nil
}

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

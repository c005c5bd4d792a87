package slo

import (
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/slakit/slakit/sla"
)

// RuleFile is a Prometheus rule file: what `promtool check rules` reads and
// the rule_files of a Prometheus configuration name.
type RuleFile struct {
	Groups []RuleGroup `json:"groups"`
}

// RuleGroup is a named group of rules evaluated together.
type RuleGroup struct {
	Name  string `json:"name"`
	Rules []Rule `json:"rules"`
}

// Rule is a recording rule (Record set) or an alerting rule (Alert set).
type Rule struct {
	Record      string            `json:"record,omitempty"`
	Alert       string            `json:"alert,omitempty"`
	Expr        string            `json:"expr"`
	Labels      map[string]string `json:"labels,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

// WriteJSON writes the rule file as indented JSON, which promtool reads as YAML.
func (f RuleFile) WriteJSON(w io.Writer) error { return writeJSON(w, f) }

// The recorded windows, shortest first: every window a burn-rate alert reads.
var windows = [...]string{"5m", "30m", "1h", "2h", "6h", "1d", "3d"}

// burnRates are the SRE workbook's pairs for a 30-day budget: the budget share
// each long window may burn (2 % in 1h, 5 % in 6h, 10 % in 1d and in 3d) as a
// factor of the steady rate, with the short window that confirms it.
var burnRates = [...]struct {
	long, short, factor, severity string
}{
	{"1h", "5m", "14.4", "page"},
	{"6h", "30m", "6", "page"},
	{"1d", "2h", "3", "ticket"},
	{"3d", "6h", "1", "ticket"},
}

// RecordName returns the name of the recording rule of the error ratio over
// window: "slakit:sli_error:ratio_rate5m".
func RecordName(window string) string { return "slakit:sli_error:ratio_rate" + window }

// Prometheus returns the rule file of the availability objective of the policy
// of e in force at at, one group named after the objective ("slakit-" +
// o.Name) holding:
//
//   - a recording rule per window (5m, 30m, 1h, 2h, 6h, 1d, 3d):
//     [RecordName](window) is o.SLI with [Window] replaced by the window,
//     labelled slo=o.Name;
//   - slakit:objective:ratio and slakit:error_budget:ratio, the objective and
//     1 − objective exactly as decimals, for dashboards;
//   - four burn-rate alerts, AvailabilityBurnRate1h, 6h, 1d and 3d: the error
//     ratio over the long window and over the short one both above factor ×
//     budget (14.4, 6, 3, 1; see the package documentation), severity "page"
//     for the first two and "ticket" for the others; annotations give the
//     factor, the budget and the maintenance window, during which the contract
//     does not count downtime and the alerts may be silenced.
//
// An objective of 100 % is refused: it has no budget to burn. Every problem of
// o and of the policy is reported at once.
func Prometheus(e *sla.Engine, at time.Time, o Options) (RuleFile, error) {
	ob, err := resolve(e, at, o, false)
	if err != nil {
		return RuleFile{}, err
	}
	labels := func(more ...string) map[string]string {
		m := map[string]string{"slo": ob.name}
		for i := 0; i+1 < len(more); i += 2 {
			m[more[i]] = more[i+1]
		}
		return m
	}
	g := RuleGroup{Name: "slakit-" + ob.name}
	for _, w := range windows {
		g.Rules = append(g.Rules, Rule{Record: RecordName(w), Expr: expand(ob.sli, w), Labels: labels()})
	}
	g.Rules = append(g.Rules,
		Rule{Record: "slakit:objective:ratio", Expr: "vector(" + ob.target.String() + ")", Labels: labels()},
		Rule{Record: "slakit:error_budget:ratio", Expr: "vector(" + ob.budget.String() + ")", Labels: labels()},
	)
	selector := `{slo="` + ob.name + `"}` // an RFC 1123 label needs no escaping
	for _, b := range burnRates {
		threshold := decimal.RequireFromString(b.factor).Mul(ob.budget).String()
		g.Rules = append(g.Rules, Rule{
			Alert:  "AvailabilityBurnRate" + b.long,
			Expr:   RecordName(b.long) + selector + " > " + threshold + " and " + RecordName(b.short) + selector + " > " + threshold,
			Labels: labels("severity", b.severity, "long_window", b.long, "short_window", b.short),
			Annotations: map[string]string{
				"summary": displayName(ob.customer) + ": availability error budget burning at " + b.factor + "× the rate that spends it in a month",
				"description": "Error ratio above " + threshold + " (burn rate " + b.factor + " × error budget " + ob.budget.String() +
					", objective " + ob.target.String() + ") over the last " + b.long + " and the last " + b.short + ".",
				"burn_rate":    b.factor,
				"error_budget": ob.budget.String(),
				"objective":    ob.target.String(),
				"maintenance": "Planned maintenance does not count against the contract: " + ob.maintenance +
					", and maintenance announced at least " + ob.notice + " ahead.",
			},
		})
	}
	return RuleFile{Groups: []RuleGroup{g}}, nil
}

// expand puts window where the query says.
func expand(sli, window string) string { return strings.ReplaceAll(sli, Window, window) }

package slo

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/slakit/slakit/sla"
)

// APIVersion and KindSLO are the apiVersion and kind of the document
// [OpenSLO] returns.
const (
	APIVersion = "openslo/v1"
	KindSLO    = "SLO"
)

// The annotation keys of an [SLO]: OpenSLO v1 has no field for what the
// contract excludes, so the document says it here.
const (
	AnnotationCustomer    = "slakit/customer"
	AnnotationPolicy      = "slakit/policy"
	AnnotationMaintenance = "slakit/maintenance-window" // the recurring window, planned by definition
	AnnotationNotice      = "slakit/maintenance-notice" // other maintenance is planned when announced this long before
	AnnotationFormula     = "slakit/formula"
	AnnotationMinRun      = "slakit/min-run" // bad slices count as down only in runs this long
)

// SLO is an OpenSLO v1 document of kind SLO. Its field names are OpenSLO's.
type SLO struct {
	APIVersion string   `json:"apiVersion"`
	Kind       string   `json:"kind"`
	Metadata   Metadata `json:"metadata"`
	Spec       SLOSpec  `json:"spec"`
}

// Metadata names an OpenSLO object.
type Metadata struct {
	Name        string            `json:"name"`
	DisplayName string            `json:"displayName,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

// SLOSpec is the spec of an [SLO].
type SLOSpec struct {
	Description     string       `json:"description,omitempty"`
	Service         string       `json:"service"`
	Indicator       *Indicator   `json:"indicator,omitempty"`
	IndicatorRef    string       `json:"indicatorRef,omitempty"` // the name of an SLI defined elsewhere, when Indicator is nil
	TimeWindow      []TimeWindow `json:"timeWindow"`
	BudgetingMethod string       `json:"budgetingMethod"`
	Objectives      []Objective  `json:"objectives"`
}

// Indicator is an inline SLI: a precomputed ratio of failures.
type Indicator struct {
	Metadata Metadata      `json:"metadata"`
	Spec     IndicatorSpec `json:"spec"`
}

// IndicatorSpec holds the indicator's ratio metric.
type IndicatorSpec struct {
	RatioMetric RatioMetric `json:"ratioMetric"`
}

// RatioMetric is OpenSLO's "raw" ratio: a query that returns the ratio itself,
// of failures when RawType is "failure".
type RatioMetric struct {
	RawType string `json:"rawType"`
	Raw     Metric `json:"raw"`
}

// Metric is where a metric comes from.
type Metric struct {
	MetricSource MetricSource `json:"metricSource"`
}

// MetricSource is a metric source of a given type and its query.
type MetricSource struct {
	Type string      `json:"type"`
	Spec QuerySource `json:"spec"`
}

// QuerySource is the spec of a [MetricSource]: a query.
type QuerySource struct {
	Query string `json:"query"`
}

// TimeWindow is the SLO's period; here calendar-aligned, not rolling.
type TimeWindow struct {
	Duration  string   `json:"duration"` // "1M"
	IsRolling bool     `json:"isRolling"`
	Calendar  Calendar `json:"calendar"`
}

// Calendar anchors a calendar-aligned window: a wall-clock start
// ("2026-06-01 00:00:00", no offset) in an IANA zone.
type Calendar struct {
	StartTime string `json:"startTime"`
	TimeZone  string `json:"timeZone"`
}

// Objective is one objective of an [SLO]. Numbers are kept as the decimal text
// of the contract, so 99.95 % is written 0.9995 and nothing else.
type Objective struct {
	DisplayName     string      `json:"displayName,omitempty"`
	Target          json.Number `json:"target"`
	TimeSliceTarget json.Number `json:"timeSliceTarget"`
	TimeSliceWindow string      `json:"timeSliceWindow"`
}

// OpenSLO returns the OpenSLO v1 SLO document of the availability objective of
// the policy of e in force at at:
//
//   - a calendar-aligned window of one month ("1M", isRolling false) starting
//     at 00:00 on the first day of at's month, wall-clock time in the
//     customer's zone (the month of R10, I10);
//   - "Timeslices" budgeting: a slice of o.Slices.Length is good when its
//     error ratio is at most o.Slices.Threshold (timeSliceTarget =
//     1 − threshold);
//   - one objective whose target is the contract's objective exactly (0.999
//     for "99.9%");
//   - the indicator: o.SLI over one slice, as a raw ratio of failures read from
//     Prometheus; without o.SLI, indicatorRef names the SLI "<name>-errors",
//     to be defined as an OpenSLO SLI object of its own;
//   - annotations for what v1 cannot express: the maintenance window and the
//     notice after which other maintenance is planned, both left out of the
//     month by the contract's formula (T − P − U) / (T − P), and the shortest
//     run of bad slices that counts as down when o.Slices.MinRun is above 1.
//
// An objective of 100 % is refused: OpenSLO wants a target below 1. Every
// problem of o and of the policy is reported at once.
func OpenSLO(e *sla.Engine, at time.Time, o Options) (SLO, error) {
	ob, err := resolve(e, at, o, true)
	if err != nil {
		return SLO{}, err
	}
	// The wall-clock text of the month's first day, not an instant: where
	// midnight does not exist (a zone that skips it), the reader resolves it
	// as the contract does.
	local := at.In(ob.loc)
	start := fmt.Sprintf("%04d-%02d-01 00:00:00", local.Year(), int(local.Month()))
	window := shorthand(ob.slice)
	annotations := map[string]string{
		AnnotationCustomer:    ob.customer,
		AnnotationPolicy:      ob.policy,
		AnnotationMaintenance: ob.maintenance,
		AnnotationNotice:      ob.notice,
		AnnotationFormula:     "(T - P - U) / (T - P): planned maintenance P is neither uptime nor downtime",
	}
	if ob.minRun > 1 {
		annotations[AnnotationMinRun] = strconv.Itoa(ob.minRun)
	}
	return SLO{
		APIVersion: APIVersion,
		Kind:       KindSLO,
		Metadata: Metadata{
			Name:        ob.name,
			DisplayName: shortName(displayName(ob.customer), " availability"),
			Annotations: annotations,
		},
		Spec: SLOSpec{
			Description: "Monthly availability objective of the support contract, per calendar month in the customer's time zone. " +
				"Planned maintenance does not count (see the annotations): OpenSLO v1 has no field for it, so leave it out of the SLI.",
			Service:      ob.name,
			Indicator:    indicator(ob, window),
			IndicatorRef: indicatorRef(ob),
			TimeWindow: []TimeWindow{{
				Duration:  "1M",
				IsRolling: false,
				Calendar:  Calendar{StartTime: start, TimeZone: ob.zone},
			}},
			BudgetingMethod: "Timeslices",
			Objectives: []Objective{{
				DisplayName:     "contract availability",
				Target:          json.Number(ob.target.String()),
				TimeSliceTarget: json.Number(ob.sliceTarget.String()),
				TimeSliceWindow: window,
			}},
		},
	}, nil
}

// indicator is the inline SLI: o.SLI over one slice, a raw ratio of
// failures read from Prometheus; nil without an SLI query.
func indicator(ob objective, window string) *Indicator {
	if ob.sli == "" {
		return nil
	}
	return &Indicator{
		Metadata: Metadata{Name: ob.name + "-errors", DisplayName: "error ratio"},
		Spec: IndicatorSpec{RatioMetric: RatioMetric{
			RawType: "failure",
			Raw:     Metric{MetricSource{Type: "Prometheus", Spec: QuerySource{Query: expand(ob.sli, window)}}},
		}},
	}
}

// indicatorRef names the SLI the document refers to when it has no query.
func indicatorRef(ob objective) string {
	if ob.sli != "" {
		return ""
	}
	return ob.name + "-errors"
}

// displayName is the customer's name, or "Service" when the contract has none.
func displayName(customer string) string {
	if customer == "" {
		return "Service"
	}
	return customer
}

// shortName is name+suffix within the 63 characters OpenSLO allows a display
// name, the name cut short with "…" when needed.
func shortName(name, suffix string) string {
	const limit = 63
	r := []rune(name)
	if room := limit - utf8.RuneCountInString(suffix); len(r) > room {
		r = append(r[:room-1], '…')
	}
	return string(r) + suffix
}

// WriteJSON writes the document as indented JSON, which YAML readers read.
func (s SLO) WriteJSON(w io.Writer) error { return writeJSON(w, s) }

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

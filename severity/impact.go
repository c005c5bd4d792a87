package severity

import (
	"strings"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
)

// Impact holds the plain facts support records about an incident, each a yes or
// no question taken from the level definitions of R5. [Classify] turns them
// into a [Level]. The zero Impact states nothing, which is an error to classify.
//
// Facts need not be consistent with each other; the most severe one decides (see
// [Classify]).
type Impact struct {
	// ServiceUnavailable: the service is unavailable or down.
	ServiceUnavailable bool `json:"service_unavailable,omitempty"`
	// PlannedMaintenance: the unavailability is caused by planned maintenance.
	PlannedMaintenance bool `json:"planned_maintenance,omitempty"`
	// EssentialFeaturesBlocked: a defect or heavy latency blocks essential
	// features, or all of them.
	EssentialFeaturesBlocked bool `json:"essential_features_blocked,omitempty"`
	// WorkStopped: the customer's work is stopped, or affected so much that it
	// cannot reasonably go on.
	WorkStopped bool `json:"work_stopped,omitempty"`
	// HeavyLatency: the application answers with heavy latency.
	HeavyLatency bool `json:"heavy_latency,omitempty"`
	// MajorImpact: there is a major impact on productivity or service levels.
	MajorImpact bool `json:"major_impact,omitempty"`
	// ReducedScope: work goes on, but in a limited or reduced scope.
	ReducedScope bool `json:"reduced_scope,omitempty"`
	// MinorLoss: there is a minor loss of service.
	MinorLoss bool `json:"minor_loss,omitempty"`
	// WorkaroundAvailable: the problem is an inconvenience that a workaround can
	// get around until full functionality is restored.
	WorkaroundAvailable bool `json:"workaround_available,omitempty"`
}

// UnmarshalJSON reads an Impact strictly, as every record of user data: an
// unknown fact, a fact written twice or anything after the object is an error,
// a [*FieldError] naming the key.
func (i *Impact) UnmarshalJSON(b []byte) error {
	type plain Impact
	return jsonx.Decode(b, (*plain)(i))
}

// Classify returns the level of R5 for the facts in i. The first row of
// this decision table whose condition holds gives the answer:
//
//	| condition                                             | result            |
//	|-------------------------------------------------------|-------------------|
//	| ServiceUnavailable and not PlannedMaintenance         | Sev1              |
//	| EssentialFeaturesBlocked or WorkStopped               | Sev2              |
//	| MajorImpact or ReducedScope or HeavyLatency           | Sev3              |
//	| MinorLoss or WorkaroundAvailable                      | Sev4              |
//	| ServiceUnavailable (so caused by planned maintenance) | error ErrPlanned  |
//	| none of the facts                                     | error ErrNoImpact |
//
// So the most severe fact decides, and adding a fact never makes the level less
// severe, with one deliberate exception: PlannedMaintenance takes away the
// severity 1 of an unavailability (planned maintenance is never severity 1). An
// outage explained by planned maintenance alone is planned downtime (R11), not an
// incident, hence the error; any other stated fact still classifies it.
//
// Two readings where R5 is terse:
//   - HeavyLatency is severity 2 only when it blocks essential features (set
//     EssentialFeaturesBlocked too); heavy latency alone is a major impact on
//     service levels, severity 3.
//   - WorkaroundAvailable never lowers a level: R5 lists it under severity 4 as a
//     mark of an inconvenience, and the workaround target of the more severe
//     levels exists precisely because they keep their level while a workaround
//     is sought.
//
// The error is a [*FieldError] whose value lists the facts (see
// [Impact.String]) and which wraps [ErrPlanned] or [ErrNoImpact]; Classify
// never guesses.
func Classify(i Impact) (Level, error) {
	switch {
	case i.ServiceUnavailable && !i.PlannedMaintenance:
		return Sev1, nil
	case i.EssentialFeaturesBlocked || i.WorkStopped:
		return Sev2, nil
	case i.MajorImpact || i.ReducedScope || i.HeavyLatency:
		return Sev3, nil
	case i.MinorLoss || i.WorkaroundAvailable:
		return Sev4, nil
	case i.ServiceUnavailable:
		return 0, &FieldError{Value: i.String(), Err: errPlanned}
	}
	return 0, &FieldError{Value: i.String(), Err: errNoImpact}
}

var (
	errPlanned  = fault.Want(ErrPlanned, "want another fact to classify it: planned downtime alone has no severity")
	errNoImpact = fault.Want(ErrNoImpact, "want at least one fact, such as service_unavailable or minor_loss")
)

// String lists the facts that are set, such as "{service unavailable, planned
// maintenance}", or "{}" for the zero Impact.
func (i Impact) String() string {
	facts := [...]struct {
		set  bool
		name string
	}{
		{i.ServiceUnavailable, "service unavailable"},
		{i.PlannedMaintenance, "planned maintenance"},
		{i.EssentialFeaturesBlocked, "essential features blocked"},
		{i.WorkStopped, "work stopped"},
		{i.HeavyLatency, "heavy latency"},
		{i.MajorImpact, "major impact"},
		{i.ReducedScope, "reduced scope"},
		{i.MinorLoss, "minor loss"},
		{i.WorkaroundAvailable, "workaround available"},
	}
	var b strings.Builder
	b.WriteByte('{')
	for _, f := range facts {
		if f.set {
			if b.Len() > 1 {
				b.WriteString(", ")
			}
			b.WriteString(f.name)
		}
	}
	b.WriteByte('}')
	return b.String()
}

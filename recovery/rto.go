package recovery

import (
	"fmt"
	"time"
)

// Incident is a disruption as far as the recovery time objective is concerned. The RTO
// clock runs on elapsed (continuous) time from Reported to Restored; Started, when
// known, only yields the detection lag.
type Incident struct {
	Started  time.Time // when the disruption began; zero when unknown (no detection lag)
	Reported time.Time // when it was reported: the RTO clock starts
	Restored time.Time // when the service was restored: the RTO clock stops
}

// RTOResult is the outcome of an RTO check: the measured time, the objective, the
// margin and the verdict, with the incident's instants as evidence. The zero value
// is not a valid result; results come from [CheckRTO] and [Incident.Check].
type RTOResult struct {
	Started      time.Time     // as given; zero when unknown
	Reported     time.Time     // start of the measure
	Restored     time.Time     // end of the measure
	Took         time.Duration // Restored − Reported in elapsed time
	Objective    time.Duration // the RTO
	Margin       time.Duration // Objective − Took; negative when missed
	Met          bool          // Took ≤ Objective
	DetectionLag time.Duration // Reported − Started; 0 when Started is zero
}

// CheckRTO measures the elapsed time from reported to restored against objective.
// It is [Incident.Check] with an unknown start.
func CheckRTO(reported, restored time.Time, objective time.Duration) (RTOResult, error) {
	return Incident{Reported: reported, Restored: restored}.Check(objective)
}

// Check measures the incident against the recovery time objective: Took is the
// elapsed time from Reported to Restored, whatever the time zones and DST changes
// (reported 00:30 Europe/Paris on the fall-back day and restored 00:00 the next day
// took 24h30m), and the objective is met when Took ≤ objective (exactly the
// objective is met).
//
// It returns an [*InputError] when Reported or Restored is zero ([ErrZeroTime]),
// Restored is before Reported or Started after Reported ([ErrReversed]), or the
// objective is not positive ([ErrObjective]).
func (in Incident) Check(objective time.Duration) (RTOResult, error) {
	started, reported, restored := in.Started.Round(0), in.Reported.Round(0), in.Restored.Round(0)
	if err := checkInstant("reported", reported); err != nil {
		return RTOResult{}, err
	}
	if err := checkInstant("restored", restored); err != nil {
		return RTOResult{}, err
	}
	if restored.Before(reported) {
		return RTOResult{}, timeError("restored", -1, restored,
			fmt.Errorf("%w: before reported %s", ErrReversed, stamp(reported)))
	}
	if !started.IsZero() && started.After(reported) {
		return RTOResult{}, timeError("started", -1, started,
			fmt.Errorf("%w: after reported %s", ErrReversed, stamp(reported)))
	}
	if err := checkObjective(objective); err != nil {
		return RTOResult{}, err
	}
	took := restored.Sub(reported)
	r := RTOResult{
		Started:   started,
		Reported:  reported,
		Restored:  restored,
		Took:      took,
		Objective: objective,
		Margin:    objective - took,
		Met:       took <= objective,
	}
	if !started.IsZero() {
		r.DetectionLag = reported.Sub(started)
	}
	return r, nil
}

// String returns a one-line summary such as "took 24h0m0s of 24h0m0s: met (margin
// 0s)", followed by ", detection lag 15m0s" when the start is known.
func (r RTOResult) String() string {
	s := fmt.Sprintf("took %v of %v: %s (margin %v)", r.Took, r.Objective, verdict(r.Met), r.Margin)
	if !r.Started.IsZero() {
		s += fmt.Sprintf(", detection lag %v", r.DetectionLag)
	}
	return s
}

func verdict(met bool) string {
	if met {
		return "met"
	}
	return "missed"
}

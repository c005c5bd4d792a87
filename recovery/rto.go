package recovery

import (
	"time"

	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/jsonx"
)

// Incident is a disruption as far as the recovery time objective is concerned. The RTO
// clock runs on elapsed (continuous) time from Reported to Restored; Started, when
// known, only yields the detection lag. An incident still open has a zero Restored:
// [Incident.CheckAt] measures it as of an instant.
//
// In JSON an Incident is {"started":…,"reported":…,"restored":…}, instants in RFC
// 3339; started and restored are omitted when zero.
type Incident struct {
	Started  time.Time `json:"started,omitzero"`  // when the disruption began; zero when unknown (no detection lag)
	Reported time.Time `json:"reported"`          // when it was reported: the RTO clock starts
	Restored time.Time `json:"restored,omitzero"` // when the service was restored: the RTO clock stops; zero while ongoing
}

// MarshalJSON writes the JSON form described on [Incident].
func (in Incident) MarshalJSON() ([]byte, error) { return jsonx.Marshal(in) }

// UnmarshalJSON reads the JSON form described on [Incident], strictly: an
// unknown key, a key written twice or anything after the object is an error,
// a [*FieldError] naming the key.
func (in *Incident) UnmarshalJSON(b []byte) error {
	type plain Incident
	return decode(b, (*plain)(in))
}

// RTOResult is the outcome of an RTO check: the measured time, the objective, the
// margin and the verdict, with the incident's instants as evidence. The zero value
// is not a valid result; results come from [CheckRTO], [Incident.Check] and
// [Incident.CheckAt].
//
// An ongoing incident (Ongoing set, Restored zero) is measured up to the instant
// given to CheckAt: Took is the time so far, and Met says the objective is not
// breached yet. Once breached, an ongoing incident stays breached.
//
// In JSON durations are text such as "24h" or "1h30m" (Go's duration syntax
// without zero units).
type RTOResult struct {
	Started      time.Time     `json:"started,omitzero"`  // as given; zero when unknown
	Reported     time.Time     `json:"reported"`          // start of the measure
	Restored     time.Time     `json:"restored,omitzero"` // end of the measure; zero while ongoing
	Took         time.Duration `json:"took"`              // Restored − Reported in elapsed time; so far, while ongoing
	Objective    time.Duration `json:"objective"`         // the RTO
	Margin       time.Duration `json:"margin"`            // Objective − Took; negative when missed
	Met          bool          `json:"met"`               // Took ≤ Objective: met, or while ongoing not breached yet
	Ongoing      bool          `json:"ongoing,omitempty"` // not restored at the instant of the check
	DetectionLag time.Duration `json:"detection_lag"`     // Reported − Started; 0 when Started is zero
}

// MarshalJSON writes the result with snake_case names and durations as text.
func (r RTOResult) MarshalJSON() ([]byte, error) { return jsonx.Marshal(r) }

// UnmarshalJSON reads the form MarshalJSON writes, strictly.
func (r *RTOResult) UnmarshalJSON(b []byte) error {
	type plain RTOResult
	return decode(b, (*plain)(r))
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
// objective is met; I13).
//
// It returns a [*FieldError] when Reported or Restored is zero ([ErrZeroTime];
// [Incident.CheckAt] measures an incident still open), Restored is before Reported
// or Started after Reported ([ErrReversed]), or the objective is not positive
// ([ErrObjective]).
func (in Incident) Check(objective time.Duration) (RTOResult, error) {
	in = in.strip()
	if err := checkInstant("reported", in.Reported, whatReported); err != nil {
		return RTOResult{}, err
	}
	if err := checkInstant("restored", in.Restored, "the instant the service was restored (CheckAt measures an incident still open)"); err != nil {
		return RTOResult{}, err
	}
	if err := in.check(objective); err != nil {
		return RTOResult{}, err
	}
	return in.result(in.Restored, objective), nil
}

// CheckAt measures the incident as of now, an instant the caller passes (nothing
// here reads the clock). An incident restored by now gives the result of
// [Incident.Check]. An incident still open (zero Restored) is ongoing: Took is the
// elapsed time from Reported to now, Margin what is left of the objective (negative
// once breached), and Met reports that the objective is not breached yet at now
// (Took ≤ objective; I13).
//
// Besides the errors of Check, it returns a [*FieldError] wrapping [ErrZeroTime]
// for a zero now and [ErrFuture] when Reported or Restored is after now: a fact
// nobody can know yet.
func (in Incident) CheckAt(now time.Time, objective time.Duration) (RTOResult, error) {
	in, now = in.strip(), now.Round(0)
	if err := checkInstant("reported", in.Reported, whatReported); err != nil {
		return RTOResult{}, err
	}
	if err := checkInstant("now", now, "the instant of the check"); err != nil {
		return RTOResult{}, err
	}
	if err := in.check(objective); err != nil {
		return RTOResult{}, err
	}
	if in.Reported.After(now) {
		return RTOResult{}, timeError("reported", in.Reported, ErrFuture, "want an instant at or before now "+stamp(now))
	}
	if in.Restored.IsZero() {
		r := in.result(now, objective)
		r.Ongoing = true
		return r, nil
	}
	if in.Restored.After(now) {
		return RTOResult{}, timeError("restored", in.Restored, ErrFuture, "want an instant at or before now "+stamp(now)+", or none while the incident is ongoing")
	}
	return in.result(in.Restored, objective), nil
}

const whatReported = "the instant the disruption was reported"

// strip returns the incident without monotonic clock readings.
func (in Incident) strip() Incident {
	return Incident{Started: in.Started.Round(0), Reported: in.Reported.Round(0), Restored: in.Restored.Round(0)}
}

// check validates what Check and CheckAt share: Reported set, Restored (when
// set) not before it, Started (when set) not after it, a positive objective.
func (in Incident) check(objective time.Duration) error {
	if err := checkInstant("reported", in.Reported, whatReported); err != nil {
		return err
	}
	if !in.Restored.IsZero() && in.Restored.Before(in.Reported) {
		return timeError("restored", in.Restored, ErrReversed, "want an instant at or after reported "+stamp(in.Reported))
	}
	if !in.Started.IsZero() && in.Started.After(in.Reported) {
		return timeError("started", in.Started, ErrReversed, "want an instant at or before reported "+stamp(in.Reported))
	}
	return checkObjective(objective)
}

// result measures the incident up to end.
func (in Incident) result(end time.Time, objective time.Duration) RTOResult {
	took := end.Sub(in.Reported)
	r := RTOResult{
		Started:   in.Started,
		Reported:  in.Reported,
		Restored:  in.Restored,
		Took:      took,
		Objective: objective,
		Margin:    objective - took,
		Met:       took <= objective,
	}
	if !in.Started.IsZero() {
		r.DetectionLag = in.Reported.Sub(in.Started)
	}
	return r
}

// String returns a one-line summary such as "took 24h of 24h: met (margin 0s)",
// followed by ", detection lag 15m" when the start is known. An ongoing incident
// reads "ongoing, 3h so far of 24h: not breached yet (margin 21h)" or "ongoing,
// 30h so far of 24h: breached (margin -6h)".
func (r RTOResult) String() string {
	var s string
	switch {
	case !r.Ongoing:
		s = "took " + dur.Format(r.Took) + " of " + dur.Format(r.Objective) + ": " + verdict(r.Met)
	case r.Met:
		s = "ongoing, " + dur.Format(r.Took) + " so far of " + dur.Format(r.Objective) + ": not breached yet"
	default:
		s = "ongoing, " + dur.Format(r.Took) + " so far of " + dur.Format(r.Objective) + ": breached"
	}
	s += " (margin " + dur.Format(r.Margin) + ")"
	if !r.Started.IsZero() {
		s += ", detection lag " + dur.Format(r.DetectionLag)
	}
	return s
}

func verdict(met bool) string {
	if met {
		return "met"
	}
	return "missed"
}

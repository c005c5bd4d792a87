package recovery

import (
	"encoding/json"
	"time"
)

// The JSON forms use snake_case names and write durations as Go duration
// strings ("24h0m0s"), like the rest of slakit's reports. Zero times are
// omitted.

type jsonDuration time.Duration

func (d jsonDuration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

func (d *jsonDuration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	*d = jsonDuration(v)
	return err
}

type incidentJSON struct {
	Started  time.Time `json:"started,omitzero"`
	Reported time.Time `json:"reported"`
	Restored time.Time `json:"restored"`
}

// MarshalJSON writes {"started":…,"reported":…,"restored":…}.
func (in Incident) MarshalJSON() ([]byte, error) { return json.Marshal(incidentJSON(in)) }

// UnmarshalJSON reads the form MarshalJSON writes.
func (in *Incident) UnmarshalJSON(b []byte) error {
	var v incidentJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*in = Incident(v)
	return nil
}

type pointJSON struct {
	At     time.Time `json:"at"`
	Stored time.Time `json:"stored,omitzero"`
}

// MarshalJSON writes {"at":…,"stored":…}.
func (p Point) MarshalJSON() ([]byte, error) { return json.Marshal(pointJSON(p)) }

// UnmarshalJSON reads the form MarshalJSON writes.
func (p *Point) UnmarshalJSON(b []byte) error {
	var v pointJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*p = Point(v)
	return nil
}

type rtoJSON struct {
	Started      time.Time    `json:"started,omitzero"`
	Reported     time.Time    `json:"reported"`
	Restored     time.Time    `json:"restored"`
	Took         jsonDuration `json:"took"`
	Objective    jsonDuration `json:"objective"`
	Margin       jsonDuration `json:"margin"`
	Met          bool         `json:"met"`
	DetectionLag jsonDuration `json:"detection_lag"`
}

// MarshalJSON writes the result with snake_case names and duration strings.
func (r RTOResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(rtoJSON{r.Started, r.Reported, r.Restored, jsonDuration(r.Took), jsonDuration(r.Objective),
		jsonDuration(r.Margin), r.Met, jsonDuration(r.DetectionLag)})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (r *RTOResult) UnmarshalJSON(b []byte) error {
	var v rtoJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = RTOResult{v.Started, v.Reported, v.Restored, time.Duration(v.Took), time.Duration(v.Objective),
		time.Duration(v.Margin), v.Met, time.Duration(v.DetectionLag)}
	return nil
}

type gapJSON struct {
	From     time.Time    `json:"from"`
	Since    time.Time    `json:"since"`
	To       time.Time    `json:"to"`
	Duration jsonDuration `json:"duration"`
	Breach   jsonDuration `json:"breach"`
	NoPoint  bool         `json:"no_point,omitempty"`
}

// MarshalJSON writes the gap with snake_case names and duration strings.
func (g Gap) MarshalJSON() ([]byte, error) {
	return json.Marshal(gapJSON{g.From, g.Since, g.To, jsonDuration(g.Duration), jsonDuration(g.Breach), g.NoPoint})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (g *Gap) UnmarshalJSON(b []byte) error {
	var v gapJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*g = Gap{v.From, v.Since, v.To, time.Duration(v.Duration), time.Duration(v.Breach), v.NoPoint}
	return nil
}

type exposureJSON struct {
	Start     time.Time    `json:"start"`
	End       time.Time    `json:"end"`
	Objective jsonDuration `json:"objective"`
	Worst     Gap          `json:"worst"`
	Breach    jsonDuration `json:"breach"`
	Breaching []Gap        `json:"breaching,omitempty"`
	Margin    jsonDuration `json:"margin"`
	Met       bool         `json:"met"`
}

// MarshalJSON writes the result with snake_case names and duration strings.
func (r ExposureResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(exposureJSON{r.Start, r.End, jsonDuration(r.Objective), r.Worst, jsonDuration(r.Breach),
		r.Breaching, jsonDuration(r.Margin), r.Met})
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (r *ExposureResult) UnmarshalJSON(b []byte) error {
	var v exposureJSON
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*r = ExposureResult{v.Start, v.End, time.Duration(v.Objective), v.Worst, time.Duration(v.Breach),
		v.Breaching, time.Duration(v.Margin), v.Met}
	return nil
}

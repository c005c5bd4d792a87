package recovery_test

import (
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/slakit/slakit/recovery"
)

func TestCheckRTO(t *testing.T) {
	paris := mustLoc(t, "Europe/Paris")
	utc := func(d, h, m, s int) time.Time { return time.Date(2026, 6, d, h, m, s, 0, time.UTC) }
	day := 24 * time.Hour
	tests := []struct {
		name               string
		reported, restored time.Time
		objective          time.Duration
		took, margin       time.Duration
		met                bool
	}{
		{"I13: exactly 24 h is met", utc(10, 9, 0, 0), utc(11, 9, 0, 0), day, day, 0, true},
		{"I13: one second later is missed", utc(10, 9, 0, 0), utc(11, 9, 0, 1), day, day + time.Second, -time.Second, false},
		{"restored at once", utc(10, 9, 0, 0), utc(10, 9, 0, 0), day, 0, day, true},
		{"well inside", utc(10, 9, 0, 0), utc(10, 13, 30, 0), day, 4*time.Hour + 30*time.Minute, 19*time.Hour + 30*time.Minute, true},
		{
			"elapsed time across fall-back DST: 24.5 h",
			time.Date(2026, 10, 25, 0, 30, 0, 0, paris), time.Date(2026, 10, 26, 0, 0, 0, 0, paris),
			day, day + 30*time.Minute, -30 * time.Minute, false,
		},
		{
			"elapsed time across spring-forward DST: 23 h",
			time.Date(2026, 3, 29, 0, 0, 0, 0, paris), time.Date(2026, 3, 30, 0, 0, 0, 0, paris),
			day, 23 * time.Hour, time.Hour, true,
		},
		{
			"zones differ, instants count",
			time.Date(2026, 6, 10, 11, 0, 0, 0, paris), utc(11, 9, 0, 0),
			day, day, 0, true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := recovery.CheckRTO(tt.reported, tt.restored, tt.objective)
			if err != nil {
				t.Fatal(err)
			}
			if got.Took != tt.took || got.Margin != tt.margin || got.Met != tt.met || got.Objective != tt.objective {
				t.Errorf("got took %v margin %v met %v objective %v, want %v %v %v %v",
					got.Took, got.Margin, got.Met, got.Objective, tt.took, tt.margin, tt.met, tt.objective)
			}
			if !got.Reported.Equal(tt.reported) || !got.Restored.Equal(tt.restored) {
				t.Errorf("evidence %v → %v, want %v → %v", got.Reported, got.Restored, tt.reported, tt.restored)
			}
			if got.DetectionLag != 0 || !got.Started.IsZero() {
				t.Errorf("detection lag %v, started %v with no start", got.DetectionLag, got.Started)
			}
		})
	}
}

func TestIncidentCheckDetectionLag(t *testing.T) {
	in := recovery.Incident{
		Started:  time.Date(2026, 6, 10, 8, 45, 0, 0, time.UTC),
		Reported: time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC),
		Restored: time.Date(2026, 6, 10, 12, 0, 0, 0, time.UTC),
	}
	got, err := in.Check(4 * time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	// The RTO clock starts at the report, not at the start.
	if got.DetectionLag != 15*time.Minute || got.Took != 3*time.Hour || got.Margin != time.Hour || !got.Met {
		t.Errorf("got %+v", got)
	}
	if s, want := got.String(), "took 3h of 4h: met (margin 1h), detection lag 15m"; s != want {
		t.Errorf("String() = %q, want %q", s, want)
	}

	in.Started = in.Reported
	got, err = in.Check(4 * time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if got.DetectionLag != 0 || !got.Started.Equal(in.Reported) {
		t.Errorf("started when reported: got %+v", got)
	}
}

func TestRTOResultString(t *testing.T) {
	rep := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		r    recovery.RTOResult
		want string
	}{
		{must(recovery.CheckRTO(rep, rep.Add(24*time.Hour), 24*time.Hour)), "took 24h of 24h: met (margin 0s)"},
		{must(recovery.CheckRTO(rep, rep.Add(24*time.Hour+time.Second), 24*time.Hour)), "took 24h0m1s of 24h: missed (margin -1s)"},
		{recovery.RTOResult{}, "took 0s of 0s: missed (margin 0s)"},
	}
	for _, tt := range tests {
		if got := tt.r.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestCheckRTOErrors(t *testing.T) {
	rep := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		in       recovery.Incident
		obj      time.Duration
		field    string
		sentinel error
	}{
		{"zero reported", recovery.Incident{Restored: rep}, time.Hour, "reported", recovery.ErrZeroTime},
		{"zero restored", recovery.Incident{Reported: rep}, time.Hour, "restored", recovery.ErrZeroTime},
		{"restored before reported", recovery.Incident{Reported: rep, Restored: rep.Add(-time.Nanosecond)}, time.Hour, "restored", recovery.ErrReversed},
		{"started after reported", recovery.Incident{Started: rep.Add(time.Second), Reported: rep, Restored: rep}, time.Hour, "started", recovery.ErrReversed},
		{"zero objective", recovery.Incident{Reported: rep, Restored: rep}, 0, "objective", recovery.ErrObjective},
		{"negative objective", recovery.Incident{Reported: rep, Restored: rep}, -time.Hour, "objective", recovery.ErrObjective},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.in.Check(tt.obj)
			wantFieldError(t, err, tt.sentinel, tt.field, -1)
		})
	}
}

func TestCheckRTOStripsMonotonic(t *testing.T) {
	now := time.Now() // carries a monotonic reading
	got := must(recovery.CheckRTO(now, now.Add(time.Minute), time.Hour))
	// == compares the monotonic reading too.
	if got.Reported != now.Round(0) || got.Restored != now.Add(time.Minute).Round(0) {
		t.Errorf("monotonic readings kept: %#v, %#v", got.Reported, got.Restored)
	}
}

// checkRTO: on any input, CheckRTO either fails with an *FieldError for the reason the
// input shows, or measures exactly the elapsed time.
func checkRTO(t *rapid.T) {
	in := recovery.Incident{
		Started:  anyTime("started").Draw(t, "started"),
		Reported: anyTime("reported").Draw(t, "reported"),
		Restored: anyTime("restored").Draw(t, "restored"),
	}
	obj := anyObjective(t)
	got, err := in.Check(obj)
	var want error
	switch {
	case in.Reported.IsZero(), in.Restored.IsZero():
		want = recovery.ErrZeroTime
	case in.Restored.Before(in.Reported), !in.Started.IsZero() && in.Started.After(in.Reported):
		want = recovery.ErrReversed
	case obj <= 0:
		want = recovery.ErrObjective
	}
	if want != nil {
		if !errors.Is(err, want) {
			t.Fatalf("got error %v, want %v", err, want)
		}
		checkFieldError(t, err)
		return
	}
	if err != nil {
		t.Fatalf("unexpected error %v", err)
	}
	took := in.Restored.Sub(in.Reported)
	if got.Took != took || got.Objective != obj || got.Margin != obj-took || got.Met != (took <= obj) {
		t.Fatalf("got %+v for took %v, objective %v", got, took, obj)
	}
	if !in.Started.IsZero() && got.DetectionLag != in.Reported.Sub(in.Started) {
		t.Fatalf("detection lag %v, want %v", got.DetectionLag, in.Reported.Sub(in.Started))
	}
	if in.Started.IsZero() && got.DetectionLag != 0 {
		t.Fatalf("detection lag %v with no start", got.DetectionLag)
	}
	if plain, err := recovery.CheckRTO(in.Reported, in.Restored, obj); err != nil || plain.Took != got.Took || plain.Met != got.Met {
		t.Fatalf("CheckRTO = %v, %v; Incident.Check = %v", plain, err, got)
	}
	_ = got.String()
}

func TestCheckRTOProperties(t *testing.T) { rapid.Check(t, checkRTO) }
func FuzzCheckRTO(f *testing.F)           { f.Fuzz(rapid.MakeFuzz(checkRTO)) }

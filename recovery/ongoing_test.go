package recovery_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"pgregory.net/rapid"

	"github.com/slakit/slakit/recovery"
)

// Issue 12: one incident still open (no restored) made the whole month fail
// with `restored "0001-01-01T00:09:21+00:09": zero time`. Checked as of now,
// it is ongoing: the time so far, breached or not yet.
func TestOneIncidentStillOpenIsOngoingNotAnError(t *testing.T) {
	paris := mustLoc(t, "Europe/Paris")
	reported := time.Date(2026, 6, 29, 22, 0, 0, 0, paris)
	open := recovery.Incident{Started: reported.Add(-20 * time.Minute), Reported: reported}
	tests := []struct {
		now    time.Time
		took   time.Duration
		met    bool
		margin time.Duration
		text   string
	}{
		{reported.Add(3 * time.Hour), 3 * time.Hour, true, 21 * time.Hour, "ongoing, 3h so far of 24h: not breached yet (margin 21h), detection lag 20m"},
		{reported.Add(24 * time.Hour), 24 * time.Hour, true, 0, "ongoing, 24h so far of 24h: not breached yet (margin 0s), detection lag 20m"},
		{reported.Add(30 * time.Hour), 30 * time.Hour, false, -6 * time.Hour, "ongoing, 30h so far of 24h: breached (margin -6h), detection lag 20m"},
		{reported, 0, true, 24 * time.Hour, "ongoing, 0s so far of 24h: not breached yet (margin 24h), detection lag 20m"},
	}
	for _, tt := range tests {
		r, err := open.CheckAt(tt.now, 24*time.Hour)
		if err != nil {
			t.Fatalf("at %v: %v", tt.now, err)
		}
		if !r.Ongoing || r.Took != tt.took || r.Met != tt.met || r.Margin != tt.margin || !r.Restored.IsZero() ||
			r.DetectionLag != 20*time.Minute || !r.Reported.Equal(reported) {
			t.Errorf("at %v: %+v", tt.now, r)
		}
		if r.String() != tt.text {
			t.Errorf("String() = %q, want %q", r, tt.text)
		}
	}
	// Check alone still says what is missing, and where to look.
	_, err := open.Check(24 * time.Hour)
	if !errors.Is(err, recovery.ErrZeroTime) || err.Error() != "restored: zero time: want the instant the service was restored (CheckAt measures an incident still open)" {
		t.Errorf("Check: %v", err)
	}
	// Restored by now: the same as Check.
	done := open
	done.Restored = reported.Add(25 * time.Hour)
	r, err := done.CheckAt(reported.Add(40*time.Hour), 24*time.Hour)
	want := must(done.Check(24 * time.Hour))
	if err != nil || r != want || r.Ongoing {
		t.Errorf("restored incident: %+v, %v; want %+v", r, err, want)
	}
	// The JSON says it is ongoing and has no restored instant.
	b, err := json.Marshal(must(open.CheckAt(reported.Add(30*time.Hour), 24*time.Hour)))
	wantJSON := `{"started":"2026-06-29T21:40:00+02:00","reported":"2026-06-29T22:00:00+02:00","took":"30h","objective":"24h","margin":"-6h","met":false,"ongoing":true,"detection_lag":"20m"}`
	if err != nil || string(b) != wantJSON {
		t.Errorf("JSON %s, %v; want %s", b, err, wantJSON)
	}
}

// checkCheckAt: on any input, CheckAt fails for the reason the input shows, or
// measures up to the restoration (the same as Check) or, while ongoing, up to now.
func checkCheckAt(t *rapid.T) {
	in := recovery.Incident{
		Started:  anyTime("started").Draw(t, "started"),
		Reported: anyTime("reported").Draw(t, "reported"),
		Restored: anyTime("restored").Draw(t, "restored"),
	}
	now := anyTime("now").Draw(t, "now")
	obj := anyObjective(t)
	got, err := in.CheckAt(now, obj)
	var want error
	switch {
	case in.Reported.IsZero(), now.IsZero():
		want = recovery.ErrZeroTime
	case !in.Restored.IsZero() && in.Restored.Before(in.Reported), !in.Started.IsZero() && in.Started.After(in.Reported):
		want = recovery.ErrReversed
	case obj <= 0:
		want = recovery.ErrObjective
	case in.Reported.After(now), in.Restored.After(now):
		want = recovery.ErrFuture
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
	if !in.Restored.IsZero() {
		if check, err := in.Check(obj); err != nil || check != got || got.Ongoing {
			t.Fatalf("CheckAt = %+v; Check = %+v, %v", got, check, err)
		}
		return
	}
	took := now.Sub(in.Reported)
	if !got.Ongoing || got.Took != took || got.Margin != obj-took || got.Met != (took <= obj) || !got.Restored.IsZero() {
		t.Fatalf("ongoing: got %+v for took %v, objective %v", got, took, obj)
	}
	_ = got.String()
}

func TestCheckAtProperties(t *testing.T) { rapid.Check(t, checkCheckAt) }
func FuzzCheckAt(f *testing.F)           { f.Fuzz(rapid.MakeFuzz(checkCheckAt)) }

package severity_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/severity"
)

func TestClockText(t *testing.T) {
	tests := map[severity.Clock]string{0: "%!Clock(0)", severity.Business: "business", severity.Continuous: "continuous", 7: "%!Clock(7)"}
	for c, want := range tests {
		if got := c.String(); got != want {
			t.Errorf("Clock(%d).String() = %q, want %q", uint8(c), got, want)
		}
	}
	for _, c := range []severity.Clock{severity.Business, severity.Continuous} {
		b, err := c.MarshalText()
		var back severity.Clock
		if err != nil || back.UnmarshalText(b) != nil || back != c {
			t.Errorf("text round trip of %v: %q, %v, %v", c, b, err, back)
		}
	}
	if b, err := severity.Clock(0).MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("zero Clock MarshalText = %q, %v", b, err)
	}
	c := severity.Business
	if err := c.UnmarshalText(nil); err != nil || c != 0 {
		t.Errorf("UnmarshalText(empty) = %v, %v", c, err)
	}
	if err := c.UnmarshalText([]byte("Business")); !errors.Is(err, severity.ErrClock) || err.Error() != `"Business": missing or misplaced clock: want "business" or "continuous"` {
		t.Errorf(`UnmarshalText("Business") error %v`, err)
	}
	if _, err := severity.Clock(7).MarshalText(); !errors.Is(err, severity.ErrInvalid) || err.Error() != `"7": invalid value: not a valid Clock` {
		t.Errorf("Clock(7).MarshalText error %v", err)
	}
}

func TestClockAdd(t *testing.T) {
	fri := at(paris, 2026, time.March, 27, 16, 0) // a worked example of the rules
	tests := []struct {
		name     string
		clock    severity.Clock
		business bool
		start    time.Time
		d        time.Duration
		want     time.Time
	}{
		{"business from Friday 16:00", severity.Business, true, fri, 4 * time.Hour, at(paris, 2026, time.March, 30, 10, 0)},
		{"business from Saturday", severity.Business, true, at(paris, 2026, time.May, 2, 10, 0), 8 * time.Hour, at(paris, 2026, time.May, 4, 16, 0)},
		// 24 elapsed hours across the spring-forward night read 13:00 the next day.
		{"continuous across DST", severity.Continuous, true, at(paris, 2026, time.March, 28, 12, 0), 24 * time.Hour, at(paris, 2026, time.March, 29, 13, 0)},
		{"continuous without calendar", severity.Continuous, false, fri, 90 * time.Minute, fri.Add(90 * time.Minute)},
	}
	for _, tt := range tests {
		biz := frenchSupport
		if !tt.business {
			biz = nil
		}
		got, ok := tt.clock.Add(tt.start, tt.d, biz)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("%s: Add = %v, %v; want %v", tt.name, got, ok, tt.want)
		}
		if got.Location().String() != "Europe/Paris" { // the calendar's zone, or start's: Paris either way
			t.Errorf("%s: result in %v", tt.name, got.Location())
		}
		back, ok := tt.clock.Between(tt.start, got, biz)
		if !ok || back != tt.d {
			t.Errorf("%s: Between(start, Add(start, d)) = %v, %v; want %v", tt.name, back, ok, tt.d)
		}
	}

	// The continuous clock answers in the calendar's zone.
	utcStart := fri.UTC()
	if got, _ := severity.Continuous.Add(utcStart, time.Hour, frenchSupport); got.Location() != frenchSupport.Location() {
		t.Errorf("Continuous.Add in %v, want the calendar's zone", got.Location())
	}
	// No calendar for the business clock, or no clock at all: false, no panic.
	for _, c := range []severity.Clock{severity.Business, 0, 9} {
		if got, ok := c.Add(fri, time.Hour, nil); ok || !got.IsZero() {
			t.Errorf("%v.Add(nil calendar) = %v, %v", c, got, ok)
		}
		if got, ok := c.Between(fri, fri.Add(time.Hour), nil); ok || got != 0 {
			t.Errorf("%v.Between(nil calendar) = %v, %v", c, got, ok)
		}
	}
	if _, ok := severity.Clock(9).Add(fri, time.Hour, frenchSupport); ok {
		t.Error("an invalid clock added time")
	}
	// Between is antisymmetric on both clocks.
	mon := at(paris, 2026, time.March, 30, 10, 0)
	if d, _ := severity.Business.Between(mon, fri, frenchSupport); d != -4*time.Hour {
		t.Errorf("Business.Between backwards = %v", d)
	}
	// Monotonic clock readings are stripped.
	now := time.Now()
	for _, c := range []severity.Clock{severity.Business, severity.Continuous} {
		if got, _ := c.Add(now, time.Hour, frenchSupport); strings.Contains(got.String(), "m=") {
			t.Errorf("%v.Add kept a monotonic reading: %v", c, got)
		}
	}
}

package severity_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/severity"
)

// Calendars are built once: each caches its year tables, and tests share them
// as the library's users would.
var (
	// frenchSupport is the support calendar of R2 for a customer in France.
	frenchSupport = calendar.MustNew(calendar.Spec{
		TimeZone: "Europe/Paris",
		Hours:    calendar.Weekdays("08:00-18:00"),
		Holidays: []string{"FR"},
	})
	paris   = mustZone("Europe/Paris")
	newYork = mustZone("America/New_York")
)

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// at returns a wall-clock time in loc; it panics on a wall time loc skips or
// repeats, so that a fixture never depends on time.Date's choice.
func at(loc *time.Location, y int, m time.Month, d, hh, mm int) time.Time {
	t := time.Date(y, m, d, hh, mm, 0, 0, loc)
	if t.Hour() != hh || t.Minute() != mm || t.Add(-time.Hour).Hour() == hh || t.Add(time.Hour).Hour() == hh {
		panic("ambiguous or skipped fixture time " + t.String())
	}
	return t
}

// wantErr fails unless err wraps target and is a *FieldError whose message
// names no package: the path says where.
func wantErr(t *testing.T, err, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("error %v, want one wrapping %q", err, target)
	}
	var fe *severity.FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T) is not a *FieldError", err, err)
	}
	if strings.Contains(err.Error(), "severity:") {
		t.Fatalf("error message %q names the package", err)
	}
}

// shortened reports whether value is how an error repeats the text given: in
// full up to 40 bytes, else its first 40 bytes at most, cut on a character
// boundary, and "…".
func shortened(value, given string) bool {
	if len(given) <= 40 {
		return value == given
	}
	head, ok := strings.CutSuffix(value, "…")
	return ok && len(head) <= 40 && len(head) > 36 && strings.HasPrefix(given, head)
}

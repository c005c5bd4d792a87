package calendar_test

import (
	"testing"
	"time"
	_ "time/tzdata" // the tests name zones; the library leaves embedding them to programs
)

// mustTime parses an RFC 3339 instant.
func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

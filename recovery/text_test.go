package recovery

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParsePoints(t *testing.T) {
	got, err := ParsePoints(strings.NewReader("# backups\n\n2026-06-01T00:00:00Z\n  2026-06-01T00:15:00+02:00 2026-06-01T00:20:00+02:00 \n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Point{
		{At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)},
		{At: time.Date(2026, 5, 31, 22, 15, 0, 0, time.UTC), Stored: time.Date(2026, 5, 31, 22, 20, 0, 0, time.UTC)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d points, want %d", len(got), len(want))
	}
	for i := range want {
		if !got[i].At.Equal(want[i].At) || !got[i].Stored.Equal(want[i].Stored) {
			t.Errorf("point %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	for _, bad := range []string{"yesterday", "2026-06-01T00:00:00Z soon", "2026-06-01T00:00:00Z 2026-06-01T00:00:00Z extra"} {
		_, err := ParsePoints(strings.NewReader("2026-06-01T00:00:00Z\n" + bad + "\n"))
		var le *LineError
		if !errors.As(err, &le) || le.Line != 2 || !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("%q: error %v, want a *LineError on line 2", bad, err)
		}
	}
}

func FuzzParsePoints(f *testing.F) {
	f.Add("2026-06-01T00:00:00Z\n2026-06-01T00:15:00Z 2026-06-01T00:16:00Z\n")
	f.Add("# none\n")
	f.Fuzz(func(t *testing.T, s string) {
		ps, err := ParsePoints(strings.NewReader(s))
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) && !strings.Contains(err.Error(), "token too long") {
				t.Fatalf("error %v is not a *LineError", err)
			}
			return
		}
		for _, p := range ps {
			if p.At.IsZero() && !strings.Contains(s, "0001-01-01") {
				t.Fatalf("zero instant parsed from %q", s)
			}
		}
	})
}

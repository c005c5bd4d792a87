package severity

import (
	"fmt"
	"testing"
	"time"

	"pgregory.net/rapid"
)

// civilMismatch compares the civil calendar arithmetic of addMonths with package
// time on one day, and describes any difference.
func civilMismatch(day int64) string {
	want := time.Unix(day*86400, 0).UTC()
	y, m, d := civil(day)
	switch {
	case y != int64(want.Year()) || m != int(want.Month()) || d != want.Day():
		return fmt.Sprintf("civil(%d) = %d-%d-%d, want %v", day, y, m, d, want)
	case daysFrom(y, m, d) != day:
		return fmt.Sprintf("daysFrom(%d, %d, %d) = %d, want %d", y, m, d, daysFrom(y, m, d), day)
	case daysIn(y, m) != time.Date(int(y), time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day():
		return fmt.Sprintf("daysIn(%d, %d) = %d", y, m, daysIn(y, m))
	}
	return ""
}

// checkCivil: civil, daysFrom and daysIn agree with package time from year
// −10000 to 20000.
func checkCivil(t *rapid.T) {
	if msg := civilMismatch(rapid.Int64Range(-4371588, 6583000).Draw(t, "day")); msg != "" {
		t.Fatal(msg)
	}
}

func TestCivil(t *testing.T) {
	rapid.Check(t, checkCivil)
	// Every day of 1968 to 2032 (leap years, 1 March, the epoch), and of the
	// centuries around 2000 and 2100.
	for _, r := range [][2]int64{{-731, 22645}, {36524, 47482}} {
		for day := r[0]; day <= r[1]; day++ {
			if msg := civilMismatch(day); msg != "" {
				t.Fatal(msg)
			}
		}
	}
}

func FuzzCivil(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkCivil)) }

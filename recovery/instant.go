package recovery

import (
	"math"
	"time"
)

// instant is a [time.Time] reduced to what comparisons and differences need: seconds
// since the Unix epoch and nanoseconds within the second. It has neither location nor
// monotonic reading, and compares and subtracts several times faster than time.Time,
// which matters over a million recovery points.
type instant struct {
	sec  int64
	nsec int64 // in [0, 1e9)
}

func instantOf(t time.Time) instant { return instant{t.Unix(), int64(t.Nanosecond())} }

func (a instant) before(b instant) bool {
	return a.sec < b.sec || (a.sec == b.sec && a.nsec < b.nsec)
}

func (a instant) after(b instant) bool { return b.before(a) }

func (a instant) compare(b instant) int {
	switch {
	case a.before(b):
		return -1
	case b.before(a):
		return 1
	}
	return 0
}

// sub returns a − b, saturating at the bounds of [time.Duration] as [time.Time.Sub].
func (a instant) sub(b instant) time.Duration {
	const (
		maxSec  = math.MaxInt64 / int64(time.Second) // 9223372036
		maxNsec = math.MaxInt64 - maxSec*1e9         // 854775807
		minNsec = math.MinInt64 + maxSec*1e9         // -854775808
	)
	if ds := a.sec - b.sec; (a.sec^b.sec)&(a.sec^ds) < 0 { // the seconds overflow
		if a.sec > b.sec {
			return math.MaxInt64
		}
		return math.MinInt64
	}
	ds, dn := a.sec-b.sec, a.nsec-b.nsec
	switch { // give ds and dn the same sign
	case ds > 0 && dn < 0:
		ds, dn = ds-1, dn+1e9
	case ds < 0 && dn > 0:
		ds, dn = ds+1, dn-1e9
	}
	switch {
	case ds > maxSec || (ds == maxSec && dn > maxNsec):
		return math.MaxInt64
	case ds < -maxSec || (ds == -maxSec && dn < minNsec):
		return math.MinInt64
	}
	return time.Duration(ds*1e9 + dn)
}

// add returns a + d for d ≥ 0.
func (a instant) add(d time.Duration) instant {
	s, n := a.sec+int64(d/1e9), a.nsec+int64(d%1e9)
	if n >= 1e9 {
		s, n = s+1, n-1e9
	}
	return instant{s, n}
}

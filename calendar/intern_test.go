package calendar

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/rickar/cal/v2/fr"
	"github.com/rickar/cal/v2/jp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInternSharesTablesOfEqualSpecs(t *testing.T) {
	a := MustNew(Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: []string{"FR"},
		Overrides: map[string][]string{"--12-24": {"08:00-12:00"}}, Closed: []string{"2026-05-15"}})
	// the same meaning, written differently: case, repeats, order of ranges
	b := MustNew(Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: []string{"fr", "FR"},
		Overrides: map[string][]string{"--12-24": {"08:00-12:00"}}, Closed: []string{"2026-05-15", "2026-05-15"}})
	assert.Same(t, a.compiled, b.compiled, "equal meaning, one set of year tables")
	assert.Equal(t, []string{"fr", "FR"}, b.Spec().Holidays, "each calendar gives back its own spec")
	assert.Equal(t, []string{"FR"}, a.Spec().Holidays)

	c := MustNew(Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: []string{"FR"},
		Overrides: map[string][]string{"--12-24": {"08:00-12:00"}}, Closed: []string{"2026-05-15"}})
	assert.Same(t, a.spec, c.spec, "a spec written the same way is shared too")

	for _, other := range []Spec{
		{TimeZone: "Europe/Berlin", Hours: Weekdays("08:00-18:00"), Holidays: []string{"FR"}},
		{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:30"), Holidays: []string{"FR"}},
		{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: []string{"FR"}, Closed: []string{"--05-15"}},
		{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: []string{"FR"}, Overrides: map[string][]string{"2026-12-24": {}}},
	} {
		assert.NotSame(t, a.compiled, MustNew(other).compiled, "%+v", other)
	}
	withRules := Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), HolidayRules: fr.Holidays}
	assert.NotSame(t, MustNew(withRules).compiled, MustNew(withRules).compiled, "Go holiday rules are not compared: no sharing")
}

func TestInternIsInvisible(t *testing.T) {
	spec := Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: []string{"FR"}}
	shared := MustNew(spec)
	own := MustNew(Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), HolidayRules: fr.Holidays})
	require.NotSame(t, shared.compiled, own.compiled)
	at := time.Date(2026, 3, 27, 16, 0, 0, 0, shared.loc)
	for _, d := range []time.Duration{time.Hour, 40 * time.Hour, 2600 * time.Hour, -500 * time.Hour} {
		assert.Equal(t, own.Add(at, d), shared.Add(at, d))
		assert.Equal(t, own.Between(at, at.Add(d)), shared.Between(at, at.Add(d)))
	}
}

func TestInternConcurrent(t *testing.T) {
	specs := []Spec{
		{TimeZone: "Asia/Tokyo", Hours: Weekdays("09:00-17:00"), Holidays: []string{"JP"}},
		{TimeZone: "America/Chicago", Hours: Weekdays("07:00-19:00"), Holidays: []string{"US"}},
	}
	var wg sync.WaitGroup
	got := make([][]*compiled, len(specs))
	var mu sync.Mutex
	for g := range 8 {
		wg.Go(func() {
			for i, s := range specs {
				c := MustNew(s)
				c.Add(time.Date(2020+g, 6, 1, 12, 0, 0, 0, time.UTC), 50*time.Hour)
				mu.Lock()
				got[i] = append(got[i], c.compiled)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for i := range specs {
		for _, c := range got[i] {
			assert.Same(t, got[i][0], c, "every goroutine gets the one entry")
		}
	}
}

func TestInternTableBounded(t *testing.T) {
	tab := internTable{limit: 2}
	build := func() (*compiled, error) { return &compiled{}, nil }
	spec := &Spec{TimeZone: "UTC"}
	a, _, _ := tab.get("a", spec, build)
	b, _, _ := tab.get("b", spec, build)
	c, _, _ := tab.get("c", spec, build)
	c2, _, _ := tab.get("c", spec, build)
	a2, _, _ := tab.get("a", spec, build)
	assert.Equal(t, 2, tab.size(), "at most limit entries")
	assert.Same(t, a, a2)
	assert.NotSame(t, c, c2, "past the limit, each gets its own")
	runtime.KeepAlive(b)
}

func TestInternForgetsUnusedTables(t *testing.T) {
	tab := internTable{limit: 10}
	spec := &Spec{TimeZone: "UTC"}
	func() {
		c, _, _ := tab.get("gone", spec, func() (*compiled, error) { return &compiled{}, nil })
		require.NotNil(t, c)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for tab.size() > 0 && time.Now().Before(deadline) {
		runtime.GC() // the cleanup runs after a collection finds the tables unreachable
		time.Sleep(time.Millisecond)
	}
	assert.Zero(t, tab.size(), "the entry goes with the last calendar using it")
}

func TestHolidayCodesCollapseToOneList(t *testing.T) {
	codes := make([]string, 10_000)
	for i := range codes {
		codes[i] = [...]string{"FR", "fr", "DE", "DE-BY"}[i%4]
	}
	c := MustNew(Spec{TimeZone: "Europe/Paris", Hours: Weekdays("08:00-18:00"), Holidays: codes})
	distinct := map[any]bool{}
	for _, code := range []string{"FR", "DE", "DE-BY"} {
		l, _ := holidayList(code)
		for _, h := range l {
			distinct[h] = true
		}
	}
	assert.Len(t, c.rules, len(distinct), "each holiday rule once, however often its lists are named")
}

// Japan's equinox rules in rickar/cal write the computed day into their shared
// Holiday; years built at once by several goroutines raced and could take
// each other's day. Holidays are now computed on a copy.
func TestJapaneseEquinoxesConcurrent(t *testing.T) {
	spec := Spec{TimeZone: "Asia/Tokyo", Hours: Weekdays("09:00-17:00"), HolidayRules: jp.Holidays}
	want := make([]time.Duration, 40)
	seq := MustNew(spec)
	for i := range want {
		want[i] = seq.Between(time.Date(2000+i, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2000+i, 10, 1, 0, 0, 0, 0, time.UTC))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		c := MustNew(spec) // its own tables: HolidayRules are not shared
		wg.Go(func() {
			for k := range want {
				i := (k + 10*g) % len(want)
				got := c.Between(time.Date(2000+i, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2000+i, 10, 1, 0, 0, 0, 0, time.UTC))
				assert.Equal(t, want[i], got, "year %d", 2000+i)
			}
		})
	}
	wg.Wait()
}

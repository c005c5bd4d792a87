package page

import (
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

func TestWeekGrid(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	month, err := availability.Month(2026, time.March, paris)
	require.NoError(t, err)
	g := newWeekGrid(month, paris)
	require.Len(t, g.weeks, 6, "March 2026 starts on a Sunday: six rows, Monday 23 February first")
	assert.Equal(t, "2026-02-23", g.weeks[0][0].Start.Format(time.DateOnly))
	assert.Equal(t, "2026-04-06", g.week(5).End.Format(time.DateOnly))
	// 29 March springs forward: 12:00 is still the middle of its column.
	noon := time.Date(2026, 3, 29, 12, 30, 0, 0, paris) // 11h30 of the 23-hour day have elapsed
	w := g.weekOf(noon)
	assert.Equal(t, 4, w)
	assert.InDelta(t, (6+11.5/23)/7*100, float64(g.x(w, noon)), 1e-9)
	assert.Equal(t, pct(100), g.x(w, g.week(w).End))
}

// checkX: positions grow with time inside a week and stay in [0, 100].
func checkX(t *rapid.T) {
	zone := rapid.SampledFrom([]string{"Europe/Paris", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata"}).Draw(t, "zone")
	loc, _ := time.LoadLocation(zone)
	month, err := availability.Month(rapid.IntRange(2020, 2030).Draw(t, "year"), time.Month(rapid.IntRange(1, 12).Draw(t, "month")), loc)
	if err != nil {
		t.Fatal(err)
	}
	g := newWeekGrid(month, loc)
	span := g.week(len(g.weeks) - 1).End.Sub(g.weeks[0][0].Start)
	a := g.weeks[0][0].Start.Add(time.Duration(rapid.Int64Range(0, int64(span)-1).Draw(t, "a")))
	b := a.Add(time.Duration(rapid.Int64Range(0, int64(7*24*time.Hour)).Draw(t, "d")))
	w := g.weekOf(a)
	xa := g.x(w, a)
	if xa < 0 || xa > 100 {
		t.Fatalf("x(%v) = %v", a, xa)
	}
	if g.week(w).Contains(b) {
		if xb := g.x(w, b); xb < xa {
			t.Fatalf("x(%v) = %v < x(%v) = %v", b, xb, a, xa)
		}
	}
}

func TestX(t *testing.T) { rapid.Check(t, checkX) }
func FuzzX(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkX)) }

// checkPack: two marks of one week, lane and sub-row are at least markSpace
// apart, except in the last sub-row, where what does not fit overlaps.
func checkPack(t *rapid.T) {
	loc := time.UTC
	month, _ := availability.Month(2026, time.June, loc)
	g := newWeekGrid(month, loc)
	var dots []dot
	for range rapid.IntRange(0, 60).Draw(t, "n") {
		at := month.Start.Add(time.Duration(rapid.Int64Range(0, int64(month.Duration())-1).Draw(t, "at")))
		dots = append(dots, dot{At: at, Lane: laneTargets + rapid.IntRange(0, 2).Draw(t, "lane")})
	}
	rows := pack(g, dots, 3)
	for i, a := range dots {
		if a.row >= rows[a.Lane-laneTargets] || a.row >= maxRows {
			t.Fatalf("dot %d in sub-row %d of %d", i, a.row, rows[a.Lane-laneTargets])
		}
		for _, b := range dots[i+1:] {
			wa, wb := g.weekOf(a.At), g.weekOf(b.At)
			if wa != wb || a.Lane != b.Lane || a.row != b.row || a.row == maxRows-1 {
				continue
			}
			if d := g.x(wb, b.At) - g.x(wa, a.At); d < markSpace && d > -markSpace {
				t.Fatalf("marks at %v and %v share sub-row %d, %v%% apart", a.At, b.At, a.row, d)
			}
		}
	}
}

func TestPack(t *testing.T) { rapid.Check(t, checkPack) }
func FuzzPack(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkPack)) }

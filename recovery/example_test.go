package recovery_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/slakit/slakit/recovery"
)

// I13: exactly 24 hours meets a 24-hour RTO; one second more misses it.
func ExampleCheckRTO() {
	reported := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	for _, restored := range []time.Time{
		time.Date(2026, 6, 11, 9, 0, 0, 0, time.UTC),
		time.Date(2026, 6, 11, 9, 0, 1, 0, time.UTC),
	} {
		r, err := recovery.CheckRTO(reported, restored, 24*time.Hour)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r)
	}
	// Output:
	// took 24h of 24h: met (margin 0s)
	// took 24h0m1s of 24h: missed (margin -1s)
}

// The RTO counts elapsed time: across the fall-back night, midnight to midnight on
// the wall clock is 25 hours.
func ExampleIncident_Check() {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		fmt.Println(err)
		return
	}
	in := recovery.Incident{
		Started:  time.Date(2026, 10, 25, 0, 10, 0, 0, paris),
		Reported: time.Date(2026, 10, 25, 0, 30, 0, 0, paris),
		Restored: time.Date(2026, 10, 26, 0, 0, 0, 0, paris),
	}
	r, err := in.Check(24 * time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	// Output:
	// took 24h30m of 24h: missed (margin -30m), detection lag 20m
}

// A backup counts only once it is stored: the 09:00 backup, still being written at
// 09:20, cannot be restored, so an incident then loses everything since 08:30.
func ExampleDataLoss() {
	at := func(h, m int) time.Time { return time.Date(2026, 6, 10, h, m, 0, 0, time.UTC) }
	points := []recovery.Point{
		{At: at(8, 0)},
		{At: at(8, 30)},
		{At: at(9, 0), Stored: at(9, 25)},
	}
	r, err := recovery.DataLoss(points, at(9, 20), 30*time.Minute)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	fmt.Println("restore from", r.Point.At.Format("15:04"))
	// Output:
	// lost 50m of 30m: missed (margin -20m)
	// restore from 08:30
}

// Did we meet a 30-minute RPO on 10 June, with backups every half hour? The answer,
// and the evidence: each failed hour left a 90-minute gap, 60 minutes of it in breach.
func ExampleExposure() {
	at := func(h, m int) time.Time { return time.Date(2026, 6, 10, h, m, 0, 0, time.UTC) }
	var points []recovery.Point
	for h := range 24 {
		if h == 3 || h == 14 {
			continue // the 03:00, 03:30, 14:00 and 14:30 backups failed
		}
		points = append(points, recovery.Point{At: at(h, 0)}, recovery.Point{At: at(h, 30)})
	}

	r, err := recovery.Exposure(points, at(0, 0), at(0, 0).AddDate(0, 0, 1), 30*time.Minute)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	for _, g := range r.Breaching {
		fmt.Println(g)
	}
	// Output:
	// worst gap 1h30m of 30m: missed (margin -1h), 2h in breach in 2 gap(s)
	// 2026-06-10T02:30:00Z → 2026-06-10T04:00:00Z (1h30m, 1h in breach)
	// 2026-06-10T13:30:00Z → 2026-06-10T15:00:00Z (1h30m, 1h in breach)
}

// Current is the exposure right now: what an incident at now would lose.
func ExampleCurrent() {
	now := time.Date(2026, 6, 10, 9, 40, 0, 0, time.UTC)
	points := []recovery.Point{
		{At: time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC), Stored: time.Date(2026, 6, 10, 9, 4, 0, 0, time.UTC)},
		{At: time.Date(2026, 6, 10, 9, 30, 0, 0, time.UTC), Stored: time.Date(2026, 6, 10, 9, 33, 0, 0, time.UTC)},
	}
	r, err := recovery.Current(points, now, 30*time.Minute)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	// Output:
	// lost 10m of 30m: met (margin 20m)
}

// Errors name the argument or the point at fault, say what is wanted and wrap
// a sentinel.
func ExampleFieldError() {
	now := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	points := []recovery.Point{{At: now.Add(-time.Hour)}, {At: now.Add(time.Minute)}}
	_, err := recovery.Current(points, now, 30*time.Minute)
	fmt.Println(err)
	fmt.Println(errors.Is(err, recovery.ErrFuture), errors.Is(err, recovery.ErrInvalid))
	var fe *recovery.FieldError
	if errors.As(err, &fe) {
		fmt.Println(fe.Field)
	}
	// Output:
	// points[1].at "2026-06-10T09:01:00Z": after now: want an instant at or before now 2026-06-10T09:00:00Z
	// true true
	// points[1].at
}

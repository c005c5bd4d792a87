package calendar_test

import (
	"fmt"
	"time"

	"github.com/slakit/slakit/calendar"
)

// The support calendar of a French customer: Monday to Friday 08:00–18:00
// Paris time, French public holidays closed.
func Example() {
	c, err := calendar.New(calendar.Spec{
		TimeZone: "Europe/Paris",
		Hours:    calendar.Weekdays("08:00-18:00"),
		Holidays: []string{"FR"},
	})
	if err != nil {
		panic(err)
	}
	opened := time.Date(2026, 3, 27, 16, 0, 0, 0, c.Location()) // a Friday
	due := c.Add(opened, 4*time.Hour)
	fmt.Println(due)
	fmt.Println(c.Between(opened, due))
	// Output:
	// 2026-03-30 10:00:00 +0200 CEST
	// 4h0m0s
}

func ExampleCalendar_Add() {
	c := calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}})
	p := c.Location()
	// The earliest instant at which the hour has elapsed: Friday 18:00, not Monday 08:00.
	fmt.Println(c.Add(time.Date(2026, 3, 27, 17, 0, 0, 0, p), time.Hour))
	// Christmas Day is closed.
	fmt.Println(c.Add(time.Date(2026, 12, 24, 14, 0, 0, 0, p), 8*time.Hour))
	// Going back.
	fmt.Println(c.Add(time.Date(2026, 3, 30, 10, 0, 0, 0, p), -4*time.Hour))
	// Output:
	// 2026-03-27 18:00:00 +0100 CET
	// 2026-12-28 12:00:00 +0100 CET
	// 2026-03-27 16:00:00 +0100 CET
}

func ExampleCalendar_Windows() {
	c := calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}})
	p := c.Location()
	for w := range c.Windows(time.Date(2026, 4, 3, 12, 0, 0, 0, p), time.Date(2026, 4, 8, 0, 0, 0, 0, p)) {
		fmt.Println(w)
	}
	// Output:
	// [2026-04-03T12:00:00+02:00, 2026-04-03T18:00:00+02:00)
	// [2026-04-07T08:00:00+02:00, 2026-04-07T18:00:00+02:00)
}

func ExampleCalendar_AddDays() {
	c := calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}})
	opened := time.Date(2026, 3, 27, 16, 0, 0, 0, c.Location())
	fmt.Println(c.AddDays(opened, 15)) // Easter Monday, 6 April, is closed
	// Output: 2026-04-20 16:00:00 +0200 CEST
}

func ExampleContinuous() {
	k := calendar.Continuous(time.UTC)
	t := time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC)
	fmt.Println(k.Add(t, 48*time.Hour), k.IsOpen(t))
	// Output: 2026-03-30 12:00:00 +0000 UTC true
}

func ExampleNew_error() {
	_, err := calendar.New(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Week{Mon: []string{"08:00-12:00", "11:00-18:00"}}})
	fmt.Println(err)
	// Output: hours.mon[1] "11:00-18:00": overlapping ranges: want ranges that do not overlap hours.mon[0] "08:00-12:00"
}

// A support team that closes at noon on 24 and 31 December: the 24th of 2026
// as a one-date override, the 31st every year.
func Example_halfDays() {
	c, err := calendar.New(calendar.Spec{
		TimeZone: "Europe/Paris",
		Hours:    calendar.Weekdays("08:00-18:00"),
		Holidays: []string{"FR"},
		Overrides: map[string][]string{
			"2026-12-24": {"08:00-12:00"},
			"--12-31":    {"08:00-12:00"},
		},
	})
	if err != nil {
		panic(err)
	}
	p := c.Location()
	// A 4-hour response received on the 24th at 11:00: one hour that day, the
	// 25th a holiday, three hours on Monday.
	fmt.Println(c.Add(time.Date(2026, 12, 24, 11, 0, 0, 0, p), 4*time.Hour))
	// Open time in the last two weeks of 2026.
	fmt.Println(c.Between(time.Date(2026, 12, 21, 0, 0, 0, 0, p), time.Date(2027, 1, 1, 0, 0, 0, 0, p)))
	fmt.Println(c)
	// Output:
	// 2026-12-28 11:00:00 +0100 CET
	// 68h0m0s
	// Europe/Paris mon-fri 08:00-18:00, holidays FR, overrides --12-31 08:00-12:00, 2026-12-24 08:00-12:00
}

func ExampleCalendar_Prev() {
	c := calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}})
	// When did support last close before Tuesday 7 April 2026, 07:00? Easter
	// Monday was closed.
	fmt.Println(c.Prev(time.Date(2026, 4, 7, 7, 0, 0, 0, c.Location())))
	// Output: 2026-04-03 18:00:00 +0200 CEST
}

func ExampleCalendar_EndOfDay() {
	c := calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}})
	p := c.Location()
	// The end of the next business day, for requests received on Thursday.
	fmt.Println(c.EndOfDay(time.Date(2026, 3, 26, 10, 0, 0, 0, p), 1))
	fmt.Println(c.EndOfDay(time.Date(2026, 3, 26, 19, 0, 0, 0, p), 1)) // after hours
	// Output:
	// 2026-03-27 18:00:00 +0100 CET
	// 2026-03-30 18:00:00 +0200 CEST
}

package slo_test

import (
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/sla"
	"github.com/slakit/slakit/sla/slo"
	"pgregory.net/rapid"
)

var zones = []string{"UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago",
	"Australia/Lord_Howe", "America/St_Johns", "Asia/Kathmandu", "Africa/Casablanca"}

// checkWindowStart: the OpenSLO window starts at 00:00 on the first day of
// the month that holds at in the customer's zone, in wall-clock text.
func checkWindowStart(t *rapid.T) {
	zone := rapid.SampledFrom(zones).Draw(t, "zone")
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Unix(rapid.Int64Range(time.Date(1971, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC).Unix()).Draw(t, "at"), 0)
	e, err := sla.New(sla.Contract{Policies: []sla.Dated{{Policy: sla.Preset(zone, "")}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := slo.OpenSLO(e, at, slo.Options{SLI: "x[{{.window}}]"})
	if err != nil {
		t.Fatal(err)
	}
	c := d.Spec.TimeWindow[0].Calendar
	if c.TimeZone != zone {
		t.Fatalf("zone %s, want %s", c.TimeZone, zone)
	}
	// the wall-clock text of the first day of at's month there, whose month
	// (availability.Month: the contract's month, wherever midnight is
	// skipped) holds at
	start, err := time.Parse(time.DateTime, c.StartTime)
	if err != nil {
		t.Fatal(err)
	}
	if start.Day() != 1 || start.Hour() != 0 || start.Minute() != 0 || start.Second() != 0 {
		t.Fatalf("start %s is not the first instant of a month", c.StartTime)
	}
	month, err := availability.Month(start.Year(), start.Month(), loc)
	if err != nil {
		t.Fatal(err)
	}
	if !month.Contains(at) {
		t.Fatalf("start %s (%s): the month %v does not hold %s", c.StartTime, zone, month, at.In(loc))
	}
}

func TestWindowStart(t *testing.T) { rapid.Check(t, checkWindowStart) }
func FuzzWindowStart(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkWindowStart)) }

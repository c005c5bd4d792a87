package slakit_test

import (
	"fmt"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/severity"
)

// The tour in four lines: a support calendar, a target from the preset matrix,
// and its due time for a ticket received on a Friday afternoon before Easter
// (E4).
func Example() {
	support := calendar.MustNew(calendar.Spec{TimeZone: "Europe/Paris", Hours: calendar.Weekdays("08:00-18:00"), Holidays: []string{"FR"}})
	received := time.Date(2026, 3, 27, 16, 0, 0, 0, support.Location())
	fix := severity.PresetMatrix()[severity.Sev3].Fix
	due, _ := fix.Due(received, support)
	fmt.Println(fix, "→", due)
	// Output: 15d business → 2026-04-20 16:00:00 +0200 CEST
}

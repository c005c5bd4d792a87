package severity_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/slakit/slakit/calendar"
	"github.com/slakit/slakit/severity"
)

func ExampleClassify() {
	for _, i := range []severity.Impact{
		{ServiceUnavailable: true},
		{ServiceUnavailable: true, PlannedMaintenance: true, WorkStopped: true},
		{HeavyLatency: true, EssentialFeaturesBlocked: true},
		{ReducedScope: true},
		{MinorLoss: true, WorkaroundAvailable: true},
		{ServiceUnavailable: true, PlannedMaintenance: true},
		{},
	} {
		l, err := severity.Classify(i)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%v: %v, %s\n", i, l, l.Name())
	}
	// Output:
	// {service unavailable}: sev1, Total service interruption
	// {service unavailable, planned maintenance, work stopped}: sev2, Critical business impact
	// {essential features blocked, heavy latency}: sev2, Critical business impact
	// {reduced scope}: sev3, Significant business impact
	// {minor loss, workaround available}: sev4, Minor business impact
	// "{service unavailable, planned maintenance}": unavailability caused by planned maintenance is not an incident: want another fact to classify it: planned downtime alone has no severity
	// "{}": no impact stated: want at least one fact, such as service_unavailable or minor_loss
}

func ExampleParseLevel() {
	for _, s := range []string{"1", "sev2", "S3", "Severity 4", "sev5"} {
		l, err := severity.ParseLevel(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(l, l.Name())
	}
	// Output:
	// sev1 Total service interruption
	// sev2 Critical business impact
	// sev3 Significant business impact
	// sev4 Minor business impact
	// "sev5": out of range: want a level from 1 to 4
}

func ExampleParseTarget() {
	for _, s := range []string{"30m continuous", "5d business", "2d continuous", "12mo", "n/a", "1d", "12mo business"} {
		t, err := severity.ParseTarget(s)
		switch {
		case err != nil:
			fmt.Println(err)
		case !t.IsApplicable():
			fmt.Printf("%-14s = not applicable\n", t)
		default:
			fmt.Printf("%-14s = %d %v on the %v clock\n", t, t.Amount(), t.Unit(), t.Clock())
		}
	}
	// Output:
	// 30m continuous = 30 minutes on the continuous clock
	// 5d business    = 5 days on the business clock
	// 2d continuous  = 2 days on the continuous clock
	// 12mo           = 12 months on the continuous clock
	// n/a            = not applicable
	// "1d": missing or misplaced clock: want "business" or "continuous" after the unit, as in "4h business"
	// "12mo business": missing or misplaced clock: want months without a clock, as in "12mo"
}

// The worked example of the rules: a severity 3 ticket opened on Friday 27 March 2026 at 16:00 in Paris,
// on the French support calendar (Easter Monday, 6 April, is closed).
func ExampleTarget_Due() {
	support := calendar.MustNew(calendar.Spec{
		TimeZone: "Europe/Paris",
		Hours:    calendar.Weekdays("08:00-18:00"),
		Holidays: []string{"FR"},
	})
	opened := time.Date(2026, time.March, 27, 16, 0, 0, 0, support.Location())

	ts := severity.PresetMatrix()[severity.Sev3]
	for _, t := range []severity.Target{ts.Response, ts.Workaround, ts.Fix} {
		due, _ := t.Due(opened, support)
		fmt.Printf("%-12s due %s\n", t, due.Format("Mon 2006-01-02 15:04"))
	}
	// Output:
	// 4h business  due Mon 2026-03-30 10:00
	// 5d business  due Fri 2026-04-03 16:00
	// 15d business due Mon 2026-04-20 16:00
}

// A report of the clock time used and left, and a pause added to the due time
// on the target's own clock (I7).
func ExampleTarget_Remaining() {
	support := calendar.MustNew(calendar.Spec{
		TimeZone: "Europe/Paris",
		Hours:    calendar.Weekdays("08:00-18:00"),
		Holidays: []string{"FR"},
	})
	paris := support.Location()
	opened := time.Date(2026, time.March, 27, 16, 0, 0, 0, paris)
	now := time.Date(2026, time.March, 30, 9, 0, 0, 0, paris)

	response := severity.MustParseTarget("4h business")
	used, _ := response.Elapsed(opened, now, support)
	left, _ := response.Remaining(opened, now, support)
	fmt.Println("used", used, "left", left)

	// The ticket waited on the customer for 90 minutes of business time.
	due, _ := response.Due(opened, support)
	due, _ = response.Clock().Add(due, 90*time.Minute, support)
	fmt.Println("due after the pause:", due.Format("Mon 15:04"))
	// Output:
	// used 3h0m0s left 1h0m0s
	// due after the pause: Mon 11:30
}

func ExampleMatrix_Lint() {
	for _, w := range severity.PresetMatrix().Lint() {
		fmt.Println(w)
	}
	// Output:
	// SEV001 workaround-before-response: sev1: workaround 30m continuous can fall due before response 1h continuous
}

func ExamplePresetMatrix() {
	b, _ := json.MarshalIndent(severity.PresetMatrix(), "", "  ")
	fmt.Println(string(b))
	// Output:
	// {
	//   "sev1": {
	//     "response": "1h continuous",
	//     "workaround": "30m continuous",
	//     "fix": "1h continuous"
	//   },
	//   "sev2": {
	//     "response": "1h continuous",
	//     "workaround": "2d continuous",
	//     "fix": "5d continuous"
	//   },
	//   "sev3": {
	//     "response": "4h business",
	//     "workaround": "5d business",
	//     "fix": "15d business"
	//   },
	//   "sev4": {
	//     "response": "8h business",
	//     "workaround": "n/a",
	//     "fix": "12mo"
	//   }
	// }
}

func ExampleMatrix_UnmarshalJSON() {
	var m severity.Matrix
	err := json.Unmarshal([]byte(`{
		"sev1": {"response": "1h continuous", "workaround": "30m continuous", "fix": "1h continuous"},
		"sev2": {"response": "1h continuous", "workaround": "2d continuous", "fix": "5d continuous"},
		"sev3": {"response": "4h business", "workaround": "5d business", "fix": "15 days"},
		"sev4": {"response": "8h business", "workaround": "n/a", "fix": "12mo"}
	}`), &m)
	fmt.Println(err)
	// Output:
	// sev3.fix "15 days": invalid syntax: want a target such as "4h business", "5d continuous", "12mo" or "n/a"
}

package page

import (
	"slices"
	"strings"

	"github.com/slakit/slakit/calendar"
)

var dayNames = [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// weekDays returns the ranges of a week, Monday first.
func weekDays(w calendar.Week) [7][]string {
	return [7][]string{w.Mon, w.Tue, w.Wed, w.Thu, w.Fri, w.Sat, w.Sun}
}

// describeWeek says when a weekly schedule is open, grouping days with the
// same hours: "daily 01:00–02:00", "Mon–Fri 08:00–18:00",
// "Mon–Thu 09:00–17:00, Fri 09:00–15:00". It returns "never" for an empty week.
func describeWeek(w calendar.Week) string {
	days := weekDays(w)
	if len(days[0]) > 0 && allSame(days) {
		return "daily " + ranges(days[0])
	}
	var parts []string
	for i := 0; i < 7; {
		j := i + 1
		for j < 7 && slices.Equal(days[j], days[i]) {
			j++
		}
		if len(days[i]) > 0 {
			name := dayNames[i]
			switch j - i {
			case 1:
			case 2:
				name += ", " + dayNames[j-1]
			default:
				name += "–" + dayNames[j-1]
			}
			parts = append(parts, name+" "+ranges(days[i]))
		}
		i = j
	}
	if len(parts) == 0 {
		return "never"
	}
	return strings.Join(parts, "; ")
}

func allSame(days [7][]string) bool {
	for _, d := range days[1:] {
		if !slices.Equal(d, days[0]) {
			return false
		}
	}
	return true
}

// ranges prints "08:00-12:00", "13:00-17:00" as "08:00–12:00, 13:00–17:00".
func ranges(rs []string) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = strings.Replace(strings.TrimSpace(r), "-", "–", 1)
	}
	return strings.Join(out, ", ")
}

// closedWeekdays names the days of the week with no hours: "Sat, Sun".
func closedWeekdays(w calendar.Week) string {
	var names []string
	for i, d := range weekDays(w) {
		if len(d) == 0 {
			names = append(names, dayNames[i])
		}
	}
	return strings.Join(names, ", ")
}

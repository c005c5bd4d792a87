package page

import (
	"testing"

	"github.com/slakit/slakit/calendar"
	"github.com/stretchr/testify/assert"
)

func TestDescribeWeek(t *testing.T) {
	night := []string{"01:00-02:00"}
	cases := []struct {
		week calendar.Week
		want string
	}{
		{calendar.Week{Mon: night, Tue: night, Wed: night, Thu: night, Fri: night, Sat: night, Sun: night}, "daily 01:00–02:00"},
		{calendar.Weekdays("08:00-18:00"), "Mon–Fri 08:00–18:00"},
		{calendar.Week{Mon: []string{"09:00-12:00", "13:00-17:00"}, Tue: []string{"09:00-12:00", "13:00-17:00"}, Fri: []string{"09:00-15:00"}},
			"Mon, Tue 09:00–12:00, 13:00–17:00; Fri 09:00–15:00"},
		{calendar.Week{Sun: []string{"22:00-06:00"}}, "Sun 22:00–06:00"},
		{calendar.Week{Sat: night, Sun: night}, "Sat, Sun 01:00–02:00"},
		{calendar.Week{}, "never"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, describeWeek(c.week))
	}
	assert.Equal(t, "Sat, Sun", closedWeekdays(calendar.Weekdays("08:00-18:00")))
	assert.Equal(t, "", closedWeekdays(calendar.Week{Mon: night, Tue: night, Wed: night, Thu: night, Fri: night, Sat: night, Sun: night}))
}

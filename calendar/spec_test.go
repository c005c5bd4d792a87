package calendar_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/rickar/cal/v2"
	"github.com/slakit/slakit/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const berlinJSON = `{"time_zone":"Europe/Berlin","hours":{"mon":["09:00-12:30","13:30-17:00"],"fri":["09:00-15:00"]},"holidays":["DE"],"closed":["2026-12-24"]}`

func TestSpecJSONRoundTrip(t *testing.T) {
	var s calendar.Spec
	require.NoError(t, json.Unmarshal([]byte(berlinJSON), &s))
	assert.Equal(t, "Europe/Berlin", s.TimeZone)
	assert.Equal(t, []string{"09:00-12:30", "13:30-17:00"}, s.Hours.Mon)
	out, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Equal(t, berlinJSON, string(out))
	c, err := calendar.New(s)
	require.NoError(t, err)
	again, err := json.Marshal(c.Spec())
	require.NoError(t, err)
	assert.Equal(t, berlinJSON, string(again), "a calendar gives back the spec it was built from")
}

func TestSpecJSONRejectsUnknownFields(t *testing.T) {
	var s calendar.Spec
	err := json.Unmarshal([]byte(`{"time_zone":"UTC","hours":{"mon":["09:00-17:00"]},"holiday":["FR"]}`), &s)
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"holiday"`)
	err = json.Unmarshal([]byte(`{"time_zone":"UTC","hours":{"monday":["09:00-17:00"]}}`), &s)
	require.Error(t, err)
	assert.ErrorIs(t, err, calendar.ErrDay)
	assert.Contains(t, err.Error(), "monday")
}

func TestNewErrors(t *testing.T) {
	h := calendar.Weekdays("09:00-17:00")
	cases := []struct {
		name  string
		spec  calendar.Spec
		err   error
		field string
		value string
	}{
		{"unknown zone", calendar.Spec{TimeZone: "Europe/Pariss", Hours: h}, calendar.ErrZone, "time_zone", "Europe/Pariss"},
		{"no zone", calendar.Spec{Hours: h}, calendar.ErrZone, "time_zone", ""},
		{"machine zone", calendar.Spec{TimeZone: "Local", Hours: h}, calendar.ErrZone, "time_zone", "Local"},
		{"bad range", calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Tue: []string{"9:00-17:00"}}}, calendar.ErrRange, "hours.tue[0]", "9:00-17:00"},
		{"hour 25", calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Tue: []string{"08:00-25:00"}}}, calendar.ErrRange, "hours.tue[0]", "08:00-25:00"},
		{"24:00 start", calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Tue: []string{"24:00-06:00"}}}, calendar.ErrRange, "hours.tue[0]", "24:00-06:00"},
		{"empty range", calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Tue: []string{"08:00-08:00"}}}, calendar.ErrRange, "hours.tue[0]", "08:00-08:00"},
		{"overlap", calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Wed: []string{"09:00-12:00", "11:00-13:00"}}}, calendar.ErrOverlap, "hours.wed[1]", "11:00-13:00"},
		{"overnight overlap", calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Mon: []string{"22:00-06:00"}, Tue: []string{"05:00-08:00"}}}, calendar.ErrOverlap, "hours.tue[0]", "05:00-08:00"},
		{"week wrap overlap", calendar.Spec{TimeZone: "UTC", Hours: calendar.Week{Sun: []string{"22:00-06:00"}, Mon: []string{"05:00-08:00"}}}, calendar.ErrOverlap, "hours.mon[0]", "05:00-08:00"},
		{"no open time", calendar.Spec{TimeZone: "UTC"}, calendar.ErrNoOpen, "hours", ""},
		{"unknown country", calendar.Spec{TimeZone: "UTC", Hours: h, Holidays: []string{"FR", "XX"}}, calendar.ErrCountry, "holidays[1]", "XX"},
		{"bad date", calendar.Spec{TimeZone: "UTC", Hours: h, Closed: []string{"2026-02-30"}}, calendar.ErrDate, "closed[0]", "2026-02-30"},
		{"nil rule", calendar.Spec{TimeZone: "UTC", Hours: h, HolidayRules: make([]*cal.Holiday, 1)}, calendar.ErrCountry, "HolidayRules[0]", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := calendar.New(tc.spec)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.err)
			var fe *calendar.FieldError
			require.True(t, errors.As(err, &fe), "error is a *FieldError")
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, tc.value, fe.Value)
			assert.Contains(t, err.Error(), "calendar: "+tc.field)
		})
	}
}

func TestHolidayCodesAllResolve(t *testing.T) {
	codes := calendar.HolidayCodes()
	assert.Greater(t, len(codes), 40)
	for _, code := range codes {
		_, err := calendar.New(calendar.Spec{TimeZone: "UTC", Hours: calendar.Weekdays("09:00-17:00"), Holidays: []string{code}})
		assert.NoError(t, err, code)
	}
}

func FuzzSpec(f *testing.F) {
	f.Add([]byte(berlinJSON))
	f.Add([]byte(`{"time_zone":"UTC","hours":{"sun":["22:00-06:00"],"mon":["06:00-24:00"]}}`))
	f.Add([]byte(`{"time_zone":"Australia/Lord_Howe","hours":{"sat":["00:00-24:00"]},"holidays":["AU-NSW"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s calendar.Spec
		if json.Unmarshal(data, &s) != nil {
			return
		}
		c, err := calendar.New(s)
		if err != nil {
			var fe *calendar.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("New error %v is not a *FieldError", err)
			}
			return
		}
		out, err := json.Marshal(c.Spec())
		if err != nil {
			t.Fatal(err)
		}
		var back calendar.Spec
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("re-decoding %s: %v", out, err)
		}
		if _, err := calendar.New(back); err != nil {
			t.Fatalf("spec %s no longer valid after a round trip: %v", out, err)
		}
	})
}

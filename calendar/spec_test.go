package calendar_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/slakit/slakit/calendar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const berlinJSON = `{"time_zone":"Europe/Berlin","hours":{"mon":["09:00-12:30","13:30-17:00"],"fri":["09:00-15:00"]},"holidays":["DE"],"closed":["2026-12-24"]}`

// parisJSON is the form of issue 14's acceptance suite, written as people do.
const parisJSON = `{"time_zone": "Europe/Paris",
 "hours": {"mon": ["08:00-18:00"], "tue": ["08:00-18:00"], "wed": ["08:00-18:00"], "thu": ["08:00-18:00"], "fri": ["08:00-18:00"]},
 "holidays": ["FR"],
 "overrides": {"2026-12-24": ["08:00-12:00"], "--12-31": ["08:00-12:00"], "2026-06-13": ["09:00-13:00"], "--06-12": []},
 "closed": ["2026-05-15", "--08-14"]}`

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

func TestSpecJSONOverridesRoundTrip(t *testing.T) {
	var s calendar.Spec
	require.NoError(t, json.Unmarshal([]byte(parisJSON), &s))
	assert.Equal(t, map[string][]string{
		"2026-12-24": {"08:00-12:00"}, "--12-31": {"08:00-12:00"}, "2026-06-13": {"09:00-13:00"}, "--06-12": {},
	}, s.Overrides)
	assert.Equal(t, []string{"2026-05-15", "--08-14"}, s.Closed)
	c, err := calendar.New(s)
	require.NoError(t, err)
	out, err := json.Marshal(c.Spec())
	require.NoError(t, err)
	const want = `{"time_zone":"Europe/Paris",` +
		`"hours":{"mon":["08:00-18:00"],"tue":["08:00-18:00"],"wed":["08:00-18:00"],"thu":["08:00-18:00"],"fri":["08:00-18:00"]},` +
		`"holidays":["FR"],` +
		`"overrides":{"--06-12":[],"--12-31":["08:00-12:00"],"2026-06-13":["09:00-13:00"],"2026-12-24":["08:00-12:00"]},` +
		`"closed":["2026-05-15","--08-14"]}`
	assert.Equal(t, want, string(out), "an empty override stays [] (closed), not null")
	var back calendar.Spec
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, s, back)
	assert.Equal(t, "Europe/Paris mon-fri 08:00-18:00, holidays FR, "+
		"overrides --06-12 closed, --12-31 08:00-12:00, 2026-06-13 09:00-13:00, 2026-12-24 08:00-12:00, "+
		"closed 2026-05-15,--08-14", c.String())
}

func TestSpecJSONErrors(t *testing.T) {
	cases := []struct {
		name, json, want string
		is               error
	}{
		{"unknown field", `{"time_zone":"UTC","hours":{"mon":["09:00-17:00"]},"holiday":["FR"]}`,
			`holiday: unknown field: want one of time_zone, hours, holidays, overrides, closed`, calendar.ErrUnknown},
		{"unknown weekday", `{"time_zone":"UTC","hours":{"monday":["09:00-17:00"]}}`,
			`hours.monday: unknown weekday: want one of mon, tue, wed, thu, fri, sat, sun`, calendar.ErrDay},
		{"key twice", `{"time_zone":"UTC","time_zone":"Europe/Paris","hours":{"mon":["09:00-17:00"]}}`,
			`time_zone: duplicate: key written twice in one object`, calendar.ErrDuplicate},
		{"weekday twice", `{"time_zone":"UTC","hours":{"mon":["09:00-17:00"],"mon":[]}}`,
			`hours.mon: duplicate: key written twice in one object`, calendar.ErrDuplicate},
		{"override twice", `{"time_zone":"UTC","hours":{"mon":["09:00-17:00"]},"overrides":{"--12-24":[],"--12-24":["08:00-12:00"]}}`,
			`overrides.--12-24: duplicate: key written twice in one object`, calendar.ErrDuplicate},
		{"override not a list", `{"time_zone":"UTC","hours":{"mon":["09:00-17:00"]},"overrides":{"--12-24":"08:00-12:00"}}`,
			`overrides.--12-24 "\"08:00-12:00\"": invalid value: want a list`, calendar.ErrInvalid},
		{"trailing data", `{"time_zone":"UTC","hours":{"mon":["09:00-17:00"]}} {}`,
			`"{}": invalid syntax: want nothing after the JSON value (offset 51)`, calendar.ErrSyntax},
		{"over the size limit", `{"time_zone":"UTC","hours":{"mon":["09:00-17:00"]}` + strings.Repeat(" ", calendar.MaxSpecBytes) + `}`,
			`"4194355 bytes": over the limit: want a calendar spec of at most 4194304 bytes`, calendar.ErrLimit},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var s calendar.Spec
			err := s.UnmarshalJSON([]byte(tc.json))
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			assert.ErrorIs(t, err, tc.is)
		})
	}
}

func TestNewErrors(t *testing.T) {
	h := calendar.Weekdays("09:00-17:00")
	utc := func(s calendar.Spec) calendar.Spec {
		s.TimeZone = "UTC"
		if s.Hours.Mon == nil && s.Hours.Tue == nil && s.Hours.Wed == nil {
			s.Hours = h
		}
		return s
	}
	many := func(n int, s string) []string { return strings.Split(strings.Repeat(s+",", n-1)+s, ",") }
	manyRanges := map[string][]string{}
	for d := range 28 {
		manyRanges["2026-02-"+twoDigits(d+1)] = many(358, "00:00-00:01")
	}
	cases := []struct {
		name string
		spec calendar.Spec
		is   []error
		want string
	}{
		{"unknown zone", calendar.Spec{TimeZone: "Europe/Pariss", Hours: h}, []error{calendar.ErrZone, calendar.ErrInvalid},
			`time_zone "Europe/Pariss": unknown time zone: want an IANA zone name such as "Europe/Paris"`},
		{"no zone", calendar.Spec{Hours: h}, []error{calendar.ErrZone},
			`time_zone: unknown time zone: want an IANA zone name such as "Europe/Paris"`},
		{"machine zone", calendar.Spec{TimeZone: "Local", Hours: h}, []error{calendar.ErrZone},
			`time_zone "Local": unknown time zone: want an IANA zone name such as "Europe/Paris"`},
		{"bad range", utc(calendar.Spec{Hours: calendar.Week{Tue: []string{"9:00-17:00"}}}), []error{calendar.ErrRange, calendar.ErrSyntax},
			`hours.tue[0] "9:00-17:00": malformed range: ` + wantRange},
		{"hour 25", utc(calendar.Spec{Hours: calendar.Week{Tue: []string{"08:00-25:00"}}}), []error{calendar.ErrRange},
			`hours.tue[0] "08:00-25:00": malformed range: ` + wantRange},
		{"24:00 start", utc(calendar.Spec{Hours: calendar.Week{Tue: []string{"24:00-06:00"}}}), []error{calendar.ErrRange},
			`hours.tue[0] "24:00-06:00": malformed range: ` + wantRange},
		{"empty range", utc(calendar.Spec{Hours: calendar.Week{Tue: []string{"08:00-08:00"}}}), []error{calendar.ErrRange},
			`hours.tue[0] "08:00-08:00": malformed range: ` + wantRange},
		{"signed minutes", utc(calendar.Spec{Hours: calendar.Week{Tue: []string{"08:+1-09:00"}}}), []error{calendar.ErrRange},
			`hours.tue[0] "08:+1-09:00": malformed range: ` + wantRange},
		{"long junk shortened", utc(calendar.Spec{Hours: calendar.Week{Tue: []string{strings.Repeat("x", 100)}}}), []error{calendar.ErrRange},
			`hours.tue[0] "` + strings.Repeat("x", 40) + `…": malformed range: ` + wantRange},
		{"overlap", utc(calendar.Spec{Hours: calendar.Week{Wed: []string{"09:00-12:00", "11:00-13:00"}}}), []error{calendar.ErrOverlap},
			`hours.wed[1] "11:00-13:00": overlapping ranges: want ranges that do not overlap hours.wed[0] "09:00-12:00"`},
		{"overnight overlap", utc(calendar.Spec{Hours: calendar.Week{Mon: []string{"22:00-06:00"}, Tue: []string{"05:00-08:00"}}}), []error{calendar.ErrOverlap},
			`hours.tue[0] "05:00-08:00": overlapping ranges: want ranges that do not overlap hours.mon[0] "22:00-06:00"`},
		{"week wrap overlap", utc(calendar.Spec{Hours: calendar.Week{Sun: []string{"22:00-06:00"}, Mon: []string{"05:00-08:00"}}}), []error{calendar.ErrOverlap},
			`hours.mon[0] "05:00-08:00": overlapping ranges: want ranges that do not overlap hours.sun[0] "22:00-06:00"`},
		{"no open time", calendar.Spec{TimeZone: "UTC"}, []error{calendar.ErrNoOpen},
			`hours: no open time in the week: want at least one opening range`},
		{"unknown country", utc(calendar.Spec{Holidays: []string{"FR", "XX"}}), []error{calendar.ErrCountry},
			`holidays[1] "XX": unknown holiday country or region: want a code of calendar.HolidayCodes such as "FR" or "DE-BY"`},
		{"bad date", utc(calendar.Spec{Closed: []string{"2026-02-30"}}), []error{calendar.ErrDate, calendar.ErrSyntax},
			`closed[0] "2026-02-30": malformed date: ` + wantDate},
		{"29 February of a common year", utc(calendar.Spec{Closed: []string{"2027-02-29"}}), []error{calendar.ErrDate},
			`closed[0] "2027-02-29": malformed date: ` + wantDate},
		{"year 0", utc(calendar.Spec{Closed: []string{"0000-06-01"}}), []error{calendar.ErrDate},
			`closed[0] "0000-06-01": malformed date: ` + wantDate},
		{"month 13 every year", utc(calendar.Spec{Closed: []string{"--13-01"}}), []error{calendar.ErrDate},
			`closed[0] "--13-01": malformed date: ` + wantDate},
		{"30 February every year", utc(calendar.Spec{Closed: []string{"--02-30"}}), []error{calendar.ErrDate},
			`closed[0] "--02-30": malformed date: ` + wantDate},
		{"override key month 13", utc(calendar.Spec{Overrides: map[string][]string{"--13-01": {"08:00-12:00"}}}), []error{calendar.ErrDate},
			`overrides.--13-01 "--13-01": malformed date: ` + wantDate},
		{"override key not a date", utc(calendar.Spec{Overrides: map[string][]string{"Christmas": {}}}), []error{calendar.ErrDate},
			`overrides.Christmas "Christmas": malformed date: ` + wantDate},
		{"override range", utc(calendar.Spec{Overrides: map[string][]string{"2026-12-24": {"8:00-12:00"}}}), []error{calendar.ErrRange},
			`overrides.2026-12-24[0] "8:00-12:00": malformed range: ` + wantRange},
		{"override overlap", utc(calendar.Spec{Overrides: map[string][]string{"2026-12-24": {"08:00-12:00", "11:00-13:00"}}}), []error{calendar.ErrOverlap},
			`overrides.2026-12-24[1] "11:00-13:00": overlapping ranges: want ranges that do not overlap overrides.2026-12-24[0] "08:00-12:00"`},
		{"override overnight overlap", utc(calendar.Spec{Overrides: map[string][]string{"--12-31": {"20:00-02:00", "21:00-22:00"}}}), []error{calendar.ErrOverlap},
			`overrides.--12-31[1] "21:00-22:00": overlapping ranges: want ranges that do not overlap overrides.--12-31[0] "20:00-02:00"`},
		{"date closed and overridden", utc(calendar.Spec{Closed: []string{"2026-05-15", "2026-12-24"}, Overrides: map[string][]string{"2026-12-24": {"08:00-12:00"}}}),
			[]error{calendar.ErrConflict, calendar.ErrDuplicate},
			`overrides.2026-12-24: date both closed and overridden: want the date in closed[1] or in overrides, not both`},
		{"yearly date closed and overridden", utc(calendar.Spec{Closed: []string{"--06-12"}, Overrides: map[string][]string{"--06-12": {}}}),
			[]error{calendar.ErrConflict},
			`overrides.--06-12: date both closed and overridden: want the date in closed[0] or in overrides, not both`},
		{"nil rule", utc(calendar.Spec{HolidayRules: make([]*cal.Holiday, 1)}), []error{calendar.ErrCountry},
			`HolidayRules[0]: unknown holiday country or region: want a holiday, not nil`},
		{"too many holiday codes", utc(calendar.Spec{Holidays: many(calendar.MaxEntries+1, "FR")}), []error{calendar.ErrLimit},
			`holidays "10001 entries": over the limit: want at most 10000`},
		{"too many closed dates", utc(calendar.Spec{Closed: many(calendar.MaxEntries+1, "2026-12-24")}), []error{calendar.ErrLimit},
			`closed "10001 entries": over the limit: want at most 10000`},
		{"too many override ranges", utc(calendar.Spec{Overrides: manyRanges}), []error{calendar.ErrLimit},
			`overrides "10024 ranges": over the limit: want at most 10000 ranges in all`},
		{"every problem at once", calendar.Spec{TimeZone: "Mars/Olympus", Hours: calendar.Week{Mon: []string{"9-17"}},
			Holidays: []string{"XX"}, Closed: []string{"tomorrow"}, Overrides: map[string][]string{"--12-32": {}}},
			[]error{calendar.ErrZone, calendar.ErrRange, calendar.ErrCountry, calendar.ErrDate},
			`time_zone "Mars/Olympus": unknown time zone: want an IANA zone name such as "Europe/Paris"` + "\n" +
				`hours.mon[0] "9-17": malformed range: ` + wantRange + "\n" +
				`holidays[0] "XX": unknown holiday country or region: want a code of calendar.HolidayCodes such as "FR" or "DE-BY"` + "\n" +
				`closed[0] "tomorrow": malformed date: ` + wantDate + "\n" +
				`overrides.--12-32 "--12-32": malformed date: ` + wantDate},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := calendar.New(tc.spec)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			for _, is := range tc.is {
				assert.ErrorIs(t, err, is)
			}
			var fe *calendar.FieldError
			assert.True(t, errors.As(err, &fe), "error is a *FieldError")
		})
	}
}

const (
	wantRange = `want "HH:MM-HH:MM" (00:00 to 23:59, "24:00" as an end; an end before the start runs overnight)`
	wantDate  = `want "YYYY-MM-DD" (years 1 to 9999) or "--MM-DD" (that day every year)`
)

func twoDigits(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

func TestSpecValidEdges(t *testing.T) {
	for _, s := range []calendar.Spec{
		{Closed: []string{"--02-29"}}, // leap years only
		{Closed: []string{"2028-02-29", "0001-01-01", "9999-12-31"}},
		{Closed: []string{"2026-12-24"}, Overrides: map[string][]string{"--12-24": {"08:00-12:00"}}}, // different precedence
		{Closed: []string{"--12-24"}, Overrides: map[string][]string{"2026-12-24": {"08:00-12:00"}}},
		{Overrides: map[string][]string{"--12-31": {"20:00-02:00", "02:00-04:00"}}}, // touching
		{Overrides: map[string][]string{"2026-06-13": {"22:00-24:00"}, "2026-06-14": nil}},
		{Holidays: []string{"fr", "FR", "Fr"}},
	} {
		s.TimeZone, s.Hours = "Europe/Paris", calendar.Weekdays("09:00-17:00")
		_, err := calendar.New(s)
		assert.NoError(t, err, "%+v", s)
	}
}

func TestHolidayCodesAllResolve(t *testing.T) {
	codes := calendar.HolidayCodes()
	assert.Greater(t, len(codes), 40)
	assert.IsIncreasing(t, codes, "sorted, each once")
	for _, code := range codes {
		_, err := calendar.New(calendar.Spec{TimeZone: "UTC", Hours: calendar.Weekdays("09:00-17:00"), Holidays: []string{code}})
		assert.NoError(t, err, code)
	}
}

func FuzzSpec(f *testing.F) {
	f.Add([]byte(berlinJSON))
	f.Add([]byte(parisJSON))
	f.Add([]byte(`{"time_zone":"UTC","hours":{"sun":["22:00-06:00"],"mon":["06:00-24:00"]}}`))
	f.Add([]byte(`{"time_zone":"Australia/Lord_Howe","hours":{"sat":["00:00-24:00"]},"holidays":["AU-NSW"]}`))
	f.Add([]byte(`{"time_zone":"America/Santiago","hours":{"mon":["23:00-01:00"]},"overrides":{"--02-29":["00:00-24:00"],"2026-09-06":["00:30-00:45"],"--09-05":["23:30-02:00","02:00-03:00"]},"closed":["--09-07"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s calendar.Spec
		if err := json.Unmarshal(data, &s); err != nil {
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
		d, err := calendar.New(back)
		if err != nil {
			t.Fatalf("spec %s no longer valid after a round trip: %v", out, err)
		}
		if c.String() != d.String() {
			t.Fatalf("String changed in a round trip: %q, then %q", c, d)
		}
		// A few queries on the fuzzed calendar: no panic, and consistent answers.
		at := mustTime(t, "2026-12-24T11:00:00Z")
		if r := c.Add(at, 4*time.Hour); c.Between(at, r) != 4*time.Hour && r.Year() < 10000 {
			t.Fatalf("Between(t, Add(t, 4h)) = %v", c.Between(at, r))
		}
		if p := c.Prev(at); p.After(at) || c.Between(p, at) != 0 {
			t.Fatalf("Prev(%v) = %v", at, p)
		}
		c.EndOfDay(at, 1)
		c.AddDays(at, -3)
	})
}

package availability_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/slakit/slakit/availability"
	"pgregory.net/rapid"
)

func sameOutage(a, b availability.Outage) bool {
	return a.ID == b.ID && a.Start.Equal(b.Start) && a.End.Equal(b.End) && a.Cause == b.Cause &&
		a.Category == b.Category && a.AnnouncedAt.Equal(b.AnnouncedAt) && a.AnnouncedEnd.Equal(b.AnnouncedEnd)
}

func TestOutageJSON(t *testing.T) {
	const in = `[
	 {"id":"INC-7","start":"2026-06-10T00:30:00+02:00","end":"2026-06-10T02:30:00+02:00"},
	 {"start":"2026-06-14T10:00:00+02:00","end":"2026-06-14T12:00:00+02:00","cause":"maintenance",
	  "announced_at":"2026-06-11T23:00:00+02:00","announced_end":"2026-06-14T12:00:00+02:00"},
	 {"start":"2026-06-15T08:00:00Z","end":"2026-06-15T09:00:00Z","cause":"exceptional","category":"force-majeure"},
	 {"start":"2026-06-16T08:00:00Z","end":"2026-06-16T09:00:00Z","cause":"security-block"}]`
	var got []availability.Outage
	if err := json.Unmarshal([]byte(in), &got); err != nil {
		t.Fatal(err)
	}
	p := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	want := []availability.Outage{
		{ID: "INC-7", Start: p("2026-06-10T00:30:00+02:00"), End: p("2026-06-10T02:30:00+02:00")},
		{Start: p("2026-06-14T10:00:00+02:00"), End: p("2026-06-14T12:00:00+02:00"), Cause: availability.Maintenance,
			AnnouncedAt: p("2026-06-11T23:00:00+02:00"), AnnouncedEnd: p("2026-06-14T12:00:00+02:00")},
		{Start: p("2026-06-15T08:00:00Z"), End: p("2026-06-15T09:00:00Z"), Cause: availability.Exceptional, Category: availability.ForceMajeure},
		{Start: p("2026-06-16T08:00:00Z"), End: p("2026-06-16T09:00:00Z"), Cause: availability.SecurityBlock},
	}
	if len(got) != len(want) {
		t.Fatalf("decoded %d outages", len(got))
	}
	for i := range want {
		if !sameOutage(got[i], want[i]) {
			t.Errorf("outage %d = %+v, want %+v", i, got[i], want[i])
		}
		if err := got[i].Validate(); err != nil {
			t.Errorf("outage %d: %v", i, err)
		}
	}
	out, err := json.Marshal(want[0])
	if err != nil {
		t.Fatal(err)
	}
	const first = `{"id":"INC-7","start":"2026-06-10T00:30:00+02:00","end":"2026-06-10T02:30:00+02:00","cause":"unplanned"}`
	if string(out) != first {
		t.Errorf("Marshal = %s\n    want %s", out, first)
	}
}

func TestOutageJSONRefuses(t *testing.T) {
	for _, tc := range []struct{ in, msg string }{
		{`{"start":"2026-06-10T00:30:00Z","end":"2026-06-10T02:30:00Z","announced":"2026-06-01T00:00:00Z"}`,
			`announced: unknown field: want one of id, start, end, cause, category, announced_at, announced_end`},
		{`{"start":"2026-06-10T00:30:00Z","end":"2026-06-10T02:30:00Z","cause":"planned"}`,
			`cause "planned": invalid value: want one of "unplanned", "maintenance", "exceptional", "security-block"`},
		{`{"start":"2026-06-10T00:30:00Z","end":"2026-06-10T02:30:00Z","cause":""}`,
			`cause: invalid value: want one of "unplanned", "maintenance", "exceptional", "security-block"`},
		{`{"start":"2026-06-10T00:30:00Z","end":"2026-06-10T02:30:00Z","category":"weather"}`,
			`category "weather": invalid value: want one of "customer-infrastructure", "third-party-software", "external-connectivity", "misuse", "malicious-attack", "force-majeure", "beyond-control"`},
		{`{"start":"2026-06-10 00:30","end":"2026-06-10T02:30:00Z"}`, `start "2026-06-10 00:30": invalid syntax: want an RFC 3339 instant such as "2026-06-10T09:00:00Z"`},
		{`{"start":"2026-06-10T00:30:00Z","start":"2026-06-10T00:40:00Z","end":"2026-06-10T02:30:00Z"}`, `start: duplicate: key written twice in one object`},
		{`{"start":"2026-06-10T00:30:00Z","end":"2026-06-10T02:30:00Z"} {}`, `invalid character '{' after top-level value`}, // encoding/json's own check, before UnmarshalJSON
		{`[]`, `"[]": invalid value: want an object`},
	} {
		var o availability.Outage
		err := json.Unmarshal([]byte(tc.in), &o)
		if err == nil {
			t.Errorf("%s decoded as %+v", tc.in, o)
		} else if err.Error() != tc.msg {
			t.Errorf("%s:\n got %v\nwant %s", tc.in, err, tc.msg)
		}
	}
}

func TestOutageValidate(t *testing.T) {
	start := time.Date(2026, 6, 10, 10, 0, 0, 0, time.UTC)
	o := availability.Outage{Start: start, End: start.Add(-time.Second), Category: availability.ForceMajeure}
	var fe *availability.FieldError
	err := o.Validate()
	const want = `end "2026-06-10T09:59:59Z": end before start: want at or after start "2026-06-10T10:00:00Z"` + "\n" +
		`category "force-majeure": set on an outage whose cause does not use it: want none unless the cause is "exceptional"`
	if !errors.As(err, &fe) || fe.Field != "end" || !errors.Is(err, availability.ErrReversed) ||
		!errors.Is(err, availability.ErrNotApplicable) || !errors.Is(err, availability.ErrInvalid) || err.Error() != want {
		t.Errorf("Validate:\n got %v\nwant %s", err, want)
	}
	if err := (availability.Outage{Start: start, End: start}).Validate(); err != nil {
		t.Errorf("an empty outage is valid: %v", err)
	}
}

func TestOutageJSONLocalMeanTime(t *testing.T) {
	// Paris used local mean time, +00:09:21, until 1911; RFC 3339 offsets are
	// whole minutes, so such a time is written in UTC to keep the instant.
	start := time.Date(1900, 1, 1, 12, 0, 0, 0, mustLoc(t, "Europe/Paris"))
	o := availability.Outage{Start: start, End: start.Add(time.Hour)}
	data, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var back availability.Outage
	if err := json.Unmarshal(data, &back); err != nil || !sameOutage(o, back) {
		t.Fatalf("%s read back as %+v, %v", data, back, err)
	}
}

// genAnyOutage draws a valid outage at any instant of years 1–9999, to the
// nanosecond, in assorted zones.
func genAnyOutage(t *rapid.T) availability.Outage {
	loc := mustLoc(t, genZone().Draw(t, "zone"))
	at := func(label string) time.Time {
		return time.Unix(rapid.Int64Range(-62135596800+86400, 253402300799-86400*400).Draw(t, label),
			rapid.Int64Range(0, 999999999).Draw(t, label+" ns")).In(loc)
	}
	later := func(t0 time.Time, label string) time.Time {
		return t0.Add(time.Duration(rapid.Int64Range(0, int64(300*24*time.Hour)).Draw(t, label)))
	}
	o := availability.Outage{
		ID:    rapid.StringN(0, 8, -1).Draw(t, "id"),
		Start: at("start"),
		Cause: availability.Cause(rapid.IntRange(0, 3).Draw(t, "cause")),
	}
	o.End = later(o.Start, "end")
	switch o.Cause {
	case availability.Exceptional:
		o.Category = availability.Category(rapid.IntRange(1, 7).Draw(t, "category"))
	case availability.Maintenance:
		o.AnnouncedAt = o.Start.Add(-time.Duration(rapid.Int64Range(0, int64(300*24*time.Hour)).Draw(t, "notice")))
		o.AnnouncedEnd = later(o.Start, "announced end")
	}
	return o
}

// checkOutageJSON: every valid outage survives a trip through JSON.
func checkOutageJSON(t *rapid.T) {
	o := genAnyOutage(t)
	if err := o.Validate(); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	var back availability.Outage
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	if !sameOutage(o, back) {
		t.Fatalf("%+v came back as %+v through %s", o, back, data)
	}
}

func TestOutageJSONRoundTrip(t *testing.T) { rapid.Check(t, checkOutageJSON) }
func FuzzOutageJSONRoundTrip(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkOutageJSON)) }

// FuzzOutageJSON decodes arbitrary bytes: decoding never panics, whatever
// decodes encodes and decodes back to the same outage, and validation either
// passes or names a field.
func FuzzOutageJSON(f *testing.F) {
	for _, seed := range []string{
		`{"start":"2026-06-10T00:30:00+02:00","end":"2026-06-10T02:30:00+02:00"}`,
		`{"id":"x","start":"2026-06-14T10:00:00+02:00","end":"2026-06-14T12:00:00+02:00","cause":"maintenance","announced_at":"2026-06-11T23:00:00+02:00","announced_end":"2026-06-14T12:00:00+02:00"}`,
		`{"start":"2026-06-15T08:00:00Z","end":"2026-06-15T09:00:00Z","cause":"exceptional","category":"misuse"}`,
		`{"start":"2026-06-15T08:00:00Z","end":"2026-06-14T09:00:00Z","cause":"security-block"}`,
		`{"cause":""}`, `{}`, `null`, `[1]`, `{"start":null}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var o availability.Outage
		if err := json.Unmarshal(data, &o); err != nil {
			return
		}
		if err := o.Validate(); err != nil {
			var fe *availability.FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("Validate: %v is not a FieldError", err)
			}
		}
		again, err := json.Marshal(o)
		if err != nil {
			t.Fatalf("decoded %+v but cannot encode it: %v", o, err)
		}
		var back availability.Outage
		if err := json.Unmarshal(again, &back); err != nil || !sameOutage(o, back) {
			t.Fatalf("%s -> %+v -> %s -> %+v, %v", data, o, again, back, err)
		}
	})
}

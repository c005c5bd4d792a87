package recovery

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/slakit/slakit/internal/jsonx"
)

func TestJSONForms(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2026, 6, 1, h, 0, 0, 0, time.UTC) }
	pts := []Point{{At: at(0)}, {At: at(1), Stored: at(2)}, {At: at(3)}}
	x, err := Exposure(pts, at(0), at(6), 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Incident{Started: at(1), Reported: at(2), Restored: at(5)}.Check(24 * time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	ongoing, err := Incident{Reported: at(2)}.CheckAt(at(3), 24*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	l, err := DataLoss(pts, at(4), 30*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		v    any
		want string
	}{
		{pts[0], `{"at":"2026-06-01T00:00:00Z"}`},
		{pts[1], `{"at":"2026-06-01T01:00:00Z","stored":"2026-06-01T02:00:00Z"}`},
		{Incident{Reported: at(2), Restored: at(5)}, `{"reported":"2026-06-01T02:00:00Z","restored":"2026-06-01T05:00:00Z"}`},
		{Incident{Started: at(1), Reported: at(2)}, `{"started":"2026-06-01T01:00:00Z","reported":"2026-06-01T02:00:00Z"}`},
		{r, `{"started":"2026-06-01T01:00:00Z","reported":"2026-06-01T02:00:00Z","restored":"2026-06-01T05:00:00Z",` +
			`"took":"3h","objective":"24h","margin":"21h","met":true,"detection_lag":"1h"}`},
		{ongoing, `{"reported":"2026-06-01T02:00:00Z","took":"1h","objective":"24h","margin":"23h","met":true,"ongoing":true,"detection_lag":"0s"}`},
		{l, `{"at":"2026-06-01T04:00:00Z","point":{"at":"2026-06-01T03:00:00Z"},"loss":"1h","objective":"30m","margin":"-30m","met":false}`},
		{x, `{"start":"2026-06-01T00:00:00Z","end":"2026-06-01T06:00:00Z","objective":"30m",` +
			`"worst":{"from":"2026-06-01T03:00:00Z","since":"2026-06-01T03:00:00Z","to":"2026-06-01T06:00:00Z","duration":"3h","breach":"2h30m"},` +
			`"breaching":[{"from":"2026-06-01T00:00:00Z","since":"2026-06-01T00:00:00Z","to":"2026-06-01T02:00:00Z","duration":"2h","breach":"1h30m"},` +
			`{"from":"2026-06-01T01:00:00Z","since":"2026-06-01T02:00:00Z","to":"2026-06-01T03:00:00Z","duration":"2h","breach":"1h"},` +
			`{"from":"2026-06-01T03:00:00Z","since":"2026-06-01T03:00:00Z","to":"2026-06-01T06:00:00Z","duration":"3h","breach":"2h30m"}],` +
			`"breach":"5h","margin":"-2h30m","met":false}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.v)
		if err != nil {
			t.Fatal(err)
		}
		if !jsonEqual(t, b, tt.want) {
			t.Errorf("json.Marshal(%T) =\n%s\nwant\n%s", tt.v, b, tt.want)
		}
		back := reflect.New(reflect.TypeOf(tt.v))
		if err := json.Unmarshal(b, back.Interface()); err != nil {
			t.Fatalf("%T: %v", tt.v, err)
		}
		if !reflect.DeepEqual(back.Elem().Interface(), tt.v) {
			t.Errorf("round trip of %T:\n%+v\n%+v", tt.v, back.Elem().Interface(), tt.v)
		}
	}
}

// jsonEqual compares two JSON texts by value, keys in any order.
func jsonEqual(t *testing.T, got []byte, want string) bool {
	t.Helper()
	var a, b any
	if err := json.Unmarshal(got, &a); err != nil {
		t.Fatalf("%s: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &b); err != nil {
		t.Fatalf("%s: %v", want, err)
	}
	return reflect.DeepEqual(a, b)
}

// Incidents and points come from users' files: decoding is strict and each
// error names the key.
func TestJSONStrict(t *testing.T) {
	const instant = `want an RFC 3339 instant such as "2026-06-10T09:00:00Z"`
	tests := []struct {
		in   string
		into func() any
		msg  string
	}{
		{`{"at":"2026-06-01T00:00:00Z","at":"2026-06-02T00:00:00Z"}`, func() any { return new(Point) },
			`at: duplicate: key written twice in one object`},
		{`{"at":"2026-06-01T00:00:00Z","stord":"2026-06-02T00:00:00Z"}`, func() any { return new(Point) },
			`stord: unknown field: want one of at, stored`},
		{`{"at":"yesterday"}`, func() any { return new(Point) }, `at "yesterday": invalid syntax: ` + instant},
		{`{"at":20260601}`, func() any { return new(Point) }, `at "20260601": invalid syntax: ` + instant},
		{`{"at":"2026-06-01T00:00:00Z"} {}`, func() any { return new(Point) },
			`"{}": invalid syntax: want nothing after the JSON value (offset 29)`},
		{`{"reported":"2026-06-01T00:00:00Z","restored":"2026-06-01T01:00:00Z","restored":"2026-06-01T02:00:00Z"}`, func() any { return new(Incident) },
			`restored: duplicate: key written twice in one object`},
		{`{"reported":"2026-06-01T00:00:00Z","resolved":"2026-06-01T01:00:00Z"}`, func() any { return new(Incident) },
			`resolved: unknown field: want one of started, reported, restored`},
		{`{"reported":"2026-06-01 00:00"}`, func() any { return new(Incident) }, `reported "2026-06-01 00:00": invalid syntax: ` + instant},
		{`[{"reported":"2026-06-01T00:00:00Z"},{"reported":"2026-06-01T00:00:00Z","restored":"soon"}]`, func() any { return new([]Incident) },
			`[1].restored "soon": invalid syntax: ` + instant},
		{`{"took":"1y"}`, func() any { return new(RTOResult) },
			`took "1y": invalid syntax: want a duration such as "24h", "1h30m" or "90s"`},
		{`{"worst":{"from":"x"}}`, func() any { return new(ExposureResult) }, `worst.from "x": invalid syntax: ` + instant},
		{`[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]`, func() any { return new(Point) },
			`"[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,…": invalid value: want an object`},
	}
	for _, tt := range tests {
		err := jsonx.Decode([]byte(tt.in), tt.into())
		var fe *FieldError
		if err == nil || err.Error() != tt.msg || !errors.As(err, &fe) || !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrUnknown) && !errors.Is(err, ErrDuplicate) {
			t.Errorf("%s: error\n%v\nwant\n%s", tt.in, err, tt.msg)
		}
	}
	// encoding/json calls the same methods.
	var p Point
	if err := json.Unmarshal([]byte(`{"at":"2026-06-01T00:00:00Z","at":"2026-06-02T00:00:00Z"}`), &p); !errors.Is(err, ErrDuplicate) {
		t.Errorf("json.Unmarshal: %v", err)
	}
}

// checkJSONInput: decoding any bytes as an incident or a point never panics;
// an error is a *FieldError, which repeats a value short; what decodes encodes
// and decodes back the same. (A list's own errors are jsonx's.)
func checkJSONInput(t *testing.T, data []byte) {
	for _, v := range []any{new(Incident), new(Point), new([]Point)} {
		if err := jsonx.Decode(data, v); err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Fatalf("%T from %q: error %v (%T) is not a *FieldError", v, data, err, err)
			}
			if _, list := v.(*[]Point); !list && len(fe.Value) > 40+len("…") {
				t.Fatalf("%T from %q: value %q repeated in full", v, data, fe.Value)
			}
			continue
		}
		b, err := json.Marshal(v)
		if err != nil {
			continue // an instant beyond year 9999 does not marshal, as with time.Time
		}
		back := reflect.New(reflect.TypeOf(v).Elem())
		if err := jsonx.Decode(b, back.Interface()); err != nil {
			t.Fatalf("%T: %s does not read back: %v", v, b, err)
		}
		again, _ := json.Marshal(back.Interface())
		if string(again) != string(b) {
			t.Fatalf("%T: %s then %s", v, b, again)
		}
	}
}

func FuzzIncidentPointJSON(f *testing.F) {
	f.Add([]byte(`{"started":"2026-06-01T00:00:00Z","reported":"2026-06-01T00:10:00+02:00","restored":"2026-06-01T05:00:00.5Z"}`))
	f.Add([]byte(`{"at":"2026-06-01T00:00:00Z","stored":"2026-06-01T00:01:00Z"}`))
	f.Add([]byte(`[{"at":"2026-06-01T00:00:00Z"},{"at":"2026-06-01T00:00:00Z","at":"x"}]`))
	f.Add([]byte(`{"reported":null} trailing`))
	f.Fuzz(checkJSONInput)
}

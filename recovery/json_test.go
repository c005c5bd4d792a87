package recovery

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestJSONRoundTrip(t *testing.T) {
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
	for _, v := range []any{x, r, pts[1], Incident{Reported: at(2), Restored: at(5)}} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `"Start"`) || strings.Contains(string(b), "000000000") {
			t.Errorf("%s: want snake_case names and duration strings", b)
		}
		back := reflect.New(reflect.TypeOf(v))
		if err := json.Unmarshal(b, back.Interface()); err != nil {
			t.Fatal(err)
		}
		again, _ := json.Marshal(back.Elem().Interface())
		if string(again) != string(b) {
			t.Errorf("round trip:\n%s\n%s", b, again)
		}
	}
}

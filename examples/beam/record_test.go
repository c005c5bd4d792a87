package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseRecordErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{`{}`, `customer: missing: want the customer of one of the contracts`},
		{`{"customer":"Globex"}`, `ticket.id: missing: want the ticket's identifier`},
		{`{"customer":"Globex","customer":"Acme"}`, `customer: duplicate: key written twice in one object`},
		{`{"customer":"Globex","ticket":{"id":"G-1","severity":"sev9"}}`, `ticket.severity "sev9": out of range: want a level from 1 to 4`},
		{`{"customer":"Globex","ticket":{"id":"G-1","received":"yesterday"}}`, `ticket.received "yesterday": invalid syntax: want an RFC 3339 instant such as "2026-06-10T09:00:00Z"`},
		{`{"customer":"Globex","ticket":{"id":"G-1","events":[{"kind":"fixd"}]}}`, `ticket.events[0].kind "fixd": invalid value: want one of "resumed", "severity", "responded", "workaround", "fixed", "reopened", "waiting", "not-a-defect", "excluded", "waived", "customer-replied"`},
		{`{"customer":"Globex","ticket":{"id":"G-1"}} {}`, `"{}": invalid syntax: want nothing after the JSON value (offset 43)`},
		{`[]`, `"[]": invalid value: want an object`},
	} {
		_, err := parseRecord(tc.text)
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s:\n got %v\nwant %s", tc.text, err, tc.want)
		}
	}
}

// FuzzParseRecord: no line makes the parser panic, and a record it accepts
// encodes to a line that parses to the same record.
func FuzzParseRecord(f *testing.F) {
	f.Add(`{"customer":"Acme","ticket":{"id":"A-1","contact":"ana@acme.example","received":"2026-06-11T21:00:00+02:00","severity":"sev2","events":[{"at":"2026-06-11T21:48:00+02:00","kind":"responded"}]}}`)
	f.Add(`{"customer":"Acme","ticket":{"id":"A-1","events":[{"at":"2026-06-11T21:48:00Z","kind":"excluded","category":"force-majeure"}]}}`)
	f.Add(`{"customer":""}`)
	f.Fuzz(func(t *testing.T, text string) {
		r, err := parseRecord(text)
		if err != nil {
			return
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		back, err := parseRecord(string(b))
		if err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		if diff := cmp.Diff(r, back, cmp.AllowUnexported(record{}), cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Fatalf("(-first +again):\n%s", diff)
		}
	})
}

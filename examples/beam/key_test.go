package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestKeyFn(t *testing.T) {
	now := time.Date(2026, 9, 30, 22, 0, 0, 0, time.UTC) // midnight in Paris, 1 October
	ticket := func(customer, id, received string) string {
		return fmt.Sprintf(`{"customer":%q,"ticket":{"id":%q,"contact":"ana@acme.example","received":%q,"severity":"sev3"}}`, customer, id, received)
	}
	events := func(customer, id, received, events string) string {
		return fmt.Sprintf(`{"customer":%q,"ticket":{"id":%q,"contact":"ana@acme.example","received":%q,"severity":"sev3","events":[%s]}}`, customer, id, received, events)
	}
	const (
		inSeptember = `{"at":"2026-09-01T09:00:00+02:00","kind":"responded"},{"at":"2026-09-02T10:00:00+02:00","kind":"workaround"},{"at":"2026-09-02T10:30:00+02:00","kind":"fixed"}`
		inBoth      = `{"at":"2026-08-31T17:30:00+02:00","kind":"responded"},{"at":"2026-09-02T10:00:00+02:00","kind":"workaround"},{"at":"2026-09-02T10:30:00+02:00","kind":"fixed"}`
	)
	for _, tc := range []struct {
		name, text string
		want       []key
		receipts   []receipt
		reject     string
	}{
		{"Paris month", ticket("Acme Logistics", "A-1", "2026-09-30T23:30:00+02:00"), []key{{"Acme Logistics", "2026-09", 0}}, []receipt{{"2026-09", 1, 0}}, ""},
		{"Sydney month", ticket("Initech", "I-1", "2026-09-30T15:00:00Z"), []key{{"Initech", "2026-10", 0}}, []receipt{{"2026-10", 1, 0}}, ""},
		{"UTC template, Tokyo contract", ticket("Umbrella 株式会社/JP", "U-1", "2026-08-31T15:00:00Z"), []key{{"Umbrella 株式会社/JP", "2026-09", 0}}, []receipt{{"2026-09", 1, 0}}, ""},
		{"all missed in September", ticket("Acme Logistics", "A-2", "2026-08-31T17:00:00+02:00"), []key{{"Acme Logistics", "2026-09", 0}}, []receipt{{"2026-08", 1, 0}}, ""},
		{"open since August", strings.Replace(ticket("Acme Logistics", "A-8", "2026-08-31T17:00:00+02:00"), "sev3", "sev4", 1), // fix due in 12 months
			[]key{{"Acme Logistics", "2026-08", 0}, {"Acme Logistics", "2026-09", 0}}, []receipt{{"2026-08", 1, 0}}, ""},
		{"received in August, decided in September", events("Acme Logistics", "A-3", "2026-08-31T17:00:00+02:00", inSeptember),
			[]key{{"Acme Logistics", "2026-09", 0}}, []receipt{{"2026-08", 1, 0}}, ""},
		{"decided in August and September", events("Acme Logistics", "A-4", "2026-08-31T17:00:00+02:00", inBoth),
			[]key{{"Acme Logistics", "2026-08", 0}, {"Acme Logistics", "2026-09", 0}}, []receipt{{"2026-08", 1, 0}}, ""},
		{"blank", " \t", nil, nil, ""},
		{"month not begun", ticket("Acme Logistics", "A-5", "2026-10-01T00:00:00+02:00"), nil, []receipt{{"2026-10", 1, 0}}, ""},
		{"received after now", ticket("Acme Logistics", "A-6", "2026-10-01T00:00:01+02:00"), nil, []receipt{{"2026-10", 1, 1}}, ""},
		{"no contract", ticket("Acme", "A-7", "2026-09-01T00:00:00Z"), nil, nil,
			`in.jsonl: line 3: customer "Acme": no contract: want the customer of a contract given with -contracts`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &keyFn{Contracts: testFiles(t), Now: now}
			if err := f.Setup(); err != nil {
				t.Fatal(err)
			}
			var got []key
			var receipts []receipt
			var rejected []string
			f.ProcessElement(context.Background(), line{File: "in.jsonl", Number: 3, Text: tc.text},
				func(k key, e entry) {
					if e.Customer != k.Customer || string(e.Month) != k.Month {
						t.Errorf("entry %s/%s under key %v", e.Customer, e.Month, k)
					}
					got = append(got, k)
				},
				func(c string, r receipt) {
					if c != strings.SplitN(tc.text, `"`, 5)[3] {
						t.Errorf("receipt of %s", c)
					}
					receipts = append(receipts, r)
				},
				func(s string) { rejected = append(rejected, s) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("keys %v, want %v", got, tc.want)
			}
			if !slices.Equal(receipts, tc.receipts) {
				t.Errorf("receipts %v, want %v", receipts, tc.receipts)
			}
			var want []string
			if tc.reject != "" {
				want = []string{tc.reject}
			}
			if !slices.Equal(rejected, want) {
				t.Errorf("rejected %q, want %q", rejected, want)
			}
		})
	}
}

// TestShards: with a fanout, a ticket always goes to the same shard, and the
// shards are all used.
func TestShards(t *testing.T) {
	f := &keyFn{Fanout: 4}
	seen := map[int]bool{}
	for i := range 100 {
		id := fmt.Sprintf("T-%d", i)
		s := f.shard(id)
		if s < 0 || s >= 4 || s != f.shard(id) {
			t.Fatalf("shard %d of %s", s, id)
		}
		seen[s] = true
	}
	if len(seen) != 4 {
		t.Errorf("shards used: %v", seen)
	}
	if s := (&keyFn{}).shard("T-1"); s != 0 {
		t.Errorf("shard %d without a fanout", s)
	}
}

// TestOnlyOnce: every line of an ID given more than once is rejected, naming
// the others in file and line order; an ID given once passes.
func TestOnlyOnce(t *testing.T) {
	lines := []line{{"b.jsonl", 2, "x"}, {"a.jsonl", 9, "y"}, {"a.jsonl", 3, "z"}}
	run := func(ls []line) (passed []line, rejected []string) {
		i := 0
		onlyOnce(context.Background(), ticketID{"Acme", "A-1"}, func(l *line) bool {
			if i == len(ls) {
				return false
			}
			*l, i = ls[i], i+1
			return true
		}, func(l line) { passed = append(passed, l) }, func(s string) { rejected = append(rejected, s) })
		return passed, rejected
	}
	passed, rejected := run(lines)
	want := []string{
		`a.jsonl: line 3: ticket.id "A-1": duplicate: want one line a ticket (also a.jsonl: line 9, b.jsonl: line 2)`,
		`a.jsonl: line 9: ticket.id "A-1": duplicate: want one line a ticket (also a.jsonl: line 3, b.jsonl: line 2)`,
		`b.jsonl: line 2: ticket.id "A-1": duplicate: want one line a ticket (also a.jsonl: line 3, a.jsonl: line 9)`,
	}
	if len(passed) != 0 || !slices.Equal(rejected, want) {
		t.Errorf("passed %v, rejected\n%s\nwant\n%s", passed, strings.Join(rejected, "\n"), strings.Join(want, "\n"))
	}
	if passed, rejected := run(lines[:1]); len(rejected) != 0 || !slices.Equal(passed, lines[:1]) {
		t.Errorf("one line: passed %v, rejected %v", passed, rejected)
	}
}

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
	for _, tc := range []struct {
		name, text string
		want       []key
		reject     string
	}{
		{"Paris month", ticket("Acme Logistics", "A-1", "2026-09-30T23:30:00+02:00"), []key{{"Acme Logistics", "2026-09", 0}}, ""},
		{"Sydney month", ticket("Initech", "I-1", "2026-09-30T15:00:00Z"), []key{{"Initech", "2026-10", 0}}, ""},
		{"UTC template, Tokyo contract", ticket("Umbrella 株式会社/JP", "U-1", "2026-08-31T15:00:00Z"), []key{{"Umbrella 株式会社/JP", "2026-09", 0}}, ""},
		{"blank", " \t", nil, ""},
		{"month not begun", ticket("Acme Logistics", "A-2", "2026-10-01T00:00:00+02:00"), nil, ""},
		{"no contract", ticket("Acme", "A-3", "2026-09-01T00:00:00Z"), nil,
			`in.jsonl: line 3: customer "Acme": no contract: want the customer of a contract given with -contracts`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &keyFn{Contracts: testFiles(t), Now: now}
			if err := f.Setup(); err != nil {
				t.Fatal(err)
			}
			var got []key
			var rejected []string
			f.ProcessElement(context.Background(), line{File: "in.jsonl", Number: 3, Text: tc.text},
				func(k key, e entry) {
					if e.Customer != k.Customer || string(e.Month) != k.Month {
						t.Errorf("entry %s/%s under key %v", e.Customer, e.Month, k)
					}
					got = append(got, k)
				},
				func(string, receipt) {},
				func(s string) { rejected = append(rejected, s) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("keys %v, want %v", got, tc.want)
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

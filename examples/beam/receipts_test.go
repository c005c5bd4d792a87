package main

import (
	"maps"
	"testing"
	"time"

	"pgregory.net/rapid"
)

func TestReceipts(t *testing.T) {
	rs := receipts{"2026-07": {All: 5}, "2026-08": {All: 3, Late: 0}, "2026-10": {All: 4, Late: 2}}
	for _, tc := range []struct {
		m             month
		read, ignored int
	}{
		{"2026-06", 12, 12}, // every ticket came later
		{"2026-07", 12, 7},
		{"2026-08", 12, 4},
		{"2026-09", 12, 4},
		{"2026-10", 12, 2}, // received in the month, but after now
	} {
		if read, ignored := rs.read(), rs.ignored(tc.m); read != tc.read || ignored != tc.ignored {
			t.Errorf("%s: read %d ignored %d, want %d %d", tc.m, read, ignored, tc.read, tc.ignored)
		}
	}
}

// checkReceiptsMerge: receipts added in any grouping and order, and sent
// through their coder, are the receipts of all.
func checkReceiptsMerge(t *rapid.T) {
	var f receiptsFn
	all := f.CreateAccumulator()
	parts := make([]receipts, rapid.IntRange(1, 4).Draw(t, "parts"))
	for i := range parts {
		parts[i] = f.CreateAccumulator()
	}
	for range rapid.IntRange(0, 30).Draw(t, "tickets") {
		r := receiptOf(monthOfDate(2026, time.Month(rapid.IntRange(7, 10).Draw(t, "month"))), rapid.Bool().Draw(t, "late"))
		all = f.AddInput(all, r)
		i := rapid.IntRange(0, len(parts)-1).Draw(t, "part")
		parts[i] = f.AddInput(parts[i], r)
	}
	for len(parts) > 1 {
		i := rapid.IntRange(0, len(parts)-2).Draw(t, "merge")
		b, err := encodeReceipts(f.MergeAccumulators(parts[i+1], parts[i]))
		if err != nil {
			t.Fatal(err)
		}
		merged, err := decodeReceipts(b)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(append(parts[:i], merged), parts[i+2:]...)
	}
	if len(parts[0]) == 0 && len(all) == 0 {
		return
	}
	if !maps.Equal(parts[0], all) {
		t.Fatalf("merged %v, want %v", parts[0], all)
	}
}

func TestReceiptsMerge(t *testing.T) { rapid.Check(t, checkReceiptsMerge) }

func FuzzReceiptsMerge(f *testing.F) { f.Fuzz(rapid.MakeFuzz(checkReceiptsMerge)) }

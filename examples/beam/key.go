package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/sla"
)

// key is a customer-month, the unit of one report, and, with a fanout, one of
// its shards.
type key struct {
	Customer string
	Month    string // "2026-06"
	Shard    int    // 0 without a fanout
}

// entry is a ticket on its way to the report of one customer-month. It names
// its customer and month because a CombineFn does not see the key.
type entry struct {
	Customer string
	Month    month
	Ticket   sla.Ticket
}

var (
	ticketsRead  = beam.NewCounter("slakit", "tickets")
	linesRefused = beam.NewCounter("slakit", "rejected")
)

// keyFn checks each line, evaluates its ticket with the library and keys it
// by customer and by every month whose report may count it, and notes the
// month of its receipt. A line that cannot be counted goes to the rejected
// output with the reason, naming the file, the line and the field.
type keyFn struct {
	Contracts []contractFile
	Now       time.Time
	Fanout    int // shards of each customer-month; 1 or less for none

	engines map[string]*sla.Engine
	periods periods
}

func (f *keyFn) Setup() error {
	var err error
	f.engines, err = engines(f.Contracts)
	return err
}

func (f *keyFn) ProcessElement(ctx context.Context, l line, emit func(key, entry), receipt func(string, receipt), reject func(string)) {
	if l.blank() {
		return
	}
	if err := f.key(l, emit, receipt); err != nil {
		linesRefused.Inc(ctx, 1)
		reject(fmt.Sprintf("%s: %v", l.where(), err))
		return
	}
	ticketsRead.Inc(ctx, 1)
}

func (f *keyFn) key(l line, emit func(key, entry), receipt func(string, receipt)) error {
	r, err := parseRecord(l.Text)
	if err != nil {
		return err
	}
	e, ok := f.engines[r.Customer]
	if !ok {
		return fault.Field("customer", r.Customer, errNoContract, "want the customer of a contract given with -contracts")
	}
	st, late, err := check(e, r.Ticket, f.Now)
	if err != nil {
		return err
	}
	received, err := f.periods.monthOf(e, r.Ticket.Received)
	if err != nil {
		return err
	}
	months, err := f.periods.candidates(e, r.Ticket, st, f.Now)
	if err != nil {
		return err
	}
	receipt(r.Customer, receiptOf(received, late))
	if late {
		return nil // every month ignores it
	}
	shard := f.shard(r.Ticket.ID)
	for _, m := range months {
		emit(key{r.Customer, string(m), shard}, entry{r.Customer, m, r.Ticket})
	}
	return nil
}

// shard spreads tickets over the shards by a hash of their ID, the same on
// every worker and every retry.
func (f *keyFn) shard(id string) int {
	if f.Fanout <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(f.Fanout))
}

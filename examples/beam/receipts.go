package main

import (
	"encoding/json"
	"maps"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/slakit/slakit/sla"
)

// receipts counts a customer's tickets by the month of their receipt: all of
// them, and those received after -now (late). Engine.Month given every ticket
// of the customer reads them all and ignores those received after the month
// or after now; the pipeline's reports say the same (see finalize).
type receipts map[month]monthCount

// monthCount is the tickets received in one month, and how many of them are
// late.
type monthCount struct {
	All  int `json:"all"`
	Late int `json:"late,omitempty"`
}

func receiptOf(m month, late bool) receipt {
	r := receipt{Month: m, All: 1}
	if late {
		r.Late = 1
	}
	return r
}

// receipt is one ticket's entry in its customer's receipts.
type receipt struct {
	Month month
	All   int
	Late  int
}

// read and ignored are the tickets Engine.Month reads for the report of
// month m, and those it ignores: received after m, or late.
func (rs receipts) read() int {
	n := 0
	for _, t := range rs {
		n += t.All
	}
	return n
}

func (rs receipts) ignored(m month) int {
	n := 0
	for b, t := range rs {
		if b > m { // "YYYY-MM" sorts as time does
			n += t.All
		} else {
			n += t.Late
		}
	}
	return n
}

// receiptsFn sums receipts per customer.
type receiptsFn struct{}

func (receiptsFn) CreateAccumulator() receipts { return receipts{} }

func (receiptsFn) AddInput(rs receipts, r receipt) receipts {
	t := rs[r.Month]
	t.All += r.All
	t.Late += r.Late
	rs[r.Month] = t
	return rs
}

func (receiptsFn) MergeAccumulators(a, b receipts) receipts {
	out := maps.Clone(a)
	for m, t := range b {
		s := out[m]
		s.All += t.All
		s.Late += t.Late
		out[m] = s
	}
	return out
}

// finalize gives each report the ticket inputs of its customer's receipts.
func finalize(k key, r sla.Report, lookup func(string) func(*receipts) bool, emit func(key, sla.Report)) {
	var rs receipts
	lookup(k.Customer)(&rs) // every customer with a report has receipts
	emit(k, withTicketInputs(r, rs.read(), rs.ignored(month(k.Month))))
}

// withReceipts adds the receipts stage: reports is KV<key, Report>, receipt
// KV<customer, receipt>.
func withReceipts(s beam.Scope, reports, receipt beam.PCollection) beam.PCollection {
	s = s.Scope("TicketInputs")
	perCustomer := beam.CombinePerKey(s, receiptsFn{}, receipt)
	return beam.ParDo(s, finalize, reports, beam.SideInput{Input: perCustomer})
}

func encodeReceipts(rs receipts) ([]byte, error) { return json.Marshal(rs) }

func decodeReceipts(b []byte) (receipts, error) {
	var rs receipts
	err := json.Unmarshal(b, &rs)
	return rs, err
}

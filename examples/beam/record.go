package main

import (
	"bytes"
	"fmt"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/sla"
)

// record is one line of a ticket file (JSON Lines): the customer whose
// contract applies and the ticket, in the library's ticket form:
//
//	{"customer":"Acme Logistics","ticket":{"id":"ACME-1","contact":"ana@acme.example",
//	 "received":"2026-06-11T21:00:00+02:00","severity":"sev2","events":[…]}}
type record struct {
	Customer string     `json:"customer"`
	Ticket   sla.Ticket `json:"ticket"`
}

// line is one line of an input file; Number counts from 1.
type line struct {
	File   string
	Number int
	Text   string
}

// where names the line in messages: "data/a.jsonl: line 4".
func (l line) where() string { return fmt.Sprintf("%s: line %d", l.File, l.Number) }

// blank reports whether the line holds nothing but white space; such lines
// are skipped, as JSON Lines readers do with a final newline.
func (l line) blank() bool { return len(bytes.TrimSpace([]byte(l.Text))) == 0 }

// parseRecord decodes a line strictly: an unknown or duplicate key, a value of
// the wrong type or trailing data is an error naming its JSON path.
func parseRecord(text string) (record, error) {
	var r record
	if err := jsonx.Decode([]byte(text), &r); err != nil {
		return record{}, err
	}
	if r.Customer == "" {
		return record{}, fault.Field("customer", "", fault.ErrMissing, "want the customer of one of the contracts")
	}
	if r.Ticket.ID == "" {
		return record{}, fault.Field("ticket.id", "", fault.ErrMissing, "want the ticket's identifier")
	}
	return r, nil
}

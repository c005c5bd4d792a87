package main

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/slakit/slakit/internal/fault"
)

// ticketID names a ticket: IDs are unique per customer.
type ticketID struct {
	Customer string
	ID       string
}

// uniqueTickets passes on the lines of tickets whose ID appears once for its
// customer, and rejects every line of an ID given more than once (which of
// them is right cannot be known): Engine.Month refuses such tickets too. Lines
// that do not parse are rejected here, with the reason.
func uniqueTickets(s beam.Scope, lines beam.PCollection) (unique, rejected beam.PCollection) {
	s = s.Scope("UniqueTickets")
	byID, badLines := beam.ParDo2(s, idOf, lines)
	unique, duplicates := beam.ParDo2(s, onlyOnce, beam.GroupByKey(s, byID))
	return unique, beam.Flatten(s, badLines, duplicates)
}

// idOf keys a line by its ticket's customer and ID; blank lines are skipped.
func idOf(ctx context.Context, l line, emit func(ticketID, line), reject func(string)) {
	if l.blank() {
		return
	}
	r, err := parseRecord(l.Text)
	if err != nil {
		linesRefused.Inc(ctx, 1)
		reject(fmt.Sprintf("%s: %v", l.where(), err))
		return
	}
	emit(ticketID{r.Customer, r.Ticket.ID}, l)
}

// onlyOnce passes on the line of an ID given once, and rejects each line of
// an ID given more than once, naming the others.
func onlyOnce(ctx context.Context, id ticketID, lines func(*line) bool, emit func(line), reject func(string)) {
	var all []line
	var l line
	for lines(&l) {
		all = append(all, l)
	}
	if len(all) == 1 {
		emit(all[0])
		return
	}
	slices.SortFunc(all, func(a, b line) int { return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Number, b.Number)) })
	for i, l := range all {
		var others []string
		for j, o := range all {
			if j != i {
				others = append(others, o.where())
			}
		}
		err := fault.Field("ticket.id", id.ID, fault.ErrDuplicate, "want one line a ticket (also "+strings.Join(others, ", ")+")")
		linesRefused.Inc(ctx, 1)
		reject(fmt.Sprintf("%s: %v", l.where(), err))
	}
}

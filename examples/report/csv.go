package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slakit/slakit/examples/internal/input"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/sla"
)

// The columns of the CSV files, as helpdesk exports give them: a header row
// names them, in any order; the others are optional. A cell is read exactly as
// the JSON field of the same name; an empty cell is an absent field.
var (
	ticketColumns   = []string{"id", "contact", "received", "severity"}
	ticketRequired  = []string{"id", "received", "severity"}
	eventColumns    = []string{"ticket", "at", "kind", "severity", "category", "note"}
	eventRequired   = []string{"ticket", "at", "kind"}
	errColumnHeader = errors.New("bad header row")
)

// csvLines are the lines the tickets and their events came from, so that an
// error about tickets[3].events[1] can say where to look in the files.
type csvLines struct {
	tickets, events string  // the files
	ticket          []int   // ticket i's line in the tickets file
	event           [][]int // event j of ticket i: its line in the events file
}

// locate adds to each problem about a ticket or an event the lines it came
// from: "tickets[1].events[0] …: … (tickets.csv line 3, events.csv line 2)".
func (l csvLines) locate(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs := j.Unwrap()
		out := make([]error, len(errs))
		for i, e := range errs {
			out[i] = l.locate(e)
		}
		return errors.Join(out...)
	}
	var fe *fault.FieldError
	if !errors.As(err, &fe) {
		return err
	}
	m := recordPath.FindStringSubmatch(fe.Field)
	if m == nil {
		return err
	}
	i, _ := strconv.Atoi(m[1])
	if i >= len(l.ticket) {
		return err
	}
	where := fmt.Sprintf("%s line %d", l.tickets, l.ticket[i])
	if m[2] != "" {
		if j, _ := strconv.Atoi(m[2]); j < len(l.event[i]) {
			where += fmt.Sprintf(", %s line %d", l.events, l.event[i][j])
		}
	}
	return fmt.Errorf("%w (%s)", err, where)
}

var recordPath = regexp.MustCompile(`^tickets\[(\d+)\](?:\.events\[(\d+)\])?`)

// loadCSVTickets reads a tickets file and an events file (which may be
// empty) and joins them on the ticket ID. Events keep their file order.
func loadCSVTickets(read readFile, tickets, events string) ([]sla.Ticket, csvLines, error) {
	out := []sla.Ticket{}    // supplied, even when the file has only its header
	line := map[string]int{} // ticket ID → its line in the tickets file
	lines := csvLines{tickets: tickets, events: events}
	err := readCSV(read, tickets, ticketColumns, ticketRequired, func(n int, cells map[string]string) error {
		var t sla.Ticket
		if err := decodeCells(cells, &t); err != nil {
			return err
		}
		if first, ok := line[t.ID]; ok {
			return fault.Field("id", t.ID, fault.ErrDuplicate, fmt.Sprintf("the same ID as line %d", first))
		}
		line[t.ID] = n
		out = append(out, t)
		lines.ticket = append(lines.ticket, n)
		lines.event = append(lines.event, nil)
		return nil
	})
	if err != nil || events == "" {
		return out, lines, err
	}
	index := make(map[string]int, len(out))
	for i, t := range out {
		index[t.ID] = i
	}
	err = readCSV(read, events, eventColumns, eventRequired, func(n int, cells map[string]string) error {
		id, ok := cells["ticket"]
		if !ok {
			return fault.Field("ticket", "", fault.ErrMissing, "want the id of a ticket of "+tickets)
		}
		i, ok := index[id]
		if !ok {
			return fault.Field("ticket", id, fault.ErrInvalid, "want the id of a ticket of "+tickets)
		}
		delete(cells, "ticket")
		var ev sla.Event
		if err := decodeCells(cells, &ev); err != nil {
			return err
		}
		out[i].Events = append(out[i].Events, ev)
		lines.event[i] = append(lines.event[i], n)
		return nil
	})
	return out, lines, err
}

// decodeCells reads the cells of a row as the JSON object of the same fields,
// so that a CSV value means exactly what it means in JSON.
func decodeCells(cells map[string]string, v any) error {
	b, err := json.Marshal(cells)
	if err != nil {
		return err // a map of strings always marshals
	}
	return jsonx.Decode(b, v)
}

// readCSV reads a CSV file with a header row and hands each record to row as
// its non-empty cells by column, with its line number. Errors read
// "name: line 4: received "…": …".
func readCSV(read readFile, name string, columns, required []string, row func(line int, cells map[string]string) error) error {
	raw, err := read(name, input.MaxData)
	if err != nil {
		return err
	}
	raw = bytes.TrimPrefix(raw, []byte("\uFEFF")) // spreadsheet exports often start with a byte-order mark
	r := csv.NewReader(bytes.NewReader(raw))
	r.ReuseRecord = true
	header, err := r.Read()
	if err == io.EOF {
		return fmt.Errorf("%s: line 1: %w: want a header row with %s", name, errColumnHeader, strings.Join(required, ", "))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, csvError(err))
	}
	header = slices.Clone(header)
	if err := checkHeader(header, columns, required); err != nil {
		return fmt.Errorf("%s: line 1: %w", name, err)
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, csvError(err))
		}
		n, _ := r.FieldPos(0)
		cells := make(map[string]string, len(rec))
		for i, cell := range rec {
			if !utf8.ValidString(cell) {
				return fmt.Errorf("%s: line %d: %w", name, n, fault.Field(header[i], cell, fault.ErrSyntax, "want UTF-8 text"))
			}
			if cell != "" {
				cells[header[i]] = cell
			}
		}
		if err := row(n, cells); err != nil {
			return fmt.Errorf("%s: line %d: %w", name, n, err)
		}
	}
}

// checkHeader accepts the known columns, each once, with every required one.
func checkHeader(header, columns, required []string) error {
	for i, h := range header {
		switch {
		case !slices.Contains(columns, h):
			return fmt.Errorf("%w: column %d %s: unknown: want one of %s", errColumnHeader, i+1, input.Quote(h), strings.Join(columns, ", "))
		case slices.Index(header, h) != i:
			return fmt.Errorf("%w: column %d %s: written twice", errColumnHeader, i+1, input.Quote(h))
		}
	}
	for _, c := range required {
		if !slices.Contains(header, c) {
			return fmt.Errorf("%w: no column %q: want %s", errColumnHeader, c, strings.Join(required, ", "))
		}
	}
	return nil
}

// csvError says where a CSV syntax error is, by line.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("line %d, column %d: %w", pe.Line, pe.Column, pe.Err)
	}
	return err
}

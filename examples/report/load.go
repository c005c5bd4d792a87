package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/slakit/slakit/recovery"
	"github.com/slakit/slakit/sla"
)

type data struct {
	contract sla.Contract
	month    sla.MonthData
}

// load reads every file named in in; errors name the file and the record.
func load(read readFile, in inputs) (data, error) {
	var d data
	raw, err := read(in.contract)
	if err != nil {
		return d, err
	}
	if err := decodeStrict(raw, &d.contract); err != nil {
		return d, fmt.Errorf("%s: %w", in.contract, err)
	}
	if err := loadArray(read, in.tickets, &d.month.Tickets); err != nil {
		return d, err
	}
	if err := loadArray(read, in.outages, &d.month.Outages); err != nil {
		return d, err
	}
	if err := loadArray(read, in.incidents, &d.month.Incidents); err != nil {
		return d, err
	}
	if in.points != "" {
		if d.month.Points, err = loadPoints(read, in.points); err != nil {
			return d, err
		}
	}
	return d, nil
}

func decodeStrict(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// loadArray decodes a JSON array record by record, so that an error can say
// which record is wrong.
func loadArray[T any](read readFile, name string, out *[]T) error {
	if name == "" {
		return nil
	}
	raw, err := read(name)
	if err != nil {
		return err
	}
	var records []json.RawMessage
	if err := json.Unmarshal(raw, &records); err != nil {
		return fmt.Errorf("%s: want a JSON array: %w", name, err)
	}
	for i, r := range records {
		var v T
		if err := decodeStrict(r, &v); err != nil {
			return fmt.Errorf("%s: record %d: %w", name, i, err)
		}
		*out = append(*out, v)
	}
	return nil
}

// loadPoints reads one recovery point a line (see recovery.ParsePoints).
func loadPoints(read readFile, name string) ([]recovery.Point, error) {
	raw, err := read(name)
	if err != nil {
		return nil, err
	}
	ps, err := recovery.ParsePoints(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return ps, nil
}

// blame names the file an error of sla.Engine.Month comes from.
func (in inputs) blame(err error) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "tickets["):
		return in.tickets
	case strings.Contains(s, "outages["):
		return in.outages
	case strings.Contains(s, "incidents["):
		return in.incidents
	case strings.Contains(s, "recovery_points"):
		return in.points
	}
	return in.contract
}

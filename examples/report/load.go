package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

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

// loadPoints reads one recovery point a line: the instant the data is
// consistent as of, and optionally when it was stored. Blank lines and lines
// starting with # are skipped.
func loadPoints(read readFile, name string) ([]recovery.Point, error) {
	raw, err := read(name)
	if err != nil {
		return nil, err
	}
	return parsePoints(name, raw)
}

func parsePoints(name string, raw []byte) ([]recovery.Point, error) {
	var out []recovery.Point
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if len(f) > 2 {
			return nil, fmt.Errorf("%s:%d: want an instant and optionally when it was stored", name, line)
		}
		var p recovery.Point
		var err error
		if p.At, err = time.Parse(time.RFC3339Nano, f[0]); err != nil {
			return nil, fmt.Errorf("%s:%d: at %q: want an RFC 3339 instant", name, line, f[0])
		}
		if len(f) == 2 {
			if p.Stored, err = time.Parse(time.RFC3339Nano, f[1]); err != nil {
				return nil, fmt.Errorf("%s:%d: stored %q: want an RFC 3339 instant", name, line, f[1])
			}
		}
		out = append(out, p)
	}
	return out, sc.Err()
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

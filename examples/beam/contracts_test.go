package main

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/sla"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// aContract is a valid contract of customer c, in JSON.
func aContract(t *testing.T, customer string) string {
	t.Helper()
	b, err := json.Marshal(sla.Contract{Customer: customer, Policies: []sla.Dated{{Policy: sla.Preset("Europe/Paris", "FR")}}})
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestContractsDirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.json":    "[" + aContract(t, "Acme") + "," + aContract(t, "Globex") + "]",
		"b.json":    aContract(t, "Initech"),
		"notes.txt": "not read",
	})
	files, err := readContracts(dir)
	if err != nil {
		t.Fatal(err)
	}
	es, err := engines(files)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for c := range es {
		got = append(got, c)
	}
	slices.Sort(got)
	if want := []string{"Acme", "Globex", "Initech"}; !slices.Equal(got, want) {
		t.Errorf("customers %q, want %q", got, want)
	}
}

func TestContractsErrors(t *testing.T) {
	empty := t.TempDir()
	dir := writeFiles(t, map[string]string{
		"a.json": "[" + aContract(t, "Acme") + "," + aContract(t, "Globex") + "]",
		"b.json": aContract(t, "Acme"),
		"c.json": `{"customer":"Bad","policies":[]}`,
		"d.json": `[`,
		"e.json": `[]`,
	})
	for _, tc := range []struct {
		name, path string
		want       []string // one line per problem
		is         error
	}{
		{"missing", filepath.Join(empty, "none.json"), []string{"stat " + filepath.Join(empty, "none.json") + ": no such file or directory"}, os.ErrNotExist},
		{"empty directory", empty, []string{empty + ": no *.json file"}, nil},
		{"empty list", filepath.Join(dir, "e.json"), []string{"no contract given"}, nil},
		{"every problem", dir, []string{
			filepath.Join(dir, "b.json") + `: customer "Acme": duplicate: want one contract per customer (also at ` + filepath.Join(dir, "a.json") + `: [0])`,
			filepath.Join(dir, "c.json") + `: policies: missing: want at least one policy`,
			filepath.Join(dir, "d.json") + `: invalid syntax: EOF`,
		}, fault.ErrDuplicate},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files, err := readContracts(tc.path)
			if err == nil {
				_, err = engines(files)
			}
			if err == nil {
				t.Fatal("no error")
			}
			if got := strings.Split(err.Error(), "\n"); !slices.Equal(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", err, strings.Join(tc.want, "\n"))
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("%v is not %v", err, tc.is)
			}
		})
	}
	if _, err := engines([]contractFile{{Name: "c.json", Data: []byte(`{"customer":"Bad","policies":[]}`)}}); !errors.Is(err, sla.ErrMissing) {
		t.Errorf("%v is not sla.ErrMissing", err)
	}
}

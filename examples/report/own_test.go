package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/slakit/slakit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The README's section "Your own data" is testdata/own/SECTION.md; its
// example files are the files beside it. These tests keep the two equal and
// run the tool on them, with the command the section shows.

var own = filepath.Join("testdata", "own")

// ownSection returns the section and its example files by name.
func ownSection(t *testing.T) (string, map[string]string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(own, "SECTION.md"))
	require.NoError(t, err)
	files := map[string]string{}
	for _, m := range regexp.MustCompile("(?s)`([a-z.]+)`:\n\n```[a-z]+\n(.*?)```\n").FindAllStringSubmatch(string(b), -1) {
		files[m[1]] = m[2]
	}
	return string(b), files
}

func TestOwnDataFiles(t *testing.T) {
	_, shown := ownSection(t)
	entries, err := os.ReadDir(own)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		if e.Name() != "SECTION.md" {
			names = append(names, e.Name())
		}
	}
	slices.Sort(names)
	var inSection []string
	for name := range shown {
		inSection = append(inSection, name)
	}
	slices.Sort(inSection)
	assert.Equal(t, names, inSection, "every example file is shown, and only they")
	for name, text := range shown {
		b, err := os.ReadFile(filepath.Join(own, name))
		require.NoError(t, err)
		assert.Equal(t, string(b), text, "%s differs from its block in SECTION.md", name)
	}
}

// TestOwnDataCommand runs the section's command on the example files: as
// written, with the test's clock (15 July 2026), it reports June 2026.
func TestOwnDataCommand(t *testing.T) {
	section, _ := ownSection(t)
	m := regexp.MustCompile(`(?m)^    report (.*?)\\\n\s+(.*)$`).FindStringSubmatch(section)
	require.NotNil(t, m, "the command is not in SECTION.md")
	var args []string
	for _, a := range strings.Fields(m[1] + " " + m[2]) {
		if !strings.HasPrefix(a, "-") {
			a = filepath.Join(own, a)
		}
		args = append(args, a)
	}
	require.Equal(t, []string{"-contract", filepath.Join(own, "contract.json"), "-tickets", filepath.Join(own, "tickets.json"),
		"-outages", filepath.Join(own, "outages.json"), "-incidents", filepath.Join(own, "incidents.json"), "-points", filepath.Join(own, "points.txt")}, args)
	code, out, errs := runTool(t, args...)
	require.Equal(t, 0, code, errs)
	golden.Check(t, "own.text", []byte(out))

	// the tickets as CSV give the same report
	csvArgs := slices.Clone(args)
	csvArgs[3] = filepath.Join(own, "tickets.csv")
	code, fromCSV, errs := runTool(t, append(csvArgs, "-events", filepath.Join(own, "events.csv"))...)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, out, fromCSV)

	// -fail-on-miss: the month missed its availability objective
	code, _, errs = runTool(t, append(args, "-fail-on-miss")...)
	assert.Equal(t, 3, code)
	assert.Equal(t, "report: -fail-on-miss: an objective was missed\n", errs)
}

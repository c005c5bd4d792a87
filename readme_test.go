package slakit_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeSnippet keeps the README's library snippet identical to the body of
// the sla package's Example, which the tests compile and run.
func TestReadmeSnippet(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```go\n(.*?)```").FindSubmatch(readme) // the first Go snippet
	if m == nil {
		t.Fatal("README.md has no Go snippet")
	}
	example, err := os.ReadFile("sla/example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	body := regexp.MustCompile(`(?s)func Example\(\) \{\n(.*?)\t// Output:`).FindSubmatch(example)
	if body == nil {
		t.Fatal("sla/example_test.go has no Example")
	}
	if got, want := normLines(m[1]), normLines(body[1]); got != want {
		t.Errorf("README snippet and sla.Example differ:\nREADME:\n%s\n\nExample:\n%s", got, want)
	}
	// and the output the README shows is the Example's checked output
	shown := regexp.MustCompile("(?s)prints\n\n```\n(.*?)```").FindSubmatch(readme)
	want := regexp.MustCompile(`(?s)func Example\(\) \{.*?// Output:\n(.*?)\n}`).FindSubmatch(example)
	if shown == nil || want == nil {
		t.Fatal("README output block or Example output not found")
	}
	if got, exp := normLines(shown[1]), normLines([]byte(strings.ReplaceAll(string(want[1]), "//", ""))); got != exp {
		t.Errorf("README output and Example output differ:\nREADME:\n%s\n\nExample:\n%s", got, exp)
	}
}

// TestReadmeHalfDays keeps the README's calendar snippet identical to the
// calendar built by the calendar package's Example_halfDays.
func TestReadmeHalfDays(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	snippets := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(snippets) < 2 {
		t.Fatal("README.md has no second Go snippet")
	}
	example, err := os.ReadFile("calendar/example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	body := regexp.MustCompile(`(?s)func Example_halfDays\(\) \{\n(.*?\n\t\}\))\n`).FindSubmatch(example)
	if body == nil {
		t.Fatal("calendar/example_test.go has no Example_halfDays building a calendar")
	}
	if got, want := normLines(snippets[1][1]), normLines(body[1]); got != want {
		t.Errorf("README calendar snippet and Example_halfDays differ:\nREADME:\n%s\n\nExample:\n%s", got, want)
	}
}

func normLines(b []byte) string {
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// TestReadmeOwnData: the README's section "Your own data" is the file the
// report tool's tests run as written (examples/report/testdata/own).
func TestReadmeOwnData(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	section, err := os.ReadFile("examples/report/testdata/own/SECTION.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), string(section)) {
		t.Error("README.md does not contain examples/report/testdata/own/SECTION.md verbatim")
	}
}

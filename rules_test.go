package slakit_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRulesResolve checks that the repository states its own rules: every
// rule, interpretation or worked example cited anywhere (R5, I14, E4) is
// defined in the package documentation of doc.go, and no file points outside
// the repository for them.
func TestRulesResolve(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	defined := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^//\s+([RIE]\d{1,2})\s`).FindAllSubmatch(doc, -1) {
		defined[string(m[1])] = true
	}
	if len(defined) < 13+19+6 {
		t.Fatalf("doc.go defines %d ids, want R1–R13, I1–I19, E1–E6", len(defined))
	}
	cite := regexp.MustCompile(`\b(?:SPEC\s+)?([RIE](?:[1-9]|1[0-9]))\b`)
	outside := regexp.MustCompile(`\.\./shared|shared/SPEC|SPEC\.md|\bSPEC\b`)
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == ".git" || name == "testdata" || (strings.HasPrefix(name, ".") && path != ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if ext := filepath.Ext(path); ext != ".go" && ext != ".md" {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if path == "rules_test.go" {
			return nil
		}
		for i, line := range strings.Split(string(b), "\n") {
			if outside.MatchString(line) {
				t.Errorf("%s:%d points outside the repository: %s", path, i+1, strings.TrimSpace(line))
			}
			if !strings.Contains(line, "//") && filepath.Ext(path) == ".go" {
				continue // only comments cite rules in Go files
			}
			for _, m := range cite.FindAllStringSubmatch(line, -1) {
				if !defined[m[1]] {
					t.Errorf("%s:%d cites %s, which doc.go does not define", path, i+1, m[1])
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

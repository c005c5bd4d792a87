package slakit_test

import (
	"go/ast"
	"go/doc"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDocLinks checks that every doc link ([Name], [Type.Method], [pkg.Name])
// in the documentation of every package of the module resolves, so that go doc
// never renders a dangling link.
func TestDocLinks(t *testing.T) {
	candidate := regexp.MustCompile(`(?:^|[^A-Za-z0-9_\]])\[\*?([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\]([^(:]|$)`)
	err := filepath.WalkDir(".", func(dir string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); name == "testdata" || (strings.HasPrefix(name, ".") && dir != ".") {
			return filepath.SkipDir
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && dir != "." {
			return filepath.SkipDir // a nested module
		}
		fset := token.NewFileSet()
		pkgs := map[string][]*ast.File{} // by package name
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
			if err != nil {
				return err
			}
			pkgs[f.Name.Name] = append(pkgs[f.Name.Name], f)
		}
		for _, files := range pkgs {
			dp, err := doc.NewFromFiles(fset, files, "example.com/"+dir)
			if err != nil {
				return err
			}
			parse := dp.Parser()
			check := func(where, text string) {
				for _, m := range candidate.FindAllStringSubmatch(text, -1) {
					if !isLink(parse.Parse("[" + m[1] + "]")) {
						t.Errorf("%s: %s: [%s] does not resolve", dir, where, m[1])
					}
				}
			}
			check("package", dp.Doc)
			for _, v := range append(dp.Consts, dp.Vars...) {
				check(strings.Join(v.Names, ","), v.Doc)
			}
			for _, f := range dp.Funcs {
				check(f.Name, f.Doc)
			}
			for _, ty := range dp.Types {
				check(ty.Name, ty.Doc)
				for _, spec := range ty.Decl.Specs {
					if st, ok := spec.(*ast.TypeSpec).Type.(*ast.StructType); ok {
						for _, f := range st.Fields.List {
							check(ty.Name+" field", f.Doc.Text()+f.Comment.Text())
						}
					}
				}
				for _, f := range append(ty.Funcs, ty.Methods...) {
					check(ty.Name+"."+f.Name, f.Doc)
				}
				for _, v := range append(ty.Consts, ty.Vars...) {
					check(strings.Join(v.Names, ","), v.Doc)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func isLink(d *comment.Doc) bool {
	for _, b := range d.Content {
		if p, ok := b.(*comment.Paragraph); ok {
			for _, x := range p.Text {
				if _, ok := x.(*comment.DocLink); ok {
					return true
				}
			}
		}
	}
	return false
}

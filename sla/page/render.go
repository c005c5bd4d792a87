package page

import (
	"bytes"
	"embed"
	"html/template"
	"io"
)

//go:embed templates/*.tmpl
var files embed.FS

// templates are parsed once; a parsed template is safe for concurrent use.
var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"css": cssVars,
}).ParseFS(files, "templates/*.tmpl"))

// execute renders a whole page into a buffer first, so that a failure never
// leaves half a document in w.
func execute(w io.Writer, name string, data any) error {
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, name, data); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

package page

import "strings"

// legendItem explains one kind of mark. Every mark drawn carries the Key of
// its entry (data-key), and the legend lists exactly the keys used.
type legendItem struct {
	Key   string
	Kind  string // how the swatch is drawn: "bar", "mark", "shade", "line", "cell"
	Class string // the swatch's CSS class
	Text  string
	Group string
}

// legendGroup is the entries of one part of a chart: "Service", "Tickets".
type legendGroup struct {
	Name  string
	Items []legendItem
}

// legend collects the entries of the marks a page uses, in the order they are
// first described.
type legend struct {
	items []legendItem
	used  map[string]bool
	group string
}

// start names the group of the entries described next.
func (l *legend) start(group string) { l.group = group }

// describe records what a key means; only used keys are listed. kind is how
// its swatch is drawn, optionally followed by the swatch's class ("cell up");
// the class is "k-" and the key otherwise.
func (l *legend) describe(key, kind, text string) {
	k, class, ok := strings.Cut(kind, " ")
	if !ok {
		class = "k-" + key
	}
	l.items = append(l.items, legendItem{Key: key, Kind: k, Class: class, Text: text, Group: l.group})
}

func (l *legend) use(key string) string {
	if l.used == nil {
		l.used = map[string]bool{}
	}
	l.used[key] = true
	return key
}

// list returns the described entries that were used.
func (l *legend) list() []legendItem {
	var out []legendItem
	for _, it := range l.items {
		if l.used[it.Key] {
			out = append(out, it)
		}
	}
	return out
}

// groups returns the used entries by group, groups in the order described.
func (l *legend) groups() []legendGroup {
	var out []legendGroup
	for _, it := range l.list() {
		if len(out) == 0 || out[len(out)-1].Name != it.Group {
			out = append(out, legendGroup{Name: it.Group})
		}
		g := &out[len(out)-1]
		g.Items = append(g.Items, it)
	}
	return out
}

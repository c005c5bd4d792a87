package sla

import (
	"strconv"
	"strings"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/severity"
)

// timeline is what a ticket's events say, as of an instant.
type timeline struct {
	cycles     []cycle
	responded  time.Time // first response, workaround or fix of the first cycle
	pauses     []pause   // in order, disjoint; only the last may be open
	changes    []change  // in order, at most one an instant
	instances  []instance
	excluded   time.Time
	category   availability.Category
	notADefect time.Time
	waived     time.Time

	// Room for the usual timeline, so that evaluating one allocates nothing
	// here: a timeline lives on its caller's stack.
	cycleBuf    [2]cycle
	pauseBuf    [4]pause
	changeBuf   [2]change
	instanceBuf [4]instance
}

// cycle is one round of workaround and fix: the first starts at receipt, each
// reopening starts another.
type cycle struct {
	start, workaround, fix time.Time
}

// pause is a wait on the customer, [from, to); to is zero while it lasts.
type pause struct{ from, to time.Time }

type change struct {
	at    time.Time
	level severity.Level
}

// instance is one occurrence of a next-reply or update target (I16): it starts
// at a customer message, an agent reply or a reopening, and ends (done) at the
// next agent reply.
type instance struct {
	m           Milestone
	cycle       int
	start, done time.Time
	why         string
}

// replyRules says which reply targets a policy has: each kind of instance is
// recorded only when some level has its target.
type replyRules struct{ next, update bool }

// walker replays events; it knows what has happened so far.
type walker struct {
	tl                                       *timeline
	received, until                          time.Time
	level                                    severity.Level
	paused, responded, excluded, nad, waived bool
	cur                                      cycle
	lastChange                               time.Time

	rules replyRules
	// answered: the customer has had an agent reply since its last message
	// (false at receipt, which the response target covers).
	answered             bool
	openNext, openUpdate int // the running instances, or -1
}

// walk checks every event of t and records those at or before until. Events
// are taken in canonical order, except that among events of one instant the
// first that can happen goes first, so that "waiting" and "resumed" at the same
// instant work whichever state the ticket is in: when the event in turn cannot
// happen, the first later event of the same instant that can happen takes its
// place (and it takes the place of that one). Any impossible event is a
// [FieldError] naming it ("events[3]").
//
// The search for an event that can go first costs O(log g) per event in an
// instant of g events (classes of interchangeable events, each a heap of
// positions), so that a ticket of n events takes O(n log n) whatever its
// instants.
func walk(t *Ticket, evs []indexed, until time.Time, tl *timeline, rules replyRules) error {
	tl.cycles, tl.pauses, tl.changes, tl.instances = tl.cycleBuf[:0], tl.pauseBuf[:0], tl.changeBuf[:0], tl.instanceBuf[:0]
	w := walker{tl: tl, received: t.Received, until: until, level: t.Severity, cur: cycle{start: t.Received},
		rules: rules, openNext: -1, openUpdate: -1}
	for g := 0; g < len(evs); {
		e := &evs[g]
		switch {
		case e.At.IsZero():
			return fault.Field(fault.Index("events", e.index)+".at", "", ErrZeroTime, "want the instant it happened")
		case e.At.Before(t.Received):
			return fault.Field(fault.Index("events", e.index)+".at", e.At.Format(time.RFC3339Nano), ErrTimeline,
				"before the ticket was received at "+t.Received.Format(time.RFC3339Nano)+": want an instant at or after it")
		}
		h := g + 1
		for h < len(evs) && evs[h].At.Equal(e.At) {
			h++
		}
		if err := w.instant(evs[g:h]); err != nil {
			return err
		}
		g = h
	}
	if !w.cur.start.After(until) {
		tl.cycles = append(tl.cycles, clip(w.cur, until))
	}
	return nil
}

// scanAhead is how far walker.instant looks for an event that can go first
// before it builds the heaps: most instants hold one or two events.
const scanAhead = 8

// instant applies the events of one instant.
func (w *walker) instant(evs []indexed) error {
	var q *queues
	for i := range evs {
		if q == nil {
			if w.check(&evs[i]) == ok {
				w.apply(&evs[i])
				continue
			}
			j := i + 1
			for ; j < len(evs) && j <= i+scanAhead; j++ {
				if w.check(&evs[j]) == ok {
					break
				}
			}
			switch {
			case j < len(evs) && j <= i+scanAhead:
				evs[i], evs[j] = evs[j], evs[i]
				w.apply(&evs[i])
				continue
			case j >= len(evs):
				return w.bad(&evs[i])
			}
			q = newQueues(evs, i)
		}
		c := classOf(&evs[i])
		if w.check(&evs[i]) == ok {
			q.pop(c)
		} else {
			j := q.first(w, evs)
			if j < 0 {
				return w.bad(&evs[i])
			}
			q.pop(classOf(&evs[j]))
			q.replace(c, int32(j))
			evs[i], evs[j] = evs[j], evs[i]
		}
		w.apply(&evs[i])
	}
	return nil
}

// Events of one class can happen or not in exactly the same states, so that
// the first event of an instant that can happen is the first of the first
// events of each class that can.
const (
	classNever = iota // an unknown kind, an invalid severity or category: never
	classResumed
	classWaiting
	classResponded
	classWorkaround
	classFixed
	classReopened
	classNotADefect
	classExcluded
	classWaived
	classCustomer
	classSeverity // + the level (1 to 4)
	numClasses    = classSeverity + 5
)

func classOf(e *indexed) int {
	switch e.Kind {
	case Resumed:
		return classResumed
	case Waiting:
		return classWaiting
	case Responded:
		return classResponded
	case WorkaroundGiven:
		return classWorkaround
	case Fixed:
		return classFixed
	case Reopened:
		return classReopened
	case NotADefect:
		return classNotADefect
	case Excluded:
		if validCategory(e.Category) {
			return classExcluded
		}
	case Waived:
		return classWaived
	case CustomerReplied:
		return classCustomer
	case SeverityChanged:
		if e.Severity.IsValid() {
			return classSeverity + int(e.Severity)
		}
	}
	return classNever
}

// queues holds, for each class, a min-heap of the positions (in the instant's
// slice) of its events still to be applied. Every heap lives in one array,
// each in its own segment: a heap never grows, since an event only ever moves
// to the position of one of another class.
type queues struct {
	pos        []int32
	off, count [numClasses]int32
}

// newQueues puts the events from position i on in their heaps; positions in
// increasing order already make a heap.
func newQueues(evs []indexed, i int) *queues {
	q := &queues{pos: make([]int32, len(evs)-i)}
	for j := i; j < len(evs); j++ {
		q.count[classOf(&evs[j])]++
	}
	var off int32
	for c := range numClasses {
		q.off[c], off = off, off+q.count[c]
		q.count[c] = 0
	}
	for j := i; j < len(evs); j++ {
		c := classOf(&evs[j])
		q.pos[q.off[c]+q.count[c]] = int32(j)
		q.count[c]++
	}
	return q
}

// first returns the smallest position of an event that can happen now, or -1.
func (q *queues) first(w *walker, evs []indexed) int {
	best := int32(-1)
	for c := range numClasses {
		if q.count[c] == 0 {
			continue
		}
		j := q.pos[q.off[c]]
		if (best < 0 || j < best) && w.check(&evs[j]) == ok {
			best = j
		}
	}
	return int(best)
}

// pop removes the smallest position of class c.
func (q *queues) pop(c int) {
	h := q.pos[q.off[c] : q.off[c]+q.count[c]]
	n := len(h) - 1
	h[0] = h[n]
	q.count[c]--
	siftDown(h[:n])
}

// replace puts j in place of the smallest position of class c.
func (q *queues) replace(c int, j int32) {
	h := q.pos[q.off[c] : q.off[c]+q.count[c]]
	h[0] = j
	siftDown(h)
}

func siftDown(h []int32) {
	i := 0
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r] < h[l] {
			m = r
		}
		if h[i] <= h[m] {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// reason says why an event cannot happen where it stands.
type reason uint8

const (
	ok reason = iota
	resumedUnpaused
	waitingTwice
	badSeverity
	changeSameInstant
	severityUnchanged
	respondedTwice
	workaroundAfterFix
	workaroundTwice
	fixedTwice
	reopenedUnfixed
	reopenedWaiting
	notADefectTwice
	excludedTwice
	noCategory
	waivedTwice
	unknownKind
)

var reasons = [...]string{
	resumedUnpaused:    `resumed without a pause: want "waiting" before it`,
	waitingTwice:       `waiting while already waiting: want "resumed" before it`,
	badSeverity:        "invalid severity: want sev1 to sev4",
	changeSameInstant:  "two severity changes at the same instant: want one",
	severityUnchanged:  "severity unchanged: want another level than the one in force",
	respondedTwice:     "responded twice: want one response (many need next_reply or update targets in the policy)",
	workaroundAfterFix: "workaround after the fix of the same cycle: want it before the fix",
	workaroundTwice:    "workaround given twice in one cycle: want one per cycle",
	fixedTwice:         `fixed twice in one cycle (reopen it first): want "reopened" before it`,
	reopenedUnfixed:    `reopened before it was fixed: want "fixed" before it`,
	reopenedWaiting:    `reopened while waiting on the customer: want "resumed" before it`,
	notADefectTwice:    "not-a-defect given twice: want one",
	excludedTwice:      "excluded twice: want one",
	noCategory:         `an exclusion needs its R4 category: want one such as "third-party-software"`,
	waivedTwice:        "waived twice: want one",
	unknownKind:        "unknown kind: want one of " + quoted(kindNames.Names[1:]),
}

func quoted(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

// bad returns the error of an event that cannot happen where it stands: the
// path of the event (or of its field at fault), the value, and the reason.
func (w *walker) bad(e *indexed) error {
	r := w.check(e)
	path, value := fault.Index("events", e.index), e.Event.String()
	switch r {
	case unknownKind:
		path, value = path+".kind", e.Kind.String()
	case badSeverity:
		path, value = path+".severity", e.Severity.String()
	case noCategory:
		path, value = path+".category", ""
		if e.Category != availability.NoCategory {
			value = e.Category.String()
		}
	}
	return fault.Field(path, value, ErrTimeline, reasons[r])
}

// check returns why e cannot happen now, or ok.
func (w *walker) check(e *indexed) reason {
	switch e.Kind {
	case Resumed:
		if !w.paused {
			return resumedUnpaused
		}
	case Waiting:
		if w.paused {
			return waitingTwice
		}
	case SeverityChanged:
		if !e.Severity.IsValid() {
			return badSeverity
		}
		if !w.lastChange.IsZero() && e.At.Equal(w.lastChange) {
			return changeSameInstant
		}
		if e.Severity == w.level {
			return severityUnchanged
		}
	case Responded:
		if w.responded && !w.rules.many() {
			return respondedTwice
		}
	case WorkaroundGiven:
		if !w.cur.fix.IsZero() {
			return workaroundAfterFix
		}
		if !w.cur.workaround.IsZero() {
			return workaroundTwice
		}
	case Fixed:
		if !w.cur.fix.IsZero() {
			return fixedTwice
		}
	case Reopened:
		if w.cur.fix.IsZero() {
			return reopenedUnfixed
		}
		if w.paused {
			return reopenedWaiting
		}
	case NotADefect:
		if w.nad {
			return notADefectTwice
		}
	case Excluded:
		if w.excluded {
			return excludedTwice
		}
		if !validCategory(e.Category) {
			return noCategory
		}
	case Waived:
		if w.waived {
			return waivedTwice
		}
	case CustomerReplied:
	default:
		return unknownKind
	}
	return ok
}

// many reports whether an agent may respond more than once: only replies
// give a second response a meaning, so without reply targets it stays an
// error, as it always was.
func (r replyRules) many() bool { return r.next || r.update }

// apply records e, which check accepted.
func (w *walker) apply(e *indexed) {
	tl, keep := w.tl, !e.At.After(w.until)
	switch e.Kind {
	case Resumed:
		w.paused = false
		if keep {
			tl.pauses[len(tl.pauses)-1].to = e.At
		}
	case Waiting:
		w.paused = true
		if keep {
			tl.pauses = append(tl.pauses, pause{from: e.At})
		}
	case SeverityChanged:
		w.level, w.lastChange = e.Severity, e.At
		if keep {
			tl.changes = append(tl.changes, change{e.At, e.Severity})
		}
	case Responded:
		w.responded = true
	case WorkaroundGiven:
		w.cur.workaround = e.At
	case Fixed:
		w.cur.fix = e.At
	case Reopened:
		if keep {
			tl.cycles = append(tl.cycles, clip(w.cur, w.until))
		}
		w.cur = cycle{start: e.At}
	case NotADefect:
		w.nad = true
		if keep && tl.notADefect.IsZero() {
			tl.notADefect = e.At
		}
	case Excluded:
		w.excluded = true
		if keep {
			tl.excluded, tl.category = e.At, e.Category
		}
	case Waived:
		w.waived = true
		if keep {
			tl.waived = e.At
		}
	}
	if !keep {
		return
	}
	reply := e.Kind == Responded || e.Kind == WorkaroundGiven || e.Kind == Fixed
	// The first of responded, workaround and fixed answers the request.
	if reply && tl.responded.IsZero() && len(tl.cycles) == 0 {
		tl.responded = e.At
	}
	if w.rules.many() {
		w.replies(e, reply)
	}
}

// replies starts and ends the instances of next-reply and update targets
// (I16). A customer message starts a next-reply target when the customer had
// been answered and the ticket is open (not fixed); the next agent reply ends
// it. An agent reply while the ticket is open starts an update target, as does
// a reopening; the next agent reply (or the fix) ends it.
func (w *walker) replies(e *indexed, reply bool) {
	tl := w.tl
	open := w.cur.fix.IsZero()
	switch {
	case e.Kind == CustomerReplied:
		if w.rules.next && open && w.answered {
			w.openNext = w.start(NextReply, e.At, whyCustomer)
			w.answered = false
		}
	case e.Kind == Reopened:
		if w.rules.update {
			w.openUpdate = w.start(Update, e.At, whyReopened)
		}
	case reply:
		w.answered = true
		if w.openNext >= 0 {
			tl.instances[w.openNext].done = e.At
			w.openNext = -1
		}
		// A second reply at the instant an update target starts does not end
		// it; the fix always does.
		if u := w.openUpdate; u >= 0 && (!open || tl.instances[u].start.Before(e.At)) {
			tl.instances[u].done = e.At
			w.openUpdate = -1
		}
		if w.rules.update && open && w.openUpdate < 0 {
			w.openUpdate = w.start(Update, e.At, whyAgent)
		}
	}
}

// start records a new instance of m in the current cycle.
func (w *walker) start(m Milestone, at time.Time, why string) int {
	w.tl.instances = append(w.tl.instances, instance{m: m, cycle: len(w.tl.cycles), start: at, why: why})
	return len(w.tl.instances) - 1
}

// validCategory reports whether c is one of the R4 circumstances.
func validCategory(c availability.Category) bool {
	return c != availability.NoCategory && c <= availability.BeyondControl
}

// clip forgets the milestones of c that happen after until.
func clip(c cycle, until time.Time) cycle {
	if c.workaround.After(until) {
		c.workaround = time.Time{}
	}
	if c.fix.After(until) {
		c.fix = time.Time{}
	}
	return c
}

package sla

import (
	"strconv"
	"strings"
	"time"

	"github.com/slakit/slakit/availability"
	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/severity"
)

// timeline is what a ticket's events say, as of an instant: its lists (see
// facts for the rest).
type timeline struct {
	cycles    []cycle
	pauses    []pause  // in order, disjoint; only the last may be open
	changes   []change // in order, at most one an instant
	instances []instance
}

// facts is the rest of what a ticket's events say. It is kept apart from the
// timeline's lists so that the compiler's escape analysis, which follows a
// variable as a whole, can leave the lists' room on the stack when these
// instants go into a status.
type facts struct {
	responded  time.Time // first response, workaround or fix of the first cycle
	excluded   time.Time
	category   availability.Category
	notADefect time.Time
	waived     time.Time
}

// timelineBuf is room for the usual timeline, so that evaluating one
// allocates nothing: it lives on the caller's stack, and walk appends to the
// lists it starts, held in its own variables (appending through a pointer
// would move the room to the heap).
type timelineBuf struct {
	cycles    [2]cycle
	pauses    [4]pause
	changes   [2]change
	instances [4]instance
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
	received                                 time.Time
	level                                    severity.Level
	paused, responded, excluded, nad, waived bool
	cur                                      cycle
	lastChange                               time.Time
	rules                                    replyRules
	// atUntil is the cycle in force at until, once a reopening after until
	// has replaced cur (which checking goes on with).
	atUntil    cycle
	atUntilSet bool
	// answered: the customer has had an agent reply since its last message
	// (false at receipt, which the response target covers).
	answered             bool
	openNext, openUpdate int // the running reply instances, or -1
}

// walk checks every event of t and records those at or before until, in
// loc, in a timeline whose lists start in b. Events are taken in the order
// given by order (indices of t.Events, canonical: see ordered), except that
// among events of one instant the first that can happen goes first, so that
// "waiting" and "resumed" at the same instant work whichever state the ticket
// is in: when the event in turn cannot happen, the first later event of the
// same instant that can happen takes its place (and it takes the place of
// that one). Any impossible event is a [FieldError] naming it ("events[3]").
//
// The search for an event that can go first costs O(log g) per event in an
// instant of g events (classes of interchangeable events, each a heap of
// positions), so that a ticket of n events takes O(n log n) whatever its
// instants.
func walk(t *Ticket, order []int32, loc *time.Location, until time.Time, rules replyRules, b *timelineBuf) (timeline, facts, error) {
	evs := t.Events
	tl := timeline{cycles: b.cycles[:0], pauses: b.pauses[:0], changes: b.changes[:0], instances: b.instances[:0]}
	if len(evs) > len(b.pauses) { // room for every list at once, rather than doubling
		var cycles, pauses, changes, instances int
		for i := range evs {
			switch evs[i].Kind {
			case Reopened:
				cycles++
				instances++
			case Waiting:
				pauses++
			case SeverityChanged:
				changes++
			case CustomerReplied, Responded, WorkaroundGiven, Fixed:
				instances++
			}
		}
		if !rules.many() {
			instances = 0
		}
		tl.cycles = grown(tl.cycles, cycles+1)
		tl.pauses = grown(tl.pauses, pauses)
		tl.changes = grown(tl.changes, changes)
		tl.instances = grown(tl.instances, instances)
	}
	var fx facts
	w := walker{received: t.Received, level: t.Severity, cur: cycle{start: t.Received}, rules: rules, openNext: -1, openUpdate: -1}

	// start records a new reply instance in the current cycle.
	start := func(m Milestone, at time.Time, why string) int {
		tl.instances = append(tl.instances, instance{m: m, cycle: len(tl.cycles), start: at, why: why})
		return len(tl.instances) - 1
	}
	// apply records e, which check accepted.
	apply := func(e *Event) {
		at := e.At.In(loc)
		keep := !at.After(until)
		switch e.Kind {
		case Resumed:
			w.paused = false
			if keep {
				tl.pauses[len(tl.pauses)-1].to = at
			}
		case Waiting:
			w.paused = true
			if keep {
				tl.pauses = append(tl.pauses, pause{from: at})
			}
		case SeverityChanged:
			w.level, w.lastChange = e.Severity, at
			if keep {
				tl.changes = append(tl.changes, change{at, e.Severity})
			}
		case Responded:
			w.responded = true
		case WorkaroundGiven:
			w.cur.workaround = at
		case Fixed:
			w.cur.fix = at
		case Reopened:
			if keep {
				tl.cycles = append(tl.cycles, clip(w.cur, until))
			} else if !w.atUntilSet {
				w.atUntil, w.atUntilSet = clip(w.cur, until), true
			}
			w.cur = cycle{start: at}
		case NotADefect:
			w.nad = true
			if keep && fx.notADefect.IsZero() {
				fx.notADefect = at
			}
		case Excluded:
			w.excluded = true
			if keep {
				fx.excluded, fx.category = at, e.Category
			}
		case Waived:
			w.waived = true
			if keep {
				fx.waived = at
			}
		}
		if !keep {
			return
		}
		reply := e.Kind == Responded || e.Kind == WorkaroundGiven || e.Kind == Fixed
		// The first of responded, workaround and fixed answers the request.
		if reply && fx.responded.IsZero() && len(tl.cycles) == 0 {
			fx.responded = at
		}
		if !w.rules.many() {
			return
		}
		// The instances of next-reply and update targets (I16): a customer
		// message starts a next-reply target when the customer had been
		// answered and the ticket is open (not fixed); the next agent reply
		// ends it. An agent reply while the ticket is open starts an update
		// target, as does a reopening; the next agent reply (or the fix) ends
		// it; a second reply at the instant it starts does not.
		open := w.cur.fix.IsZero()
		switch {
		case e.Kind == CustomerReplied:
			if w.rules.next && open && w.answered {
				w.openNext = start(NextReply, at, whyCustomer)
				w.answered = false
			}
		case e.Kind == Reopened:
			if w.rules.update {
				w.openUpdate = start(Update, at, whyReopened)
			}
		case reply:
			w.answered = true
			if w.openNext >= 0 {
				tl.instances[w.openNext].done = at
				w.openNext = -1
			}
			if u := w.openUpdate; u >= 0 && (!open || tl.instances[u].start.Before(at)) {
				tl.instances[u].done = at
				w.openUpdate = -1
			}
			if w.rules.update && open && w.openUpdate < 0 {
				w.openUpdate = start(Update, at, whyAgent)
			}
		}
	}

	for g := 0; g < len(order); {
		e := &evs[order[g]]
		switch {
		case e.At.IsZero():
			return tl, fx, fault.Field(fault.Index("events", int(order[g]))+".at", "", ErrZeroTime, "want the instant it happened")
		case e.At.Before(t.Received):
			return tl, fx, fault.Field(fault.Index("events", int(order[g]))+".at", e.At.In(loc).Format(time.RFC3339Nano), ErrTimeline,
				"before the ticket was received at "+t.Received.Format(time.RFC3339Nano)+": want an instant at or after it")
		}
		h := g + 1
		for h < len(order) && evs[order[h]].At.Equal(e.At) {
			h++
		}
		// The events of one instant, the first that can happen first.
		in := order[g:h]
		var q *queues
		for i := range in {
			if q == nil {
				if w.check(&evs[in[i]]) == ok {
					apply(&evs[in[i]])
					continue
				}
				j := i + 1
				for ; j < len(in) && j <= i+scanAhead; j++ {
					if w.check(&evs[in[j]]) == ok {
						break
					}
				}
				switch {
				case j < len(in) && j <= i+scanAhead:
					in[i], in[j] = in[j], in[i]
					apply(&evs[in[i]])
					continue
				case j >= len(in):
					return tl, fx, w.bad(&evs[in[i]], int(in[i]), loc)
				}
				q = newQueues(evs, in, i)
			}
			c := classOf(&evs[in[i]])
			if w.check(&evs[in[i]]) == ok {
				q.pop(c)
			} else {
				j := q.first(&w, evs, in)
				if j < 0 {
					return tl, fx, w.bad(&evs[in[i]], int(in[i]), loc)
				}
				q.pop(classOf(&evs[in[j]]))
				q.replace(c, int32(j))
				in[i], in[j] = in[j], in[i]
			}
			apply(&evs[in[i]])
		}
		g = h
	}
	switch {
	case w.atUntilSet:
		tl.cycles = append(tl.cycles, w.atUntil)
	case !w.cur.start.After(until):
		tl.cycles = append(tl.cycles, clip(w.cur, until))
	}
	return tl, fx, nil
}

// grown returns s, or an empty slice of capacity n when s has less.
func grown[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s
	}
	return make([]T, 0, n)
}

// scanAhead is how far walk looks for an event of an instant that can go
// first before it builds the heaps: most instants hold one or two events.
const scanAhead = 8

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

func classOf(e *Event) int {
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
		if e.Category.IsValid() {
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

// queues holds, for each class, a min-heap of the positions (in the instant)
// of its events still to be applied. Every heap lives in one array, each in
// its own segment: a heap never grows, since an event only ever moves to the
// position of one of another class.
type queues struct {
	pos        []int32
	off, count [numClasses]int32
}

// newQueues puts the events of the instant in from position i on in their
// heaps; positions in increasing order already make a heap.
func newQueues(evs []Event, in []int32, i int) *queues {
	q := &queues{pos: make([]int32, len(in)-i)}
	for j := i; j < len(in); j++ {
		q.count[classOf(&evs[in[j]])]++
	}
	var off int32
	for c := range numClasses {
		q.off[c], off = off, off+q.count[c]
		q.count[c] = 0
	}
	for j := i; j < len(in); j++ {
		c := classOf(&evs[in[j]])
		q.pos[q.off[c]+q.count[c]] = int32(j)
		q.count[c]++
	}
	return q
}

// first returns the smallest position of an event that can happen now, or -1.
func (q *queues) first(w *walker, evs []Event, in []int32) int {
	best := int32(-1)
	for c := range numClasses {
		if q.count[c] == 0 {
			continue
		}
		j := q.pos[q.off[c]]
		if (best < 0 || j < best) && w.check(&evs[in[j]]) == ok {
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

// bad returns the error of event index that cannot happen where it stands:
// the path of the event (or of its field at fault), the value, and the
// reason.
func (w *walker) bad(e *Event, index int, loc *time.Location) error {
	r := w.check(e)
	in := *e
	in.At = in.At.In(loc)
	path, value := fault.Index("events", index), in.String()
	switch r {
	case unknownKind:
		path, value = path+".kind", e.Kind.String()
		if e.Kind == 0 {
			value = "" // not given
		}
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
func (w *walker) check(e *Event) reason {
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
		if !e.Category.IsValid() {
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

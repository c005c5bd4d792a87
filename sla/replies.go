package sla

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strconv"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/severity"
)

// Replies are the optional reply targets of one severity level (I16), on the
// level's clock and paused while waiting on the customer like the others. Each
// occurrence is its own target instance; neither changes the response,
// workaround or fix due times. A zero target ("n/a") means none.
//
// In a policy's JSON they are optional keys of each level of "severities",
// next to "response", "workaround" and "fix":
//
//	"sev3": {"response": "4h business", "workaround": "5d business", "fix": "15d business",
//	         "next_reply": "4h business", "update": "1d business"}
type Replies struct {
	// NextReply: after a customer message (a [CustomerReplied] event) that
	// finds the customer answered, an agent reply is due within this time.
	// Further messages before the reply start nothing new: the oldest
	// unanswered message sets the clock. Messages before the first response
	// are answered by the response target, and messages while the ticket is
	// fixed start nothing.
	NextReply severity.Target `json:"next_reply,omitzero"`
	// Update: while the ticket is open (not fixed), an agent reply is due at
	// least this often after the previous one, from the first response on (the
	// response target alone covers the time before it), and after each
	// reopening.
	Update severity.Target `json:"update,omitzero"`
}

// IsZero reports whether r has no reply target.
func (r Replies) IsZero() bool { return !r.NextReply.IsApplicable() && !r.Update.IsApplicable() }

// replyKeys are the keys of Replies in a level of the severities.
var replyKeys = [2]string{"next_reply", "update"}

func (r *Replies) field(i int) *severity.Target {
	if i == 0 {
		return &r.NextReply
	}
	return &r.Update
}

// takeReplies removes the reply keys from each level of "severities" in a
// policy's JSON, for the severity matrix to read the rest, and returns them.
// JSON that is not the object it should be is returned as is, for the
// policy's decoder to report.
func takeReplies(data []byte) ([]byte, map[severity.Level]Replies, error) {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return data, nil, nil
	}
	var levels map[string]json.RawMessage
	if json.Unmarshal(top["severities"], &levels) != nil || levels == nil {
		return data, nil, nil
	}
	var out map[severity.Level]Replies
	changed := false
	for _, key := range slices.Sorted(maps.Keys(levels)) {
		var obj map[string]json.RawMessage
		if json.Unmarshal(levels[key], &obj) != nil {
			continue
		}
		var r Replies
		found := false
		for i, name := range replyKeys {
			raw, ok := obj[name]
			if !ok {
				continue
			}
			found = true
			delete(obj, name)
			path := "severities." + key + "." + name
			var text string
			if err := json.Unmarshal(raw, &text); err != nil {
				return nil, nil, fault.Field(path, string(raw), ErrInvalid, `want a target such as "4h business" or "n/a"`)
			}
			if err := r.field(i).UnmarshalText([]byte(text)); err != nil {
				return nil, nil, fault.Field(path, text, ErrInvalid, `want a target such as "4h business" or "n/a"`)
			}
		}
		if !found {
			continue
		}
		if !changed {
			// Before the keys go: a key written twice is an error, not the
			// last one winning.
			var whole json.RawMessage
			if err := jsonx.Decode(data, &whole); err != nil {
				return nil, nil, err
			}
			changed = true
		}
		l, err := severity.ParseLevel(key)
		if err != nil {
			continue // the matrix reports the level
		}
		if !r.IsZero() {
			if out == nil {
				out = map[severity.Level]Replies{}
			}
			out[l] = r
		}
		if levels[key], err = json.Marshal(obj); err != nil {
			return nil, nil, err
		}
	}
	if !changed {
		return data, nil, nil
	}
	var err error
	if top["severities"], err = json.Marshal(levels); err != nil {
		return nil, nil, err
	}
	data, err = json.Marshal(top)
	return data, out, err
}

// putReplies writes replies into the levels of "severities" in out, a
// policy's JSON as encoding/json writes it, keeping every key in its place.
func putReplies(out []byte, replies map[severity.Level]Replies) ([]byte, error) {
	if len(replies) == 0 {
		return out, nil
	}
	for l := range replies {
		if !l.IsValid() {
			return nil, fault.Field("replies", l.String(), ErrInvalid, "want reply targets for sev1 to sev4 only")
		}
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	if _, err := dec.Token(); err != nil { // {
		return nil, err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, err
		}
		if key != "severities" {
			continue
		}
		end := int(dec.InputOffset())
		levels, err := withReplies(raw, replies)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		b.Write(out[:end-len(raw)])
		b.Write(levels)
		b.Write(out[end:])
		return b.Bytes(), nil
	}
	return nil, errors.New("sla: no severities to put the reply targets in")
}

// withReplies adds the reply keys to each level object of a matrix's JSON.
func withReplies(matrix []byte, replies map[severity.Level]Replies) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(matrix))
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteByte('{')
	for first := true; dec.More(); first = false {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := tok.(string)
		var obj json.RawMessage
		if err := dec.Decode(&obj); err != nil {
			return nil, err
		}
		if !first {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(key) + ":")
		l, err := severity.ParseLevel(key)
		r := replies[l]
		if err != nil || r.IsZero() {
			b.Write(obj)
			continue
		}
		obj = bytes.TrimSpace(obj)
		b.Write(obj[:len(obj)-1]) // without its closing brace
		for i, name := range replyKeys {
			if t := *r.field(i); t.IsApplicable() {
				b.WriteString("," + strconv.Quote(name) + ":" + strconv.Quote(t.String()))
			}
		}
		b.WriteByte('}')
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// checkReplies reports reply targets of levels that do not exist.
func checkReplies(replies map[severity.Level]Replies) []error {
	var errs []error
	for _, l := range slices.Sorted(maps.Keys(replies)) {
		if !l.IsValid() {
			errs = append(errs, fault.Field("replies", l.String(), ErrInvalid, "want reply targets for sev1 to sev4 only"))
		}
	}
	return errs
}

// MarshalJSON encodes the policy as encoding/json would, with the reply
// targets of each level inside "severities" (see [Replies]).
func (p Policy) MarshalJSON() ([]byte, error) {
	type plain Policy
	out, err := json.Marshal(plain(p))
	if err != nil {
		return nil, err
	}
	return putReplies(out, p.Replies)
}

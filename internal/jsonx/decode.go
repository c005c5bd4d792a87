// Package jsonx is slakit's JSON: strict decoding (unknown fields, duplicate
// keys and trailing data are errors that name their path) and encoding that
// writes time.Duration fields in the one text form of package dur ("1h49m").
// Struct fields are named by their json tags, as with encoding/json.
package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/slakit/slakit/internal/dur"
	"github.com/slakit/slakit/internal/fault"
)

var (
	durationType        = reflect.TypeFor[time.Duration]()
	timeType            = reflect.TypeFor[time.Time]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// Decode reads exactly one JSON value from data into v, a non-nil pointer.
// Unlike encoding/json it refuses unknown object keys, a key written twice
// in one object, and anything but white space after the value; it reads
// time.Duration fields from text ("24h"). Errors are [fault.FieldError]
// values whose Field is the JSON path ("policies[0].policy.availability");
// errors from a value's own UnmarshalJSON or UnmarshalText are put under the
// value's path with [fault.At].
func Decode(data []byte, v any) error {
	if err := checkSyntax(data); err != nil {
		return err
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return errors.New("jsonx: Decode needs a non-nil pointer")
	}
	return decode(bytes.TrimSpace(data), rv.Elem(), "")
}

// checkSyntax walks the tokens of data: one value, valid JSON, no key twice in
// an object, nothing after the value.
func checkSyntax(data []byte) error {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	if err := walk(d, ""); err != nil {
		return err
	}
	off := d.InputOffset()
	if _, err := d.Token(); err != io.EOF {
		return fault.Field("", snippet(data, off), fault.ErrSyntax, "want nothing after the JSON value (offset "+strconv.FormatInt(off, 10)+")")
	}
	return nil
}

func walk(d *json.Decoder, path string) error {
	tok, err := d.Token()
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return &fault.FieldError{Field: path, Err: fault.Want(fault.ErrSyntax, strings.TrimPrefix(err.Error(), "json: "))}
	}
	delim, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	switch delim {
	case '{':
		seen := map[string]bool{}
		for d.More() {
			kt, err := d.Token()
			if err != nil {
				return &fault.FieldError{Field: path, Err: fault.Want(fault.ErrSyntax, strings.TrimPrefix(err.Error(), "json: "))}
			}
			key, _ := kt.(string)
			if seen[key] {
				return fault.Field(fault.Join(path, key), "", fault.ErrDuplicate, "key written twice in one object")
			}
			seen[key] = true
			if err := walk(d, fault.Join(path, key)); err != nil {
				return err
			}
		}
	case '[':
		for i := 0; d.More(); i++ {
			if err := walk(d, fault.Index(path, i)); err != nil {
				return err
			}
		}
	}
	if _, err := d.Token(); err != nil { // the closing delimiter
		return &fault.FieldError{Field: path, Err: fault.Want(fault.ErrSyntax, strings.TrimPrefix(err.Error(), "json: "))}
	}
	return nil
}

func snippet(data []byte, off int64) string {
	rest := bytes.TrimSpace(data[min(int(off), len(data)):])
	if len(rest) > 20 {
		rest = rest[:20]
	}
	return string(rest)
}

// decode reads raw, one syntactically valid JSON value, into v.
func decode(raw []byte, v reflect.Value, path string) error {
	if string(raw) == "null" {
		return nil // as encoding/json: null leaves the value alone
	}
	if v.Type() == timeType {
		var s string
		var t time.Time
		if raw[0] != '"' || json.Unmarshal(raw, &s) != nil || t.UnmarshalText([]byte(s)) != nil {
			if s == "" {
				s = string(raw)
			}
			return fault.Field(path, s, fault.ErrSyntax, `want an RFC 3339 instant such as "2026-06-10T09:00:00Z"`)
		}
		v.Set(reflect.ValueOf(t))
		return nil
	}
	if v.CanAddr() {
		p := v.Addr()
		if p.Type().Implements(jsonUnmarshalerType) {
			return fault.At(path, p.Interface().(json.Unmarshaler).UnmarshalJSON(raw))
		}
		if p.Type().Implements(textUnmarshalerType) && raw[0] == '"' {
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return invalid(path, raw, "want a string")
			}
			if err := p.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
				return atValue(path, s, err)
			}
			return nil
		}
	}
	if v.Type() == durationType {
		var s string
		if raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
			return invalid(path, raw, `want a duration such as "24h" or "1h30m"`)
		}
		d, err := dur.Parse(s)
		if err != nil {
			return fault.At(path, err)
		}
		v.SetInt(int64(d))
		return nil
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return decode(raw, v.Elem(), path)
	case reflect.Struct:
		return decodeStruct(raw, v, path)
	case reflect.Slice:
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return invalid(path, raw, "want a list")
		}
		out := reflect.MakeSlice(v.Type(), len(items), len(items))
		for i, item := range items {
			if err := decode(item, out.Index(i), fault.Index(path, i)); err != nil {
				return err
			}
		}
		v.Set(out)
		return nil
	case reflect.Map:
		return decodeMap(raw, v, path)
	}
	if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
		return invalid(path, raw, "want "+kindWord(v.Kind()))
	}
	return nil
}

func decodeStruct(raw []byte, v reflect.Value, path string) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return invalid(path, raw, "want an object")
	}
	fields := fieldsOf(v.Type())
	for _, f := range fields {
		item, ok := obj[f.name]
		if !ok {
			continue
		}
		delete(obj, f.name)
		if err := decode(item, v.FieldByIndex(f.index), fault.Join(path, f.name)); err != nil {
			return err
		}
	}
	if len(obj) > 0 {
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		names := make([]string, len(fields))
		for i, f := range fields {
			names[i] = f.name
		}
		return fault.Field(fault.Join(path, keys[0]), "", fault.ErrUnknown, "want one of "+strings.Join(names, ", "))
	}
	return nil
}

func decodeMap(raw []byte, v reflect.Value, path string) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		return invalid(path, raw, "want an object")
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if v.IsNil() {
		v.Set(reflect.MakeMapWithSize(v.Type(), len(obj)))
	}
	kt, et := v.Type().Key(), v.Type().Elem()
	for _, k := range keys {
		key := reflect.New(kt).Elem()
		switch {
		case reflect.PointerTo(kt).Implements(textUnmarshalerType):
			if err := key.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(k)); err != nil {
				return atValue(fault.Join(path, k), k, err)
			}
		case kt.Kind() == reflect.String:
			key.SetString(k)
		default:
			return fault.Field(fault.Join(path, k), k, fault.ErrInvalid, "want a key of type "+kt.String())
		}
		elem := reflect.New(et).Elem()
		if err := decode(obj[k], elem, fault.Join(path, k)); err != nil {
			return err
		}
		v.SetMapIndex(key, elem)
	}
	return nil
}

// atValue puts err under path, adding the value when err does not carry one.
func atValue(path, value string, err error) error {
	var fe *fault.FieldError
	if errors.As(err, &fe) {
		return fault.At(path, err)
	}
	return &fault.FieldError{Field: path, Value: value, Err: err}
}

func invalid(path string, raw []byte, want string) error {
	return fault.Field(path, fault.Short(string(raw)), fault.ErrInvalid, want)
}

func kindWord(k reflect.Kind) string {
	switch k {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer in range"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return "a value of kind " + k.String()
}

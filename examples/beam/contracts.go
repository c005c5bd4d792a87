package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/slakit/slakit/internal/fault"
	"github.com/slakit/slakit/internal/jsonx"
	"github.com/slakit/slakit/sla"
)

// contractFile is one contracts file as read where the pipeline is launched:
// its bytes travel inside the pipeline's transforms, and every worker compiles
// the same engines from them.
type contractFile struct {
	Name string
	Data []byte
}

// errNoContract says a ticket names a customer that no contract has.
var errNoContract = fault.New("no contract", fault.ErrInvalid)

// readContracts reads path: a JSON file, or a directory whose *.json files
// are read in name order. Each file holds one contract or a list of them.
func readContracts(path string) ([]contractFile, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	names := []string{path}
	if info.IsDir() {
		if names, err = filepath.Glob(filepath.Join(path, "*.json")); err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%s: no *.json file", path)
		}
	}
	files := make([]contractFile, 0, len(names))
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		files = append(files, contractFile{Name: name, Data: data})
	}
	return files, nil
}

// engines compiles every contract of the files, keyed by customer. Every
// problem is reported at once, each naming its file and path.
func engines(files []contractFile) (map[string]*sla.Engine, error) {
	out := make(map[string]*sla.Engine)
	where := make(map[string]string) // customer → where its contract is
	var errs []error
	for _, f := range files {
		list, err := decodeContracts(f.Data)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f.Name, err))
			continue
		}
		for i, c := range list.items {
			at := f.Name
			if list.many {
				at += ": " + fault.Index("", i)
			}
			if prev, dup := where[c.Customer]; dup {
				errs = append(errs, fmt.Errorf("%s: %w", at, fault.Field("customer", c.Customer, fault.ErrDuplicate, "want one contract per customer (also at "+prev+")")))
				continue
			}
			e, err := sla.New(c)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", at, err))
				continue
			}
			out[c.Customer], where[c.Customer] = e, at
		}
	}
	if len(out) == 0 && len(errs) == 0 {
		errs = append(errs, errors.New("no contract given"))
	}
	return out, errors.Join(errs...)
}

// contractList is the content of one file: a list (many), or one contract
// alone.
type contractList struct {
	items []sla.Contract
	many  bool
}

func decodeContracts(data []byte) (contractList, error) {
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
		var list []sla.Contract
		err := jsonx.Decode(data, &list)
		return contractList{list, true}, err
	}
	var c sla.Contract
	if err := jsonx.Decode(data, &c); err != nil {
		return contractList{}, err
	}
	return contractList{[]sla.Contract{c}, false}, nil
}

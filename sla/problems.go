package sla

import (
	"errors"
	"strconv"
)

// MaxProblems is the number of bad records a month report names in its error;
// the others are counted.
const MaxProblems = 20

// problems collects the errors of a month's records.
type problems struct {
	errs []error
	more int
}

func (p *problems) add(err error) {
	if err == nil {
		return
	}
	for _, one := range unjoin(err) {
		if len(p.errs) < MaxProblems {
			p.errs = append(p.errs, one)
		} else {
			p.more++
		}
	}
}

func (p *problems) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	if p.more > 0 {
		return errors.Join(append(p.errs, errors.New(strconv.Itoa(p.more)+" more problems not shown"))...)
	}
	return errors.Join(p.errs...)
}

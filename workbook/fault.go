package workbook

import "github.com/bontot/bontot/criteria"

// fault is what a cell's parser or a check of the reader found wrong,
// before it is placed: the problem's type and the message its template
// made, built together (faultOf) so that they cannot drift apart. The
// zero fault is none.
type fault struct {
	t   *criteria.ProblemType
	msg string
}

// faultOf is a fault of type t saying what t's template makes of args.
func faultOf(t *criteria.ProblemType, args ...any) fault {
	return fault{t, t.Message(args...)}
}

// ok reports whether there is no fault.
func (f fault) ok() bool { return f.t == nil }

// at is p, placed where it is, saying f.
func (f fault) at(p criteria.Problem) criteria.Problem {
	p.Code, p.Severity, p.Lead, p.Message = f.t.Code, f.t.Severity, f.t.Lead, f.msg
	return p
}

// String is the fault's message, for test failures and debugging.
func (f fault) String() string { return f.msg }

// code is the fault's problem code, "" for none.
func (f fault) code() string {
	if f.t == nil {
		return ""
	}
	return f.t.Code
}

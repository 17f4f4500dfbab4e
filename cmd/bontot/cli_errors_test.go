package main

import (
	"errors"
	"strings"
	"testing"
)

// TestParserErrorsInVietnamese: mistakes on the command line are answered
// in Vietnamese, one sentence then a hint to the command's help (never the
// usage block: scripts read stderr), exit 1; none of the parser's English
// comes through. Every command is covered.
func TestParserErrorsInVietnamese(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
		help string // the command whose help the hint names
	}{
		{[]string{"evaluate", "--formt", "json", example}, "bontot: không có tùy chọn --formt; có phải --format?", "bontot evaluate"},
		// Regression: a flag typo gets the flag meant.
		{[]string{"evaluate", example, "--ouput", "x.json"}, "bontot: không có tùy chọn --ouput; có phải --output?", "bontot evaluate"},
		{[]string{"validate", example, "--colour", "never"}, "bontot: không có tùy chọn --colour; có phải --color?", "bontot validate"},
		{[]string{"evalute", example}, `bontot: không có lệnh "evalute"; có phải "evaluate"?`, "bontot"},
		{[]string{"danh-gia"}, `bontot: không có lệnh "danh-gia"`, "bontot"},
		{[]string{"help", "danh-gia"}, `bontot: không có lệnh "danh-gia"`, "bontot help"},
		{[]string{"evaluate", "--year", "abc", example}, `bontot: giá trị "abc" của --year không hợp lệ; cần một số nguyên`, "bontot evaluate"},
		{[]string{"evaluate", "--year", "1800", example}, `bontot: --year 1800 không hợp lệ; cần một năm từ 1950 đến 2100`, "bontot evaluate"},
		{[]string{"evaluate", "--format", "pdf", example}, `bontot: --format "pdf" không hợp lệ; chọn một trong: table, xlsx, json, csv`, "bontot evaluate"},
		{[]string{"evaluate", example, "-o"}, "bontot: tùy chọn -o cần một giá trị", "bontot evaluate"},
		{[]string{"evaluate", example, "--format"}, "bontot: tùy chọn --format cần một giá trị", "bontot evaluate"},
		{[]string{"evaluate"}, "bontot: cần ít nhất một tệp .xlsx hoặc thư mục", "bontot evaluate"},
		{[]string{"version", "extra"}, `bontot: lệnh "bontot version" không nhận tham số "extra"`, "bontot version"},
		{[]string{"-z"}, "bontot: không có tùy chọn -z", "bontot"},
		{[]string{"evaluate", "-zq", example}, "bontot: không có tùy chọn -z (trong -zq)", "bontot evaluate"},
		{[]string{"evaluate", "---year", "2024", example}, "bontot: viết sai tùy chọn ---year", "bontot evaluate"},
		{[]string{"validate", "--year", "hai nghìn", example}, `bontot: giá trị "hai nghìn" của --year không hợp lệ; cần một số nguyên`, "bontot validate"},
		{[]string{"validate", "--summary", example}, "bontot: không có tùy chọn --summary", "bontot validate"},
		{[]string{"validate"}, "bontot: cần ít nhất một tệp .xlsx hoặc thư mục", "bontot validate"},
		{[]string{"template", "--unt", "CB01"}, "bontot: không có tùy chọn --unt; có phải --unit?", "bontot template"},
		{[]string{"template", "--year", "x"}, `bontot: giá trị "x" của --year không hợp lệ; cần một số nguyên`, "bontot template"},
		{[]string{"criteria", "--force=maybe"}, `bontot: giá trị "maybe" của --force không hợp lệ; cần true hoặc false`, "bontot criteria"},
		{[]string{"criteria", "--criterias", "x.yaml"}, "bontot: không có tùy chọn --criterias; có phải --criteria?", "bontot criteria"},
	} {
		out, errOut, code := runCmd(t, tt.args...)
		want := tt.want + "\nXem: " + tt.help + " --help\n"
		if code != exitFailure || out != "" || errOut != want {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 1 and %q", tt.args, code, out, errOut, want)
		}
		for _, en := range []string{"unknown", "flag", "invalid", "argument", "Did you mean", "Cách dùng", "bad", "syntax"} {
			if strings.Contains(errOut, en) {
				t.Errorf("%q: stderr still has %q: %q", tt.args, en, errOut)
			}
		}
	}
}

// A parser error of a shape cliError does not know still gets Vietnamese,
// naming the option, with the hint.
func TestUnknownParserErrorShapeInVietnamese(t *testing.T) {
	err := cliError(usageError{parserError{errors.New(`flag "--as-of" has a strange new problem`)}})
	if got := err.Error(); got != "tùy chọn trên dòng lệnh không hợp lệ: --as-of" {
		t.Errorf("%q", got)
	}
	if !errors.As(err, new(usageError)) {
		t.Error("not a usage error: the hint would be missing")
	}
	// bontot's own sentences pass unchanged.
	own := usageError{errors.New("cần ít nhất một tệp .xlsx hoặc thư mục")}
	if got := cliError(own); got != error(own) {
		t.Errorf("own sentence became %q", got)
	}
}

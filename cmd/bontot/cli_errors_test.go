package main

import (
	"strings"
	"testing"
)

// TestParserErrorsInVietnamese: mistakes on the command line are answered
// in Vietnamese, one sentence then the usage, exit 1; none of the parser's
// English comes through.
func TestParserErrorsInVietnamese(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"evaluate", "--formt", "json", example}, "bontot: không có tùy chọn --formt"},
		{[]string{"evalute", example}, `bontot: không có lệnh "evalute"; có phải "evaluate"?`},
		{[]string{"danh-gia"}, `bontot: không có lệnh "danh-gia"`},
		{[]string{"evaluate", "--year", "abc", example}, `bontot: giá trị "abc" của --year không hợp lệ; cần một số nguyên`},
		{[]string{"evaluate", example, "-o"}, "bontot: tùy chọn -o cần một giá trị"},
		{[]string{"evaluate", example, "--format"}, "bontot: tùy chọn --format cần một giá trị"},
		{[]string{"version", "extra"}, `bontot: lệnh "bontot version" không nhận tham số "extra"`},
		{[]string{"-z"}, "bontot: không có tùy chọn -z"},
		{[]string{"evaluate", "-zq", example}, "bontot: không có tùy chọn -z (trong -zq)"},
		{[]string{"criteria", "--force=maybe"}, `bontot: giá trị "maybe" của --force không hợp lệ; cần true hoặc false`},
	} {
		out, errOut, code := runCmd(t, tt.args...)
		first, rest, _ := strings.Cut(errOut, "\n")
		if code != exitFailure || out != "" || first != tt.want || !strings.Contains(rest, "Cách dùng:") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 1 and %q then the usage", tt.args, code, out, errOut, tt.want)
		}
		for _, en := range []string{"unknown", "flag", "invalid", "argument", "Did you mean"} {
			if strings.Contains(errOut, en) {
				t.Errorf("%q: stderr still has %q: %q", tt.args, en, errOut)
			}
		}
	}
}

package main

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The command-line parser (cobra, pflag) words its errors in English and
// exports no types for most of them, so they are recognised by their text
// and said again in Vietnamese. A parser error of a shape not listed here
// gets a general sentence naming the option it mentions, not its English.
var (
	reUnknownFlag  = regexp.MustCompile(`^unknown flag: (--\S+)$`)
	reUnknownShort = regexp.MustCompile(`^unknown shorthand flag: '(.)' in (-\S+)$`)
	reNeedsArgLong = regexp.MustCompile(`^flag needs an argument: (--\S+)$`)
	reNeedsArgShrt = regexp.MustCompile(`^flag needs an argument: '(.)' in -\S+$`)
	reBadValue     = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-., )?(--\S+)" flag: (.*)$`)
	reUnknownCmd   = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`)
	reDidYouMean   = regexp.MustCompile(`Did you mean this\?\n\t(\S+)`)
	reBadSyntax    = regexp.MustCompile(`^bad flag syntax: (.*)$`)
	reAnyOption    = regexp.MustCompile(`(?:^|[\s"'])(--?[^\s"']+)`)
)

// parserError marks an error from the flag parser, as opposed to the
// Vietnamese usageErrors bontot's commands write themselves.
type parserError struct{ err error }

func (e parserError) Error() string { return e.err.Error() }
func (e parserError) Unwrap() error { return e.err }

// cliError turns a parser error into the Vietnamese sentence bontot
// prints, kept as a usageError so that the hint to the help follows it.
func cliError(err error) error {
	msg := err.Error()
	var vi string
	switch {
	case reUnknownFlag.MatchString(msg):
		vi = fmt.Sprintf("không có tùy chọn %s", reUnknownFlag.FindStringSubmatch(msg)[1])
	case reUnknownShort.MatchString(msg):
		m := reUnknownShort.FindStringSubmatch(msg)
		vi = "không có tùy chọn -" + m[1]
		if m[2] != "-"+m[1] {
			vi += " (trong " + m[2] + ")"
		}
	case reNeedsArgLong.MatchString(msg):
		vi = fmt.Sprintf("tùy chọn %s cần một giá trị", reNeedsArgLong.FindStringSubmatch(msg)[1])
	case reNeedsArgShrt.MatchString(msg):
		vi = fmt.Sprintf("tùy chọn -%s cần một giá trị", reNeedsArgShrt.FindStringSubmatch(msg)[1])
	case reBadValue.MatchString(msg):
		m := reBadValue.FindStringSubmatch(msg)
		vi = fmt.Sprintf("giá trị %q của %s không hợp lệ", m[1], m[2])
		switch {
		case strings.Contains(m[3], "ParseInt"):
			vi += "; cần một số nguyên"
		case strings.Contains(m[3], "ParseBool"):
			vi += "; cần true hoặc false"
		}
	case reBadSyntax.MatchString(msg):
		vi = "viết sai tùy chọn " + reBadSyntax.FindStringSubmatch(msg)[1]
	case reUnknownCmd.MatchString(msg):
		m := reUnknownCmd.FindStringSubmatch(msg)
		if m[2] == "bontot" {
			vi = fmt.Sprintf("không có lệnh %q", m[1])
			if s := reDidYouMean.FindStringSubmatch(msg); s != nil {
				vi += fmt.Sprintf("; có phải %q?", s[1])
			}
		} else {
			// A command without subcommands given an argument it takes none of.
			vi = fmt.Sprintf("lệnh %q không nhận tham số %q", m[2], m[1])
		}
	case errors.As(err, new(parserError)):
		vi = "tùy chọn trên dòng lệnh không hợp lệ"
		if m := reAnyOption.FindStringSubmatch(msg); m != nil {
			vi += ": " + m[1]
		}
	default:
		return err
	}
	return usageError{errors.New(vi)}
}

// reNoFlag is cliError's sentence for an unknown long flag.
var reNoFlag = regexp.MustCompile(`^không có tùy chọn --([^\s;]+)$`)

// withFlagHint adds to an unknown long flag the nearest flag cmd has,
// "; có phải --output?", when one is a slip of the fingers away (as cobra
// does for commands): a typo is then one glance, not a trip to --help.
func withFlagHint(err error, cmd *cobra.Command) error {
	var ue usageError
	if cmd == nil || !errors.As(err, &ue) {
		return err
	}
	m := reNoFlag.FindStringSubmatch(ue.Error())
	if m == nil {
		return err
	}
	typed := m[1]
	best, bestD := "", 3
	visit := func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		d := editDistance(typed, f.Name)
		// Within two edits, and fewer than half the name's letters.
		if d < bestD && 2*d < len(f.Name) {
			best, bestD = f.Name, d
		}
	}
	cmd.Flags().VisitAll(visit)
	cmd.InheritedFlags().VisitAll(visit)
	if best == "" {
		return err
	}
	return usageError{fmt.Errorf("%s; có phải --%s?", ue.Error(), best)}
}

// editDistance is the Levenshtein distance of a and b, in bytes: flag
// names are ASCII.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

package main

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// The command-line parser (cobra, pflag) words its errors in English and
// exports no types for most of them, so they are recognised by their text
// and said again in Vietnamese; an error of a shape not listed here keeps
// its English words rather than being guessed at.
var (
	reUnknownFlag  = regexp.MustCompile(`^unknown flag: (--\S+)$`)
	reUnknownShort = regexp.MustCompile(`^unknown shorthand flag: '(.)' in (-\S+)$`)
	reNeedsArgLong = regexp.MustCompile(`^flag needs an argument: (--\S+)$`)
	reNeedsArgShrt = regexp.MustCompile(`^flag needs an argument: '(.)' in -\S+$`)
	reBadValue     = regexp.MustCompile(`^invalid argument "(.*)" for "(?:-., )?(--\S+)" flag: (.*)$`)
	reUnknownCmd   = regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`)
	reDidYouMean   = regexp.MustCompile(`Did you mean this\?\n\t(\S+)`)
)

// cliError turns a parser error into the Vietnamese sentence bontot
// prints, kept as a usageError so that the usage follows it.
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
	default:
		return err
	}
	return usageError{errors.New(vi)}
}

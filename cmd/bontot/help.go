package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// usageTemplate is cobra's default usage template in Vietnamese. viFlags
// translates the few English words cobra and pflag put into the lines they
// build themselves ("[flags]", "(default …)").
const usageTemplate = `Cách dùng:{{if .Runnable}}
  {{viFlags .UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [lệnh]{{end}}{{if gt (len .Aliases) 0}}

Tên khác:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Ví dụ:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Các lệnh:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Tùy chọn:
{{flagUsages .LocalFlags WIDTH | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Tùy chọn chung:
{{flagUsages .InheritedFlags WIDTH | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Gõ "{{.CommandPath}} [lệnh] --help" để xem hướng dẫn chi tiết của từng lệnh.{{end}}
`

// helpTemplate is cobra's default: the long description, then the usage.
const helpTemplate = `{{with (or .Long .Short)}}{{wrapText . WIDTH | trimTrailingWhitespaces}}

{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}`

// viFlagWords are the English words cobra and pflag write into usage lines.
var viFlagWords = strings.NewReplacer(
	"[flags]", "[tùy chọn]",
	"(default ", "(mặc định ",
)

func init() {
	cobra.AddTemplateFunc("viFlags", viFlagWords.Replace)
	cobra.AddTemplateFunc("flagUsages", flagUsages)
	cobra.AddTemplateFunc("wrapText", wrapText)
}

// helpWidth is the width help screens are wrapped to: the terminal's, 80
// when it is not known (a pipe, a file) and never narrower than 40.
func helpWidth(w int) int {
	if w <= 0 {
		return 80
	}
	return max(w, 40)
}

// wrapText reflows help text that does not fit the terminal, whose own
// wrapping would cut words in two: each paragraph, and each item of a
// list ("  table  bảng…" with its indented continuation lines), is joined
// and wrapped again, continuations under the item's text. Text that fits
// is left as written.
func wrapText(s string, width int) string {
	lines := strings.Split(s, "\n")
	fits := true
	for _, l := range lines {
		fits = fits && utf8.RuneCountInString(l) <= width
	}
	if fits {
		return s
	}
	var out []string
	for i := 0; i < len(lines); {
		line := lines[i]
		if strings.TrimSpace(line) == "" || strings.HasSuffix(line, ":") {
			out = append(out, wrapLine(line, width, line[:leadingSpaces(line)]))
			i++
			continue
		}
		indent := leadingSpaces(line)
		hang, list := listHang(line)
		words := []string{line}
		i++
		for ; i < len(lines); i++ {
			next := lines[i]
			ni := leadingSpaces(next)
			if strings.TrimSpace(next) == "" || strings.HasSuffix(next, ":") || ni < indent || (ni == indent && list) {
				break
			}
			if _, nextList := listHang(next); nextList && ni == indent {
				break
			}
			words = append(words, strings.TrimSpace(next))
		}
		if !list {
			hang = strings.Repeat(" ", indent)
		}
		out = append(out, wrapLine(strings.Join(words, " "), width, hang))
	}
	return strings.Join(out, "\n")
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }

// listHang recognises a list item, "  term  text": two spaces after a
// short term. It returns the indentation of the item's text.
func listHang(line string) (string, bool) {
	indent := leadingSpaces(line)
	rest := line[indent:]
	j := strings.Index(rest, "  ")
	if j <= 0 || j > 20 {
		return "", false
	}
	k := j + leadingSpaces(rest[j:])
	return strings.Repeat(" ", indent+utf8.RuneCountInString(rest[:k])), true
}

// wrapLine wraps one line at spaces to width, continuations starting
// with hang; the line's own leading part is kept as written (the two
// spaces after a list item's term). A word longer than the width stays
// whole on its own line.
func wrapLine(line string, width int, hang string) string {
	if utf8.RuneCountInString(line) <= width {
		return line
	}
	if utf8.RuneCountInString(hang) >= width/2 {
		hang = line[:leadingSpaces(line)]
	}
	var b strings.Builder
	rest := line
	for utf8.RuneCountInString(rest) > width {
		// The last space at or before the width, past the indentation.
		cut, n := -1, 0
		for i, r := range rest {
			if n > width {
				break
			}
			if r == ' ' && strings.TrimSpace(rest[:i]) != "" {
				cut = i
			}
			n++
		}
		if cut < 0 {
			// One long word: keep it whole.
			if sp := strings.IndexByte(strings.TrimLeft(rest, " "), ' '); sp >= 0 {
				cut = leadingSpaces(rest) + sp
			} else {
				break
			}
		}
		b.WriteString(strings.TrimRight(rest[:cut], " ") + "\n")
		rest = hang + strings.TrimLeft(rest[cut:], " ")
	}
	b.WriteString(rest)
	return b.String()
}

// flagUsages lists flags as pflag's FlagUsages does, but aligns the
// descriptions by characters rather than bytes, since the argument names
// are Vietnamese ("--output TỆP"), and says "mặc định" for "default".
func flagUsages(fs *pflag.FlagSet, lineWidth int) string {
	type row struct{ left, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" && f.ShorthandDeprecated == "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		varname, usage := pflag.UnquoteUsage(f)
		if varname != "" {
			left += " " + varname
		}
		switch f.DefValue {
		case "", "false", "0", "[]":
		default:
			if f.Value.Type() == "string" {
				usage += fmt.Sprintf(" (mặc định %q)", f.DefValue)
			} else {
				usage += fmt.Sprintf(" (mặc định %s)", f.DefValue)
			}
		}
		width = max(width, utf8.RuneCountInString(left))
		rows = append(rows, row{left, usage})
	})
	var b strings.Builder
	// Descriptions wrap at the terminal's width under their own column,
	// or, when the flag names leave too little room, under the names.
	narrow := width+3 > lineWidth/2
	for _, r := range rows {
		if narrow {
			b.WriteString(r.left + "\n" + wrapLine("        "+r.usage, lineWidth, "        ") + "\n")
			continue
		}
		pad := strings.Repeat(" ", width-utf8.RuneCountInString(r.left)+3)
		b.WriteString(wrapLine(r.left+pad+r.usage, lineWidth, strings.Repeat(" ", width+3)) + "\n")
	}
	return b.String()
}

// localizeHelp makes every help screen of the command tree Vietnamese: the
// usage and help templates, the help flag and help command, cobra's
// completion command, and an overview example for each command on the root,
// so that "bontot" alone shows how each command is used. It must run after
// every command has been added.
func localizeHelp(root *cobra.Command, termWidth int) {
	// The width goes into the templates themselves: template functions
	// are global to cobra, a width is this run's.
	w := fmt.Sprint(helpWidth(termWidth))
	root.SetUsageTemplate(strings.ReplaceAll(usageTemplate, "WIDTH", w))
	root.SetHelpTemplate(strings.ReplaceAll(helpTemplate, "WIDTH", w))
	root.CompletionOptions.HiddenDefaultCmd = false
	// Both are created lazily by Execute; creating them now lets them be
	// translated here. Execute then finds them and keeps them.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()

	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Short = "Xem hướng dẫn của một lệnh"
			c.Long = "Xem hướng dẫn chi tiết của một lệnh, ví dụ: bontot help template"
			c.Use = "help [lệnh]"
			c.Example = "  bontot help evaluate"
			// Cobra's own answer to an unknown topic is English on stdout
			// followed by the usage block, with exit 0.
			c.Run = nil
			c.RunE = func(c *cobra.Command, args []string) error {
				target, _, err := c.Root().Find(args)
				if target == nil || err != nil {
					return usageError{fmt.Errorf("không có lệnh %q", strings.Join(args, " "))}
				}
				target.InitDefaultHelpFlag()
				return target.Help()
			}
		case "completion":
			localizeCompletion(c)
		case "version":
			if c.Example == "" {
				c.Example = "  bontot version"
			}
		}
	}
	walk(root, func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if h := c.Flags().Lookup("help"); h != nil {
			h.Usage = "xem hướng dẫn của lệnh " + c.CommandPath()
		}
	})
	root.Example = overviewExamples(root)
}

// walk calls fn on c and every command below it.
func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walk(sub, fn)
	}
}

// overviewExamples gathers the first example of each visible command, for
// the screen "bontot" alone prints: a newcomer sees one working command
// line per task.
func overviewExamples(root *cobra.Command) string {
	cmds := slices.Clone(root.Commands())
	// The order a user meets the commands in: make the workbook, check it,
	// evaluate it; housekeeping last.
	order := func(c *cobra.Command) int {
		if i := slices.Index([]string{"template", "validate", "evaluate", "criteria"}, c.Name()); i >= 0 {
			return i
		}
		if c.Name() == "completion" {
			return 6
		}
		return 5
	}
	slices.SortStableFunc(cmds, func(a, b *cobra.Command) int { return order(a) - order(b) })
	var b strings.Builder
	for _, c := range cmds {
		if !c.IsAvailableCommand() || c.Name() == "help" {
			continue
		}
		comment, line := firstExample(c.Example)
		if line == "" {
			continue
		}
		if comment == "" {
			comment = "# " + c.Short
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "  %s\n  %s", comment, line)
	}
	return b.String()
}

// firstExample returns the first command line of an Example block and the
// comment line just above it, if any.
func firstExample(example string) (comment, line string) {
	for _, l := range strings.Split(example, "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "":
			comment = ""
		case strings.HasPrefix(l, "#"):
			comment = l
		default:
			return comment, l
		}
	}
	return "", ""
}

// localizeCompletion translates cobra's completion command and its four
// shell subcommands; the scripts themselves are unchanged.
func localizeCompletion(c *cobra.Command) {
	c.Short = "Tạo tập lệnh tự hoàn thành (Tab) cho bash, zsh, fish, PowerShell"
	c.Long = `Tạo tập lệnh để trình shell tự hoàn thành lệnh, tùy chọn và giá trị của bontot
khi bấm phím Tab. Xem hướng dẫn của từng shell để biết cách nạp tập lệnh.`
	c.Example = `  # PowerShell trên Windows, cho phiên đang mở
  bontot completion powershell | Out-String | Invoke-Expression

  # bash, cho phiên đang mở
  source <(bontot completion bash)`
	long := map[string]string{
		"bash": `Tạo tập lệnh tự hoàn thành cho bash (cần gói bash-completion).

Nạp cho phiên đang mở:
  source <(bontot completion bash)

Nạp cho mọi phiên sau (chạy một lần):
  Linux:  bontot completion bash > /etc/bash_completion.d/bontot
  macOS:  bontot completion bash > $(brew --prefix)/etc/bash_completion.d/bontot

Mở shell mới để có hiệu lực.`,
		"zsh": `Tạo tập lệnh tự hoàn thành cho zsh.

Nếu zsh chưa bật tự hoàn thành, chạy một lần:
  echo "autoload -U compinit; compinit" >> ~/.zshrc

Nạp cho phiên đang mở:
  source <(bontot completion zsh)

Nạp cho mọi phiên sau (chạy một lần):
  Linux:  bontot completion zsh > "${fpath[1]}/_bontot"
  macOS:  bontot completion zsh > $(brew --prefix)/share/zsh/site-functions/_bontot

Mở shell mới để có hiệu lực.`,
		"fish": `Tạo tập lệnh tự hoàn thành cho fish.

Nạp cho phiên đang mở:
  bontot completion fish | source

Nạp cho mọi phiên sau (chạy một lần):
  bontot completion fish > ~/.config/fish/completions/bontot.fish`,
		"powershell": `Tạo tập lệnh tự hoàn thành cho PowerShell (Windows).

Nạp cho phiên đang mở:
  bontot completion powershell | Out-String | Invoke-Expression

Nạp cho mọi phiên sau: thêm dòng trên vào hồ sơ PowerShell (tệp $PROFILE).`,
	}
	for _, sub := range c.Commands() {
		shell := sub.Name()
		sub.Short = "Tạo tập lệnh tự hoàn thành cho " + shell
		if l, ok := long[shell]; ok {
			sub.Long = l
		}
		sub.Example = "  bontot completion " + shell
		if f := sub.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = "không kèm mô tả cho từng gợi ý"
		}
	}
}

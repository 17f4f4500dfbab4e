package criteriafile

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/bontot/bontot/criteria"
)

// scoreGroupsParam is the key score_groups: the declared groups of the
// meeting score sheet, one mapping each (name, max, spellings), written as
// a block so that a secretary edits one group per line.
var scoreGroupsParam = param{key: "score_groups",
	comment: "Các nhóm điểm của phiếu chấm chất lượng buổi sinh hoạt, theo thứ tự: tên (name), điểm tối đa (max; cộng lại bằng 100), các cách ghi khác của tiêu đề cột hoặc dòng nhóm trên phiếu (spellings)",
	get: func(t *criteria.Thresholds) string {
		var b strings.Builder
		for _, g := range t.ScoreGroups {
			fmt.Fprintf(&b, "\n  - name: %s\n    max: %s\n    spellings: %s", strconv.Quote(g.Name), formatFloat(g.Max), quotedList(g.Spellings))
		}
		if b.Len() == 0 {
			return "[]"
		}
		return b.String()
	},
	short: func(t *criteria.Thresholds) string {
		parts := make([]string, len(t.ScoreGroups))
		for i, g := range t.ScoreGroups {
			parts[i] = g.Name + " " + formatFloat(g.Max)
		}
		return fmt.Sprintf("%d nhóm: %s", len(parts), strings.Join(parts, "; "))
	},
	set: func(t *criteria.Thresholds, n *yaml.Node) string {
		gs, msg := parseScoreGroups(n)
		if msg != "" {
			return msg
		}
		t.ScoreGroups = gs
		return ""
	}}

// groupMaxParam is the key group_max of criteria files written before the
// groups were declared: the maxima of the declared groups, in order. It
// is still read, never written.
var groupMaxParam = param{key: "group_max",
	get: func(t *criteria.Thresholds) string { return "" },
	set: func(t *criteria.Thresholds, n *yaml.Node) string {
		want := fmt.Sprintf("phải là danh sách %d số dương (điểm tối đa của các nhóm %s); nên dùng khóa score_groups", len(t.ScoreGroups), strings.Join(t.ScoreGroupNames(), "; "))
		if n.Kind != yaml.SequenceNode || len(n.Content) != len(t.ScoreGroups) {
			return want
		}
		gs := slices.Clone(t.ScoreGroups) // only Max changes: the spellings stay shared
		for i, c := range n.Content {
			v, ok := numberOf(c)
			if !ok || v <= 0 || v > 100 {
				return want
			}
			gs[i].Max = v
		}
		t.ScoreGroups = gs
		return ""
	}}

// parseScoreGroups reads the value of score_groups; the message says what
// is wrong and with which group.
func parseScoreGroups(n *yaml.Node) ([]criteria.ScoreGroup, string) {
	const want = "phải là danh sách các nhóm, mỗi nhóm có name (tên), max (điểm tối đa) và spellings (các cách ghi khác, có thể bỏ); xem bontot criteria --export"
	if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
		return nil, want
	}
	if len(n.Content) > criteria.MaxScoreGroups {
		return nil, fmt.Sprintf("có %d nhóm, nhiều nhất %d nhóm", len(n.Content), criteria.MaxScoreGroups)
	}
	var gs []criteria.ScoreGroup
	seen := map[string]string{} // folded spelling → group name
	for i, item := range n.Content {
		at := fmt.Sprintf("nhóm thứ %d (dòng %d)", i+1, item.Line)
		if item.Kind != yaml.MappingNode {
			return nil, want
		}
		var g criteria.ScoreGroup
		hasMax := false
		for j := 0; j+1 < len(item.Content); j += 2 {
			k, v := item.Content[j], item.Content[j+1]
			switch k.Value {
			case "name":
				if v.Kind != yaml.ScalarNode || v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
					return nil, at + ": name phải là tên nhóm"
				}
				g.Name = strings.TrimSpace(v.Value)
			case "max":
				f, ok := numberOf(v)
				if !ok || f <= 0 || f > 100 {
					return nil, at + ": max phải là số điểm lớn hơn 0, không quá 100" + commaHint(v)
				}
				g.Max, hasMax = f, true
			case "spellings":
				list, ok := stringList(v)
				if !ok {
					return nil, at + ": spellings phải là danh sách các cách ghi, ví dụ [\"Công tác chuẩn bị\"]"
				}
				g.Spellings = list
			default:
				return nil, fmt.Sprintf("%s: khóa %q không dùng được; mỗi nhóm chỉ có name, max, spellings", at, k.Value)
			}
		}
		if g.Name == "" || !hasMax {
			return nil, at + ": cần có name và max"
		}
		for _, sp := range append([]string{g.Name}, g.Spellings...) {
			k := criteria.Fold(sp)
			if other, dup := seen[k]; dup && other != g.Name {
				return nil, fmt.Sprintf("%s: cách ghi %q đã dùng cho nhóm %q; mỗi cách ghi chỉ chỉ một nhóm", at, sp, other)
			} else if dup {
				continue
			}
			seen[k] = g.Name
		}
		if g.Spellings == nil {
			g.Spellings = []string{}
		}
		gs = append(gs, g)
	}
	return gs, ""
}

// stringList reads a YAML sequence of non-empty scalars; nil for [].
func stringList(n *yaml.Node) ([]string, bool) {
	if n.Kind != yaml.SequenceNode {
		return nil, false
	}
	var out []string
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || c.Tag == "!!null" || strings.TrimSpace(c.Value) == "" {
			return nil, false
		}
		out = append(out, strings.TrimSpace(c.Value))
	}
	return out, true
}

// quotedList writes a YAML flow sequence of quoted strings.
func quotedList(list []string) string {
	s := make([]string, len(list))
	for i, v := range list {
		s[i] = strconv.Quote(v)
	}
	return "[" + strings.Join(s, ", ") + "]"
}

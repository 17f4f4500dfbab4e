package criteriafile

import (
	"fmt"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/bontot/bontot/criteria"
)

// DocumentKey is the key of a criteria file's report section.
const DocumentKey = "report"

// documentFields are the keys of the report section, in the order the
// export writes them, with the Vietnamese line that explains each.
var documentFields = []struct {
	key, comment string
	text         func(d *criteria.Document) *string
}{
	{"upper_committee", "Cấp ủy cấp trên trực tiếp (dòng trên của tên cơ quan ban hành), ví dụ ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", func(d *criteria.Document) *string { return &d.UpperCommittee }},
	{"committee", "Cơ quan ban hành báo cáo, ví dụ ĐẢNG ỦY SỞ TƯ PHÁP", func(d *criteria.Document) *string { return &d.Committee }},
	{"number", "Số và ký hiệu văn bản, ví dụ 125-BC/ĐU", func(d *criteria.Document) *string { return &d.Number }},
	{"place", "Địa danh ghi trước ngày tháng, ví dụ Hà Nội", func(d *criteria.Document) *string { return &d.Place }},
	{"date", "Ngày ban hành, dd/mm/yyyy", nil},
	{"on_behalf", "Thẩm quyền ký, ví dụ T/M BAN THƯỜNG VỤ", func(d *criteria.Document) *string { return &d.OnBehalf }},
	{"signer_title", "Chức vụ người ký, ví dụ BÍ THƯ", func(d *criteria.Document) *string { return &d.SignerTitle }},
	{"signer", "Họ và tên người ký", func(d *criteria.Document) *string { return &d.Signer }},
	{"recipients", "Nơi nhận, mỗi nơi một mục, ví dụ [\"Ban Tổ chức Đảng ủy Khối\", \"Lưu Văn phòng\"]", nil},
}

// ParseDocument reads the "report:" section of a criteria file; a file
// without one gives the zero Document. name is the file name used in the
// Vietnamese error messages, which name the key and line. The rest of the
// file is ParseThresholds's.
func ParseDocument(data []byte, name string) (criteria.Document, error) {
	var d criteria.Document
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil || doc.Kind == 0 || len(doc.Content) == 0 {
		return d, nil // ParseThresholds reports a file it cannot read
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return d, nil
	}
	var sec, secKey *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Value == DocumentKey {
			if secKey != nil {
				return d, fmt.Errorf("%s dòng %d: khóa %q đã có ở dòng %d", name, k.Line, DocumentKey, secKey.Line)
			}
			sec, secKey = root.Content[i+1], k
		}
	}
	if sec == nil || (sec.Kind == yaml.ScalarNode && sec.Tag == "!!null") {
		return d, nil
	}
	if sec.Kind != yaml.MappingNode {
		return d, fmt.Errorf("%s dòng %d: khóa %q phải là các dòng \"khóa: giá trị\" (committee, number, place, date, signer…), gặp %s", name, sec.Line, DocumentKey, found(sec))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(sec.Content); i += 2 {
		k, v := sec.Content[i], sec.Content[i+1]
		if prev, dup := seen[k.Value]; dup {
			return d, fmt.Errorf("%s dòng %d: khóa %s.%s đã có ở dòng %d", name, k.Line, DocumentKey, k.Value, prev)
		}
		seen[k.Value] = k.Line
		switch k.Value {
		case "date":
			if v.Kind != yaml.ScalarNode {
				return d, fmt.Errorf("%s dòng %d: khóa %s.date phải là một ngày dd/mm/yyyy, gặp %s", name, v.Line, DocumentKey, found(v))
			}
			if v.Tag == "!!null" || strings.TrimSpace(v.Value) == "" {
				continue
			}
			t, ok := criteria.ParseDocumentDate(v.Value)
			if !ok {
				return d, fmt.Errorf("%s dòng %d: khóa %s.date phải là một ngày dd/mm/yyyy (20/12/2024), gặp %s", name, v.Line, DocumentKey, found(v))
			}
			d.Date = t
		case "recipients":
			if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
				continue
			}
			if v.Kind != yaml.SequenceNode {
				return d, fmt.Errorf("%s dòng %d: khóa %s.recipients phải là danh sách nơi nhận, ví dụ [\"Ban Tổ chức Đảng ủy Khối\", \"Lưu Văn phòng\"], gặp %s", name, v.Line, DocumentKey, found(v))
			}
			for _, c := range v.Content {
				if c.Kind != yaml.ScalarNode {
					return d, fmt.Errorf("%s dòng %d: mỗi nơi nhận của %s.recipients phải là một dòng chữ, gặp %s", name, c.Line, DocumentKey, found(c))
				}
				if s := strings.TrimSpace(c.Value); s != "" {
					d.Recipients = append(d.Recipients, s)
				}
			}
		default:
			f := documentField(k.Value)
			if f == nil {
				keys := make([]string, len(documentFields))
				for j, f := range documentFields {
					keys[j] = f.key
				}
				return d, fmt.Errorf("%s dòng %d: khóa %s.%s không có; phần %s gồm: %s", name, k.Line, DocumentKey, k.Value, DocumentKey, strings.Join(keys, ", "))
			}
			if v.Kind != yaml.ScalarNode {
				return d, fmt.Errorf("%s dòng %d: khóa %s.%s phải là một dòng chữ, gặp %s", name, v.Line, DocumentKey, k.Value, found(v))
			}
			if v.Tag != "!!null" {
				*f(&d) = strings.TrimSpace(v.Value)
			}
		}
	}
	return d, nil
}

func documentField(key string) func(d *criteria.Document) *string {
	for _, f := range documentFields {
		if f.key == key && f.text != nil {
			return f.text
		}
	}
	return nil
}

// documentSection is the report section the criteria export writes: d's
// own values when the file it came from had them, so that exporting a
// committee's file keeps its heading and signature; otherwise the example,
// commented out, for a committee to fill in once.
func documentSection(d criteria.Document) string {
	if d.IsZero() {
		return documentExample()
	}
	var b strings.Builder
	b.WriteString(documentIntro)
	b.WriteString(DocumentKey + ":\n")
	for _, f := range documentFields {
		var v string
		switch {
		case f.key == "date":
			if !d.Date.IsZero() {
				v = strconv.Quote(d.Date.Format("02/01/2006"))
			}
		case f.key == "recipients":
			quoted := make([]string, len(d.Recipients))
			for i, r := range d.Recipients {
				quoted[i] = strconv.Quote(r)
			}
			v = "[" + strings.Join(quoted, ", ") + "]"
		default:
			if t := *f.text(&d); t != "" {
				v = strconv.Quote(t)
			}
		}
		if v == "" {
			v = `""`
		}
		fmt.Fprintf(&b, "  # %s\n  %s: %s\n", f.comment, f.key, v)
	}
	return b.String()
}

// documentIntro heads the report section of an exported criteria file.
const documentIntro = "\n# ── Thể thức báo cáo Excel (Hướng dẫn 36-HD/VPTW; không phải quy tắc đánh giá) ──\n" +
	"# Mục nào để trống thì báo cáo để dòng chấm cho điền tay. Các cờ --upper-committee, --committee,\n" +
	"# --number, --place, --date, --on-behalf, --signer, --signer-title của bontot evaluate\n" +
	"# ghi đè các giá trị này.\n"

// documentExample is the report section, commented out, with example
// values.
func documentExample() string {
	var b strings.Builder
	b.WriteString(documentIntro)
	b.WriteString("# Bỏ dấu # ở các dòng dưới để in tiêu đề, số, ngày và chữ ký trên báo cáo.\n")
	b.WriteString("# " + DocumentKey + ":\n")
	examples := map[string]string{
		"upper_committee": "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "committee": "ĐẢNG ỦY SỞ TƯ PHÁP", "number": "125-BC/ĐU",
		"place": "Hà Nội", "date": "20/12/2024", "on_behalf": "T/M BAN THƯỜNG VỤ", "signer_title": "BÍ THƯ",
		"signer": "Nguyễn Văn A", "recipients": `["Ban Tổ chức Đảng ủy Khối", "Lưu Văn phòng"]`,
	}
	for _, f := range documentFields {
		v := examples[f.key]
		if !strings.HasPrefix(v, "[") {
			v = `"` + v + `"`
		}
		fmt.Fprintf(&b, "#   # %s\n#   %s: %s\n", f.comment, f.key, v)
	}
	return b.String()
}

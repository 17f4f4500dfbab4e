package workbook

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
)

// Whose workbook it is (SPEC §4 "Whose workbook"). No published
// form has a Đơn vị sheet: a workbook kept by one chi bộ names its unit in
// the header block of its sheets — the committee block at the top left
// ("ĐẢNG BỘ SỞ TƯ PHÁP" over "CHI BỘ VĂN PHÒNG", a "*" under it), a line
// "Chi bộ: …" under the title, or a title "… CỦA CHI BỘ …" — or, failing
// all of them, in its file name. This file is the recogniser: it collects
// every mention of a unit in the rows above each sheet's table, takes the
// unit only when they all name the same one, and tells its type from the
// committee named above it. Anything else is an error saying what to
// write where: a workbook read as the wrong unit is the worst outcome.

// ownerHeadRows bounds how far down a sheet the header block is looked
// for; the scan also stops at the first row that looks like a table header.
const ownerHeadRows = 15

// mention is one place that names the workbook's unit.
type mention struct {
	how         string // "khối tên cấp ủy", "dòng \"Chi bộ: …\"", "tiêu đề", "tên tệp"
	name        string // as written: "CHI BỘ VĂN PHÒNG SỞ", "Chi bộ Văn phòng Sở"
	key         string // unitNameKey(name)
	sheet, cell string // where it is ("" sheet: the file name)
	committee   bool   // names a đảng bộ (cơ sở), not a chi bộ

	// What tells its type: typ is "" when nothing does, and unknownWhy
	// then says why (for the error).
	typ        criteria.UnitType
	typeWhy    string // `dưới "ĐẢNG ỦY KHỐI …" (ô A1)`
	typeCell   string
	unknownWhy string
	parent     string // a chi bộ trực thuộc's đảng bộ, as "ĐẢNG BỘ …"
	conflict   string // the words and the committee above disagree
}

// owner is the unit a workbook without a Đơn vị sheet belongs to.
type owner struct {
	m          mention // the mention the name, sheet and cell come from
	typ        criteria.UnitType
	typeOf     *mention // the mention that told the type, nil if none
	parent     string
	code       string
	codeSheet  string
	codeCell   string // "" when the code is made from the name
	unknownWhy string
	// Set by resolveOwners when another workbook told them: where.
	typeFrom, codeFrom string
}

var (
	// A committee line of the header block: the issuing chi bộ or đảng bộ,
	// or a committee above it.
	cellLine      = regexp.MustCompile(`^chi bo\s+(\S.*)$`)
	committeeLine = regexp.MustCompile(`^dang (?:bo|uy)\s+(\S.*)$`)
	upperLine     = regexp.MustCompile(`^(?:tinh|thanh|huyen|quan|thi) uy\b`)
	// Labels: "Chi bộ: Văn phòng Sở", "Tên chi bộ: …", "Đảng bộ: Sở Tư pháp".
	cellLabel      = regexp.MustCompile(`^(?:ten )?chi bo\s*[:：]`)
	committeeLabel = regexp.MustCompile(`^(?:ten )?dang (?:bo|uy)\s*[:：]`)
	// "Mã đơn vị: CB01" in the header block (the score sheets write it).
	codeLabel = regexp.MustCompile(`^ma (?:don vi|chi bo|to chuc dang)\s*[:：]`)
	// A title "BẢNG TỔNG HỢP … CỦA CHI BỘ VĂN PHÒNG SỞ NĂM 2024".
	titleOf = regexp.MustCompile(`\bcua chi bo\s+\S`)
	// What follows a unit's name in a title: the year, a period.
	// A year after a unit's name in a file name: "chi-bo-van-phong-2024".
	fileNameYear = regexp.MustCompile(`\s(?:nam )?\d{4}\b.*$`)
	titleTail    = regexp.MustCompile(`\s(?:nam \d{4}|quy [ivx\d]+|thang \d|giai doan|nhiem ky|ve|trong|\(|-|–)(?:\s|$)`)
	// Words that begin what a title says of a chi bộ, not its name: "NGHỊ
	// QUYẾT CỦA CHI BỘ VỀ …", "… CỦA CHI BỘ NĂM 2024".
	notAName = regexp.MustCompile(`^(?:ve|nam|trong|nhiem ky|giai doan|quy|thang|bon tot)\b`)
)

// Heads of a committee's name after "ĐẢNG BỘ"/"ĐẢNG ỦY" that make it a
// level above the grassroots (a chi bộ directly under it is a chi bộ cơ
// sở), and those that make it a đảng bộ cơ sở (a chi bộ under it is a chi
// bộ trực thuộc). Anything else — a xã or phường, whose level the 2025
// reorganisation changed, a tổng công ty, a công an tỉnh — cannot be told
// from the words, and is an error asking for the type.
var (
	upperHeads = []string{"khoi", "tinh", "thanh pho", "tp", "tp.", "huyen", "quan", "thi xa", "cac co quan"}
	grassHeads = []string{"co so", "so", "ban", "cong ty", "truong", "benh vien", "co quan", "van phong", "vien",
		"trung tam", "cuc", "chi cuc", "ngan hang", "bao", "dai"}
)

type committeeLevel int

const (
	levelUnknown committeeLevel = iota
	levelUpper
	levelGrassroots
)

// classifyCommittee tells from its words whether a committee line names a
// level above the grassroots or a đảng bộ cơ sở.
func classifyCommittee(k string) committeeLevel {
	if upperLine.MatchString(k) {
		return levelUpper
	}
	m := committeeLine.FindStringSubmatch(k)
	if m == nil {
		return levelUnknown
	}
	head := m[1]
	for _, h := range upperHeads {
		if head == h || strings.HasPrefix(head, h+" ") {
			return levelUpper
		}
	}
	for _, h := range grassHeads {
		if head == h || strings.HasPrefix(head, h+" ") {
			return levelGrassroots
		}
	}
	return levelUnknown
}

// unitNameKey compares unit names: the matching key with "đảng ủy" as
// "đảng bộ" (the committee block names the đảng bộ by its committee) and
// without trailing punctuation.
func unitNameKey(s string) string {
	k := strings.TrimRight(matchKey(s), " .,;:*")
	if rest, ok := strings.CutPrefix(k, "dang uy "); ok {
		k = "dang bo " + rest
	}
	return k
}

// blankName is a name left to be filled in: "……", "...", "___".
func blankName(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// afterLabel is the text after the first colon of a label cell.
func afterLabel(t string) string {
	if i := strings.IndexAny(t, ":："); i >= 0 {
		_, size := utf8.DecodeRuneInString(t[i:])
		return strings.TrimSpace(t[i+size:])
	}
	return ""
}

// headLine is a line of a sheet's header block that names a unit or a
// committee.
type headLine struct {
	row, col  int
	cell      string
	text      string // the name as written ("CHI BỘ …", "Chi bộ Văn phòng Sở")
	key       string // its matching key
	chiBo     bool   // a chi bộ; else a đảng bộ or committee
	label     bool   // written as "Chi bộ: …"
	committee committeeLevel
}

// parseHeadLine reads one header cell as a committee line or label.
func parseHeadLine(t string) (headLine, bool) {
	if len([]rune(t)) > 120 {
		return headLine{}, false // a paragraph, not a name
	}
	k := matchKey(t)
	l := headLine{}
	switch {
	case cellLabel.MatchString(k):
		rest := afterLabel(t)
		if rest == "" || blankName(rest) {
			return l, false
		}
		l.text, l.chiBo, l.label = rest, true, true
		if !strings.HasPrefix(matchKey(rest), "chi bo ") {
			l.text = "Chi bộ " + rest
		}
	case committeeLabel.MatchString(k):
		rest := afterLabel(t)
		if rest == "" || blankName(rest) {
			return l, false
		}
		l.text, l.label = rest, true
		if rk := matchKey(rest); !committeeLine.MatchString(rk) && !upperLine.MatchString(rk) {
			l.text = "Đảng bộ " + rest
		}
	case cellLine.MatchString(k):
		rest := cellLine.FindStringSubmatch(k)[1]
		if blankName(rest) || strings.HasPrefix(rest, "bon tot") || strings.HasPrefix(rest, "co so bon tot") {
			return l, false
		}
		l.text, l.chiBo = t, true
	case committeeLine.MatchString(k), upperLine.MatchString(k):
		rest := ""
		if m := committeeLine.FindStringSubmatch(k); m != nil {
			rest = m[1]
		}
		if m := upperLine.FindString(k); m != "" {
			rest = strings.TrimSpace(k[len(m):])
			if rest == "" {
				rest = m
			}
		}
		if blankName(rest) || strings.Contains(rest, "bon tot") {
			return l, false
		}
		l.text = t
	default:
		return l, false
	}
	// "ĐẢNG BỘ, CHI BỘ" (a title's words) has no space after "BỘ" and
	// matches none of the lines above.
	l.text = strings.TrimRight(strings.TrimSpace(l.text), " .,;:*")
	l.key = unitNameKey(l.text)
	if !l.chiBo {
		l.committee = classifyCommittee(l.key)
	}
	return l, true
}

// titleName is the chi bộ a title names: "BẢNG TỔNG HỢP … CỦA CHI BỘ VĂN
// PHÒNG SỞ NĂM 2024" → "CHI BỘ VĂN PHÒNG SỞ".
func titleName(t string) (string, bool) {
	k := matchKey(t)
	loc := titleOf.FindStringIndex(k)
	if loc == nil {
		return "", false
	}
	// The key keeps the title's words one for one (only their letters
	// change), so words are counted in the key and taken from the text.
	words := strings.Fields(t)
	n := len(strings.Fields(k[:loc[0]])) + 1 // through "CỦA"
	rest := strings.Join(words[min(n, len(words)):], " ")
	rk := matchKey(rest)
	if cut := titleTail.FindStringIndex(rk); cut != nil {
		f := strings.Fields(rest)
		rest = strings.Join(f[:min(len(f), len(strings.Fields(rk[:cut[0]])))], " ")
	}
	rest = strings.TrimRight(rest, " .,;:*")
	rk = strings.TrimSpace(strings.TrimPrefix(matchKey(rest), "chi bo"))
	if blankName(rk) || notAName.MatchString(rk) || !strings.HasPrefix(matchKey(rest), "chi bo") {
		return "", false
	}
	return rest, true
}

// headerMentions reads the rows above the table of one sheet and returns
// the units its header block names, and a "Mã đơn vị: …" written there.
func (fd *fileData) headerMentions(sheet string) (ms []mention, code, codeCell string, err error) {
	var lines []headLine
	var titles []mention
	err = fd.book.sheetRows(sheet, func(r int, cells []string) error {
		if r > ownerHeadRows {
			return errStop
		}
		filled := 0
		for _, v := range cells {
			if v != "" {
				filled++
			}
		}
		if filled >= 3 {
			return errStop // a table's header: the header block is above it
		}
		for c, t := range cells {
			if t == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r)
			k := matchKey(t)
			if code == "" && codeLabel.MatchString(k) {
				if v := afterLabel(t); v != "" && !blankName(v) {
					code, codeCell = v, ref
				}
				continue
			}
			if l, ok := parseHeadLine(t); ok {
				l.row, l.col, l.cell = r, c, ref
				lines = append(lines, l)
				continue
			}
			if name, ok := titleName(t); ok {
				titles = append(titles, mention{how: "tiêu đề", name: name, key: unitNameKey(name), sheet: sheet, cell: ref,
					unknownWhy: fmt.Sprintf("tiêu đề ở ô %s không ghi cấp ủy cấp trên của chi bộ", ref)})
			}

		}
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	if err != nil {
		return nil, "", "", err
	}
	// A line is the issuing unit when no unit line stands right under it
	// in its column; the line right above it is the committee above.
	at := func(row, col int) *headLine {
		for i := range lines {
			if lines[i].row == row && lines[i].col == col {
				return &lines[i]
			}
		}
		return nil
	}
	for i := range lines {
		l := &lines[i]
		if below := at(l.row+1, l.col); below != nil {
			continue
		}
		above := at(l.row-1, l.col)
		if above == nil {
			above = at(l.row-2, l.col) // a "*" or a blank row between
		}
		how := "khối tên cấp ủy ở đầu sheet"
		switch {
		case l.label && l.chiBo:
			how = `dòng "Chi bộ: …"`
		case l.label:
			how = `dòng "Đảng bộ: …"`
		}
		m := mention{how: how, name: l.text, key: l.key, sheet: sheet, cell: l.cell}
		if !l.chiBo {
			switch l.committee {
			case levelUpper:
				continue // an upper committee's own paper: not a unit of the model
			case levelGrassroots:
				m.committee, m.typ = true, criteria.Committee
				m.typeWhy, m.typeCell = "tên "+quote(l.text), l.cell
			default:
				m.committee = true
				m.unknownWhy = fmt.Sprintf("ô %s %s không cho biết đây là đảng bộ cơ sở hay cấp trên cơ sở", l.cell, quote(l.text))
			}
			ms = append(ms, m)
			continue
		}
		var words criteria.UnitType
		if strings.HasPrefix(l.key, "chi bo co so ") {
			words = criteria.CellGrassroots
		}
		switch {
		case above == nil:
			m.typ = words
			if words != "" {
				m.typeWhy, m.typeCell = "tên "+quote(l.text), l.cell
			} else {
				m.unknownWhy = fmt.Sprintf("không có cấp ủy cấp trên ghi ngay trên ô %s", l.cell)
			}
		case above.chiBo:
			m.unknownWhy = fmt.Sprintf("ô %s ghi một chi bộ khác ngay trên ô %s", above.cell, l.cell)
		case above.committee == levelUpper:
			m.typ = criteria.CellGrassroots
			m.typeWhy, m.typeCell = fmt.Sprintf("dưới %s ở ô %s", quote(above.text), above.cell), above.cell
		case above.committee == levelGrassroots:
			m.typ = criteria.CellSubordinate
			m.typeWhy, m.typeCell = fmt.Sprintf("dưới %s ở ô %s", quote(above.text), above.cell), above.cell
			m.parent = above.text
			if k := matchKey(above.text); strings.HasPrefix(k, "dang uy ") {
				if f := strings.Fields(above.text); len(f) > 2 {
					m.parent = "Đảng bộ " + strings.Join(f[2:], " ")
				}
			}
			if words == criteria.CellGrassroots {
				m.conflict = fmt.Sprintf("ô %s ghi %s nhưng ở dưới %s (ô %s), một đảng bộ cơ sở", l.cell, quote(l.text), quote(above.text), above.cell)
			}
		default:
			m.typ = words
			if words != "" {
				m.typeWhy, m.typeCell = "tên "+quote(l.text), l.cell
			} else {
				m.unknownWhy = fmt.Sprintf("ô %s %s không cho biết đó là đảng bộ cơ sở (chi bộ trực thuộc) hay cấp trên cơ sở (chi bộ cơ sở)", above.cell, quote(above.text))
			}
		}
		ms = append(ms, m)
	}
	return append(ms, titles...), code, codeCell, nil
}

// fileNameMention is the unit a file name names: "Chi bộ Văn phòng Sở
// 2024.xlsx", "chi-bo-van-phong.xlsx".
func fileNameMention(base string) (mention, bool) {
	name := strings.TrimSuffix(filepath.Base(base), filepath.Ext(base))
	name = strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) }), " ")
	k := matchKey(name)
	if cut := fileNameYear.FindStringIndex(k); cut != nil {
		f := strings.Fields(name)
		name = strings.Join(f[:min(len(f), len(strings.Fields(k[:cut[0]])))], " ")
		k = matchKey(name)
	}
	if !cellLine.MatchString(k) || blankName(strings.TrimPrefix(k, "chi bo")) {
		return mention{}, false
	}
	m := mention{how: "tên tệp", name: name, key: unitNameKey(name)}
	if strings.HasPrefix(k, "chi bo co so ") {
		m.typ, m.typeWhy = criteria.CellGrassroots, "tên tệp"
	} else {
		m.unknownWhy = "tên tệp không cho biết cấp ủy cấp trên của chi bộ"
	}
	return m, true
}

// ownerError is a workbook whose unit cannot be told, of kind
// criteria.OwnerUnknown (nothing says) or criteria.OwnerAmbiguous (two
// places disagree): what was found and what to write where.
func ownerError(path string, kind *criteria.ProblemType, msg string) error {
	return &fileError{path: path, msg: msg, kind: kind}
}

// ownerFix is the end of every such error: what the user writes where.
const ownerFix = `ghi tên chi bộ ở phần đầu sheet, dưới tên cấp ủy cấp trên (ví dụ ô A1 "ĐẢNG BỘ SỞ …", ô A2 "CHI BỘ …"), hoặc thêm sheet "Đơn vị" với các cột Mã đơn vị, Tên đơn vị, Loại (và Trực thuộc cho chi bộ trực thuộc)`

func (m mention) place(base string) string {
	if m.sheet == "" {
		return "tên tệp " + quote(base)
	}
	return base + " › " + m.sheet + "!" + m.cell
}

// findOwner takes the unit of a workbook without a Đơn vị sheet from the
// header blocks of its sheets, or its file name. The type may be left
// unknown (owner.typ ""): another workbook of the folder naming the same
// unit may tell it (resolveOwners).
func (fd *fileData) findOwner() (*owner, error) {
	var ms []mention
	code, codeSheet, codeCell := "", "", ""
	for _, sh := range fd.book.names {
		got, c, cc, err := fd.headerMentions(sh)
		if err != nil {
			return nil, sheetError(fd.path, sh, err)
		}
		ms = append(ms, got...)
		if c == "" {
			continue
		}
		if code != "" && matchKey(c) != matchKey(code) {
			return nil, ownerError(fd.path, criteria.OwnerAmbiguous, fmt.Sprintf("phần đầu các sheet ghi hai mã đơn vị khác nhau: %s (%s › %s!%s) và %s (%s › %s!%s); sổ không có sheet \"Đơn vị\" chỉ được là sổ của một đơn vị: sửa cho cùng một mã, hoặc thêm sheet \"Đơn vị\" liệt kê các đơn vị",
				quote(code), fd.base, codeSheet, codeCell, quote(c), fd.base, sh, cc))
		}
		if code == "" {
			code, codeSheet, codeCell = c, sh, cc
		}
	}
	if len(ms) == 0 {
		if m, ok := fileNameMention(fd.base); ok {
			ms = append(ms, m)
		}
	}
	if len(ms) == 0 {
		return nil, ownerError(fd.path, criteria.OwnerUnknown, "sổ không có sheet \"Đơn vị\" (danh sách đơn vị), nên không đánh giá được gì; không biết sổ này của đơn vị nào: "+ownerFix)
	}
	o := &owner{m: ms[0]}
	for i := range ms {
		m := &ms[i]
		if m.key != o.m.key {
			return nil, ownerError(fd.path, criteria.OwnerAmbiguous, fmt.Sprintf("phần đầu các sheet ghi hai đơn vị khác nhau: %s (%s) và %s (%s); sổ không có sheet \"Đơn vị\" chỉ được là sổ của một đơn vị: sửa phần đầu cho đúng đơn vị của sổ, hoặc thêm sheet \"Đơn vị\" liệt kê các đơn vị và cột Mã đơn vị ở mỗi sheet",
				quote(o.m.name), o.m.place(fd.base), quote(m.name), m.place(fd.base)))
		}
		if m.conflict != "" {
			return nil, ownerError(fd.path, criteria.OwnerAmbiguous, fmt.Sprintf("không biết loại của đơn vị %s: %s › %s: %s; sửa tên hoặc cấp ủy cấp trên cho đúng, hoặc thêm sheet \"Đơn vị\" ghi rõ Loại", quote(m.name), fd.base, m.sheet, m.conflict))
		}
		// A name in mixed case reads better in reports than the block's capitals.
		if isUpperText(o.m.name) && !isUpperText(m.name) {
			o.m.name = m.name
		}
		if m.typ == "" {
			if o.unknownWhy == "" {
				o.unknownWhy = m.unknownWhy
			}
			continue
		}
		if o.typeOf == nil {
			o.typ, o.typeOf, o.parent = m.typ, m, m.parent
			continue
		}
		if m.typ != o.typ || unitNameKey(m.parent) != unitNameKey(o.parent) {
			return nil, ownerError(fd.path, criteria.OwnerAmbiguous, fmt.Sprintf("phần đầu các sheet ghi đơn vị %s ở hai cấp khác nhau: %s (%s, %s) và %s (%s, %s); sửa cấp ủy cấp trên cho giống nhau, hoặc thêm sheet \"Đơn vị\" ghi rõ Loại và Trực thuộc",
				quote(o.m.name), strings.ToLower(o.typ.Label()), o.typeOf.typeWhy, o.typeOf.place(fd.base), strings.ToLower(m.typ.Label()), m.typeWhy, m.place(fd.base)))
		}
	}
	o.code, o.codeSheet, o.codeCell = code, codeSheet, codeCell
	if o.code == "" {
		o.code = codeFromName(o.m.name)
	}
	return o, nil
}

// isUpperText reports whether s has no lower-case letter.
func isUpperText(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// codeFromName is the code of a unit that writes none: its name folded to
// ASCII capitals, "CHI BỘ VĂN PHÒNG SỞ" → "CB-VAN-PHONG-SO", the same in
// every workbook that names the unit so that they join.
func codeFromName(name string) string {
	k := unitNameKey(name)
	prefix := ""
	for _, p := range []struct{ words, code string }{{"chi bo ", "CB-"}, {"dang bo ", "DB-"}} {
		if rest, ok := strings.CutPrefix(k, p.words); ok {
			prefix, k = p.code, rest
			break
		}
	}
	var b strings.Builder
	for _, f := range strings.FieldsFunc(k, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(strings.ToUpper(f))
	}
	return prefix + b.String()
}

// ownerUnit makes the workbook's one unit from its owner.
func (fd *fileData) ownerUnit(o *owner) {
	u := &criteria.Unit{Code: o.code, Name: o.m.name, Type: o.typ}
	sheet, row := o.m.sheet, 1
	if sheet != "" {
		if _, r, err := excelize.CellNameToCoordinates(o.m.cell); err == nil {
			row = r
		}
		u.Source = criteria.NewSource(fd.base, sheet, row)
	} else if len(fd.book.names) > 0 {
		u.Source = criteria.NewSource(fd.base, fd.book.names[0], 1)
	}
	d := &definedUnit{unit: u, codeCell: o.m.cell}
	if o.codeCell != "" && o.codeSheet == sheet {
		d.codeCell = o.codeCell
	}
	if o.typ == criteria.CellSubordinate {
		d.parent = o.parent
		if o.typeOf != nil {
			d.parentAt = o.typeOf.typeCell
		}
	}
	fd.units = append(fd.units, d)
	fd.single = true
}

// ownerNote says which unit was taken and from where, first in every
// report: the user checks it there.
func (fd *fileData) ownerNote() criteria.Problem {
	o := fd.owner
	u := fd.units[0].unit
	what := strings.ToLower(u.Type.Label())
	if o.typeOf != nil {
		what += ", " + o.typeOf.typeWhy
		if o.typeOf.sheet != o.m.sheet && o.typeOf.sheet != "" {
			what += " ở sheet " + quote(o.typeOf.sheet)
		}
	} else if o.typeFrom != "" {
		what += ", như " + o.typeFrom
	}
	from := fmt.Sprintf("lấy từ %s", o.m.how)
	if o.m.sheet == "" {
		from = "lấy từ tên tệp"
	}
	code := fmt.Sprintf("mã %s tạo từ tên", quote(u.Code))
	if o.codeCell != "" {
		code = fmt.Sprintf("mã %s ở %s!%s", quote(u.Code), o.codeSheet, o.codeCell)
	} else if o.codeFrom != "" {
		code = fmt.Sprintf("mã %s như %s", quote(u.Code), o.codeFrom)
	}
	p := criteria.Problem{File: fd.base, Unit: u.Code}.Of(criteria.OwnerTaken, quote(u.Name), what, from, code)
	if o.m.sheet != "" {
		p.Sheet, p.Cell = o.m.sheet, o.m.cell
	}
	return p
}

// resolveOwners completes the units taken from header blocks, now that
// every workbook's Đơn vị sheet and header blocks are read: a unit that
// writes no code takes the code of the unit of the same name declared in
// a Đơn vị sheet, and one whose type its own workbook cannot tell takes it
// from another workbook naming the same unit. A type still unknown is the
// workbook's error (errs[i]), saying what to write where.
func resolveOwners(files []*fileData, errs []error) {
	type decl struct {
		u     *criteria.Unit
		place string
	}
	byName := map[string][]decl{} // units of Đơn vị sheets, by name key
	for _, fd := range files {
		if fd == nil || fd.owner != nil {
			continue
		}
		for _, d := range fd.units {
			k := unitNameKey(d.unit.Name)
			byName[k] = append(byName[k], decl{d.unit, fd.base + " › " + d.unit.Source.Sheet() + "!" + d.codeCell})
		}
	}
	told := map[string]*fileData{} // owners whose own workbook tells the type, by name key
	for _, fd := range files {
		if fd != nil && fd.owner != nil && fd.owner.typ != "" {
			if _, ok := told[fd.owner.m.key]; !ok {
				told[fd.owner.m.key] = fd
			}
		}
	}
	for i, fd := range files {
		if fd == nil || fd.owner == nil {
			continue
		}
		o := fd.owner
		ds := byName[o.m.key]
		if o.codeCell == "" && len(ds) > 0 {
			one := true
			for _, d := range ds[1:] {
				one = one && matchKey(d.u.Code) == matchKey(ds[0].u.Code)
			}
			if one {
				o.code, o.codeFrom = ds[0].u.Code, "ở "+ds[0].place
			}
		}
		if o.typ == "" {
			for _, d := range ds {
				if matchKey(d.u.Code) == matchKey(o.code) {
					o.typ, o.typeFrom = d.u.Type, "khai báo ở "+d.place
					if d.u.Type == criteria.CellSubordinate {
						// The declaration's Trực thuộc, resolved as the
						// declaration's own.
						o.parent = parentOf(files, d.u)
					}
					break
				}
			}
		}
		if o.typ == "" {
			if other, ok := told[o.m.key]; ok && other != fd {
				oo := other.owner
				o.typ, o.parent, o.typeFrom = oo.typ, oo.parent, "ở "+oo.m.place(other.base)
			}
		}
		if o.typ == "" {
			levels := "chi bộ cơ sở hay chi bộ trực thuộc"
			if o.m.committee {
				levels = "đảng bộ cơ sở hay cấp trên cơ sở"
			}
			errs[i] = ownerError(fd.path, criteria.OwnerUnknown, fmt.Sprintf("không biết %s (%s) là %s: %s; %s",
				quote(o.m.name), o.m.place(fd.base), levels, o.unknownWhy, ownerFix))
			fd.closeBook()
			files[i] = nil
			continue
		}
		fd.ownerUnit(o)
	}
}

// parentOf is the Trực thuộc a declared unit's row writes.
func parentOf(files []*fileData, u *criteria.Unit) string {
	for _, fd := range files {
		if fd == nil {
			continue
		}
		for _, d := range fd.units {
			if d.unit == u {
				return d.parent
			}
		}
	}
	return ""
}

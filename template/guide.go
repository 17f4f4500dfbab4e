package template

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/bontot/bontot/criteria"
	"github.com/bontot/bontot/internal/xlsxout"
	"github.com/bontot/bontot/workbook/schema"
)

// Widths of the guide's two columns: a label and a wrapped text.
const (
	guideLabelWidth = 30
	guideTextWidth  = 100
)

// guideRow is one row of the Hướng dẫn sheet.
type guideRow struct {
	kind  int // one of the row kinds below
	label string
	text  string
}

const (
	rowTitle = iota
	rowSubtitle
	rowBlank
	rowSection
	rowLine     // plain text in B, optional label in A
	rowBoldLine // bold text in B
	rowSheet    // a sheet name in A, its purpose in B
	rowCommand  // a command line in B, too long for the label column
)

// guide writes the Hướng dẫn sheet, which replaces the default first sheet
// so that it is the first thing a secretary sees.
func (b *builder) guide() {
	if b.err != nil {
		return
	}
	f := b.f
	b.do(f.SetSheetName(f.GetSheetName(0), GuideSheet))
	b.do(f.SetColWidth(GuideSheet, "A", "A", guideLabelWidth))
	b.do(f.SetColWidth(GuideSheet, "B", "B", guideTextWidth))
	for i, r := range b.guideRows() {
		row := i + 1
		a, bb := fmt.Sprintf("A%d", row), fmt.Sprintf("B%d", row)
		switch r.kind {
		case rowTitle:
			b.do(f.SetCellStr(GuideSheet, a, r.text))
			b.do(f.SetCellStyle(GuideSheet, a, a, b.title))
			b.do(f.SetRowHeight(GuideSheet, row, 24))
			continue
		case rowSubtitle:
			b.do(f.SetCellStr(GuideSheet, a, r.text))
			b.do(f.SetCellStyle(GuideSheet, a, a, b.subtitle))
			continue
		case rowBlank:
			continue
		case rowSection:
			b.do(f.SetCellStr(GuideSheet, a, r.text))
			b.do(f.SetCellStyle(GuideSheet, a, bb, b.section))
			b.do(f.SetRowHeight(GuideSheet, row, 20))
			continue
		}
		labelStyle, textStyle := b.label, b.body
		switch r.kind {
		case rowBoldLine:
			textStyle = b.bodyBold
		case rowSheet:
			labelStyle, textStyle = b.sheetNameCell, b.bodyBold
		case rowCommand:
			textStyle = b.command
		}
		if r.label != "" {
			b.do(f.SetCellStr(GuideSheet, a, r.label))
			b.do(f.SetCellStyle(GuideSheet, a, a, labelStyle))
		}
		b.do(f.SetCellStr(GuideSheet, bb, r.text))
		b.do(f.SetCellStyle(GuideSheet, bb, bb, textStyle))
		h := max(xlsxout.RowHeight(r.text, guideTextWidth), xlsxout.RowHeight(r.label, guideLabelWidth))
		if h > 18 {
			b.do(f.SetRowHeight(GuideSheet, row, h))
		}
	}
	b.printSetup(GuideSheet, "portrait")
	b.do(f.SetSheetView(GuideSheet, 0, &excelize.ViewOptions{ShowGridLines: boolPtr(false)}))
}

func boolPtr(v bool) *bool { return &v }

func (b *builder) guideRows() []guideRow {
	o := b.opts
	th := o.Thresholds
	var rows []guideRow
	add := func(kind int, label, text string) { rows = append(rows, guideRow{kind, label, text}) }
	line := func(text string) { add(rowLine, "", "• "+text) }

	title := "Sổ theo dõi mô hình “chi bộ bốn tốt”, “đảng bộ cơ sở bốn tốt”"
	if o.Year != 0 {
		title += fmt.Sprintf(" năm %d", o.Year)
	}
	add(rowTitle, "", title)
	if o.Single() {
		add(rowSubtitle, "", fmt.Sprintf("Đơn vị: %s – %s (%s). Theo Hướng dẫn số 17-HD/ĐUK ngày 15/9/2023.", o.Unit, o.Name, o.Type.Label()))
	} else {
		add(rowSubtitle, "", "Sổ dùng chung cho nhiều đơn vị. Theo Hướng dẫn số 17-HD/ĐUK ngày 15/9/2023.")
	}
	add(rowBlank, "", "")

	add(rowSection, "", "1. Sổ này dùng để làm gì")
	add(rowLine, "", "Ghi số liệu cả năm của chi bộ, đảng bộ (sinh hoạt, họp cấp ủy, xếp loại đảng viên, tiêu chí, đơn thư, tự đánh giá) vào các sheet tiếp theo. "+
		"Chương trình bontot đọc sổ, đối chiếu với bốn tiêu chí của Hướng dẫn 17-HD/ĐUK và cho biết đơn vị đã đạt “bốn tốt” chưa, còn thiếu gì, trong năm còn khả năng đạt không.")
	add(rowBlank, "", "")

	add(rowSection, "", "2. Cách điền")
	line("Dòng 1 của mỗi sheet là tiêu đề cột: không đổi tên, không xóa. Điền từ dòng 2, mỗi dòng một bản ghi (một buổi sinh hoạt, một đảng viên…).")
	line("Cột có tiêu đề tô màu cam là cột bắt buộc; cột tô màu xanh có thể bỏ trống nếu không có số liệu.")
	line("Ô có danh sách: bấm mũi tên để chọn. Ngày ghi dạng dd/mm/yyyy (ví dụ 15/03/" + yearOr(o.Year, "2024") + "). Điểm ghi bằng số theo thang 100 điểm.")
	if o.Single() {
		line(fmt.Sprintf("Sổ này chỉ dành cho đơn vị %s: sheet Đơn vị đã điền sẵn, các sheet khác không cần cột Mã đơn vị.", o.Unit))
	} else {
		line("Khai mỗi đơn vị một dòng ở sheet Đơn vị; ở các sheet khác, mỗi dòng ghi Mã đơn vị của đơn vị đó.")
	}
	line("Sheet nào chưa có số liệu thì để trống nhưng đừng xóa: thiếu sheet nghĩa là “chưa ghi nhận”, không phải “không có”. Riêng sheet Cán bộ chỉ điền khi cơ quan theo dõi xếp loại cán bộ, công chức, viên chức.")
	add(rowBlank, "", "")

	add(rowSection, "", "3. Kiểm tra và đánh giá bằng bontot")
	file := "so-bon-tot.xlsx"
	if o.FileName != "" {
		file = o.FileName
		if strings.ContainsAny(file, " \t") {
			file = `"` + file + `"`
		}
	}
	prog := "bontot"
	if o.Program != "" {
		prog = o.Program
	}
	unit := "CB01"
	if o.Single() {
		unit = o.Unit
	}
	asOf := "30/09/" + yearOr(o.Year, "2024")
	for _, c := range [][2]string{
		{prog + " validate " + file, "Kiểm tra sổ: chỉ ra từng ô sai (sheet, ô, giá trị gặp và giá trị cần có) và những gì còn thiếu để đánh giá. Nên chạy mỗi khi điền xong một đợt."},
		{prog + " evaluate " + file, "Đánh giá bốn tiêu chí, xếp hạng và nêu rõ tiêu chí nào chưa đạt, vì sao."},
		{fmt.Sprintf("%s evaluate %s --unit %s --as-of %s", prog, file, unit, asOf),
			"Tự kiểm tra giữa năm: chỉ tính số liệu đến ngày đã cho và cho biết còn cần bao nhiêu buổi sinh hoạt đạt Tốt để kịp đạt trong năm."},
		{prog + " evaluate " + file + " -o bao-cao.xlsx", "Xuất báo cáo Excel (bảng xếp hạng, từng tiêu chí của từng đơn vị, danh sách đề nghị khen)."},
	} {
		add(rowCommand, "", c[0])
		add(rowLine, "", c[1])
	}
	if o.FileName == "" {
		add(rowLine, "", "Thay "+file+" bằng tên tệp của sổ này. Gõ "+prog+" --help để xem mọi lệnh.")
	} else {
		add(rowLine, "", "Chạy các lệnh trong thư mục có sổ này; đổi tên sổ thì đổi tên trong lệnh theo. Gõ "+prog+" --help để xem mọi lệnh.")
	}
	add(rowBlank, "", "")

	add(rowSection, "", "4. Ngưỡng đánh giá đang áp dụng")
	scope := scopeAll
	if o.Single() {
		scope = scopeCell
		if !o.Type.IsCell() {
			scope = scopeCommittee
		}
	}
	for _, c := range thresholdLines(th) {
		add(rowBoldLine, c.label, c.name)
		for _, l := range c.lines {
			if l.scope == scopeAll || scope == scopeAll || l.scope == scope {
				line(l.text)
			}
		}
	}
	self := "Mỗi tiêu chí còn có các mục tự đánh giá ở sheet Tự đánh giá: mục ghi Không đạt làm tiêu chí đó không đạt; mục bỏ trống là “chưa tự đánh giá”"
	if th.Strict {
		self += " và làm tiêu chí đó thiếu dữ liệu (đang áp dụng chế độ chặt)."
	} else {
		self += ", chỉ được nhắc nhở."
	}
	add(rowLine, "Tự đánh giá", self)
	if len(th.SkipChecks) > 0 {
		add(rowLine, "Không áp dụng", "Theo cụ thể hóa của cấp ủy, các nội dung sau không xét: "+strings.Join(th.SkipChecks, ", ")+".")
	}
	add(rowLine, "Kết luận", "Đơn vị đạt “bốn tốt” khi đạt cả 4 tiêu chí; đơn vị có dòng số liệu lỗi thì không được kết luận đạt. "+
		"Chi bộ cơ sở, đảng bộ cơ sở đạt “bốn tốt” và được xếp loại Hoàn thành xuất sắc nhiệm vụ thì được đề xuất tặng giấy khen.")
	if th.CommendationSubordinate {
		add(rowLine, "Khen thưởng", "Chi bộ trực thuộc đạt “bốn tốt” và được xếp loại Hoàn thành xuất sắc nhiệm vụ vào danh sách đề nghị đảng ủy cơ sở tặng giấy khen (đảng ủy cơ sở khen thưởng theo Hướng dẫn 06-HD/TW).")
	}
	if th.HistoryStreaks {
		add(rowLine, "Các năm trước", fmt.Sprintf("Sheet Lịch sử (không bắt buộc) ghi kết quả các năm trước; đơn vị được xếp loại HTXSNV đủ %d năm liên tục (tính cả năm đánh giá) được đề nghị khen thưởng cấp cao hơn (Hướng dẫn 06-HD/TW); số năm liên tục đạt “bốn tốt” chỉ để theo dõi.", th.HistoryStreakYears))
	}
	add(rowBlank, "", "")

	add(rowSection, "", "5. Các sheet và các cột")
	for _, sh := range o.Sheets() {
		add(rowSheet, sh.Name, sheetHelp(sh, o))
		for _, c := range o.Columns(sh) {
			add(rowLine, c.Header, columnHelp(c))
		}
		add(rowBlank, "", "")
	}
	return rows
}

func yearOr(y int, def string) string {
	if y == 0 {
		return def
	}
	return strconv.Itoa(y)
}

// sheetHelp is the schema's help for the sheet plus what the template has
// already filled in.
func sheetHelp(sh schema.Sheet, o Options) string {
	h := sh.Help
	switch sh.ID {
	case criteria.SheetUnits:
		if o.Single() {
			h += " Đã điền sẵn đơn vị của sổ này; chỉ bổ sung các cột còn trống."
		}
	case criteria.SheetSelfAssessment:
		h += " Các mục đã liệt kê sẵn: chỉ cần chọn Kết quả (Đạt / Không đạt) và ghi minh chứng ở Ghi chú."
	case criteria.SheetCriteria:
		if o.Single() {
			h += " Các tiêu chí của Quy định 528 đã ghi sẵn với nhóm của chúng: ghi Mức hoặc Điểm cho từng tiêu chí (tiêu chí chưa ghi thì TC1 còn thiếu dữ liệu); cấp ủy dùng tên khác thì sửa tên, thêm dòng nếu có thêm tiêu chí."
		}
	}
	return h
}

// columnHelp is the column's help, its accepted values and whether it is
// required.
func columnHelp(c schema.Column) string {
	h := strings.TrimSuffix(c.Help, ".") + "."
	if len(c.Values) > 0 {
		h += " Chọn: " + strings.Join(c.Values, "; ") + "."
	}
	if c.Required {
		h += " Bắt buộc."
	}
	return h
}

// Which unit types a threshold line concerns.
const (
	scopeAll = iota
	scopeCell
	scopeCommittee
)

type thresholdLine struct {
	scope int
	text  string
}

type criterionLines struct {
	label, name string
	lines       []thresholdLine
}

// thresholdLines states the thresholds in force, criterion by criterion, in
// the words of SPEC §2, with every number taken from th so that a criteria
// file's overrides show in the guide.
func thresholdLines(th criteria.Thresholds) []criterionLines {
	members := func(who string, floor, good float64) string {
		return fmt.Sprintf("%s %s đạt Hoàn thành nhiệm vụ trở lên, trong đó %s đạt Hoàn thành tốt nhiệm vụ trở lên.",
			share(floor), who, share(good))
	}
	lvl := func(l criteria.Level) string { return strings.ToLower(l.Label()) }
	d := criteria.Describe(th)
	// Where the quarters are judged (Chỉ thị 50-CT/TW) a quarter without a
	// thematic meeting fails TC2; otherwise it is only a reminder.
	thematic, quarterWarn := fmt.Sprintf("≥ %d buổi sinh hoạt chuyên đề/năm.", th.ThematicMeetings), " quý không có buổi chuyên đề;"
	if th.QuartersJudged() {
		thematic, quarterWarn = fmt.Sprintf("≥ %d buổi sinh hoạt chuyên đề/năm, mỗi quý ít nhất một buổi (Chỉ thị 50-CT/TW).", th.ThematicMeetings), ""
	}
	return []criterionLines{
		{"Tiêu chí 1", criteria.CriterionNames["tc1"], []thresholdLine{
			{scopeAll, fmt.Sprintf("Mọi tiêu chí nhóm Trọng tâm (sheet Tiêu chí, theo Quy định 528-QĐ/TU) đạt mức %s trở lên; mọi tiêu chí khác đạt mức %s trở lên. "+
				"Điểm tiêu chí đổi ra mức: %s.",
				lvl(th.KeyCriteriaLevel), lvl(th.OtherCriteriaLevel), d.LevelRanges())},
			{scopeCell, members(membersWho(th), th.MembersFloorShare, th.MembersGoodShare) + ratingPoints(th)},
			{scopeCommittee, members("tổ chức đảng trực thuộc", th.SuborgsFloorShare, th.SuborgsGoodShare)},
			{scopeAll, staffPrefix(th.RequireStaff) + members("cán bộ, công chức, viên chức", th.StaffFloorShare, th.StaffGoodShare)},
			{scopeAll, fmt.Sprintf("Mọi tổ chức chính trị - xã hội (sheet Đoàn thể) đạt %s trở lên%s.", th.MassOrgsFloor.Label(), massOrgsSuffix(th.RequireMassOrgs))},
			{scopeAll, "Kết nạp đảng viên mới đạt chỉ tiêu được giao (nếu có chỉ tiêu); không còn đơn thư, vụ việc nào chưa giải quyết xong."},
		}},
		{"Tiêu chí 2", criteria.CriterionNames["tc2"], []thresholdLine{
			{scopeCell, fmt.Sprintf("≥ %d buổi sinh hoạt thường kỳ/năm; %s số buổi thường kỳ đạt %s; không buổi nào xếp loại %s.",
				th.RegularMeetings, share(th.RegularGoodShare), th.MeetingBand(criteria.QualityGood).Short(), th.MeetingBand(criteria.QualityWeak).Short())},
			{scopeCell, thematic},
			{scopeCommittee, fmt.Sprintf("Ban chấp hành đảng bộ họp ≥ %d lần/năm; ban thường vụ (nếu có) họp ≥ %d lần/năm; ≥ %d hội nghị hoặc đại hội toàn đảng bộ/năm.",
				th.CommitteeMeetings, th.StandingMeetings, th.Assemblies)},
			{scopeAll, fmt.Sprintf("Xếp loại buổi sinh hoạt theo thang 100 điểm: %s. "+
				"Điểm tối đa của %s; nếu ghi cả tổng điểm thì tổng phải bằng tổng %d nhóm.",
				d.MeetingRanges(), groupMaxima(th), len(th.ScoreGroups))},
			{scopeCell, fmt.Sprintf("Nhắc nhở (không làm trượt tiêu chí): tháng không có buổi thường kỳ hoặc có hai buổi;%s buổi có tỷ lệ có mặt %s.",
				quarterWarn, th.AttendanceWarnText())},
		}},
		{"Tiêu chí 3", criteria.CriterionNames["tc3"], []thresholdLine{
			{scopeAll, "Không có đơn thư, khiếu nại, tố cáo trong năm; mọi vấn đề nổi cộm phát sinh đã được giải quyết (đảng bộ cơ sở tính cả các chi bộ trực thuộc)."},
		}},
		{"Tiêu chí 4", criteria.CriterionNames["tc4"], []thresholdLine{
			{scopeAll, "Không đảng viên nào vi phạm những điều đảng viên không được làm hoặc bị kỷ luật trong năm (cột Kỷ luật, nếu có)."},
			{scopeAll, "Mọi đảng viên (trừ người miễn sinh hoạt và người không lấy ý kiến) có nhận xét của chi ủy nơi cư trú không tiêu cực (Quy định 213-QĐ/TW)."},
		}},
	}
}

// membersWho names the members the rating shares count (QĐ 366 art. 5
// and 11): not the exempt, the suspended, nor new members left unrated.
func membersWho(th criteria.Thresholds) string {
	out := "người miễn sinh hoạt, người bị đình chỉ sinh hoạt"
	if th.NewMemberMonths > 0 {
		out += fmt.Sprintf(", người kết nạp chưa đủ %d tháng (tính đến hết năm, theo cột Ngày kết nạp) chưa xếp loại", th.NewMemberMonths)
	}
	return "đảng viên được xếp loại (không tính " + out + ")"
}

// ratingPoints states the bands of a rating given as points (SPEC §6,
// Điểm xếp loại).
func ratingPoints(th criteria.Thresholds) string {
	b := th.RatingBands
	return fmt.Sprintf(" Xếp loại có thể ghi bằng điểm (cột Điểm xếp loại): HTXSNV ≥ %s, HTTNV ≥ %s, HTNV ≥ %s, dưới %s là KHTNV; ghi cả hai thì Xếp loại quyết định.",
		num(b[0]), num(b[1]), num(b[2]), num(b[2]))
}

// share renders a minimum share: "100%" for all, "≥ 75%" otherwise, with
// up to two decimals (a committee's 0.8333 reads "≥ 83,33%").
func share(v float64) string {
	if v >= 1 {
		return "100%"
	}
	return "≥ " + criteria.FormatPercent(v, 2)
}

// num renders a number with every digit it has (criteria.FormatNumber).
func num(v float64) string { return criteria.FormatNumber(v) }

// staffPrefix says when the staff rule applies: always, when the criteria
// file requires the Cán bộ sheet, or only where the unit lists its staff.
func staffPrefix(required bool) string {
	if required {
		return "Bắt buộc ghi sheet Cán bộ: "
	}
	return "Nếu đơn vị ghi sheet Cán bộ: "
}

func massOrgsSuffix(required bool) string {
	if required {
		return " (bắt buộc ghi sheet Đoàn thể)"
	}
	return ""
}

// groupMaxima is "5 nhóm: Tỷ lệ đảng viên tham gia 20, Chuẩn bị 20, …".
func groupMaxima(th criteria.Thresholds) string {
	parts := make([]string, len(th.ScoreGroups))
	for i, g := range th.ScoreGroups {
		parts[i] = g.Name + " " + num(g.Max)
	}
	sep := ", "
	for _, g := range th.ScoreGroups {
		if strings.Contains(g.Name, ",") {
			sep = "; " // "Chấp hành thời gian, thời lượng 5; Tỉ lệ đảng viên dự sinh hoạt 5"
		}
	}
	return fmt.Sprintf("%d nhóm: %s", len(parts), strings.Join(parts, sep))
}

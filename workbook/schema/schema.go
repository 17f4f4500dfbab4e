// Package schema describes the input workbook of SPEC §3: its sheets, their
// columns and the closed sets of values the cells may hold. The reader
// matches headers and values against it; the template writes it.
package schema

import (
	"strconv"

	"github.com/bontot/bontot/criteria"
)

// Column is one column of an input sheet.
type Column struct {
	Key      string   // stable English key used by the reader
	Header   string   // canonical Vietnamese header, as the template writes it
	Aliases  []string // other headers real office sheets use for the same column
	Required bool     // the sheet cannot be read without it
	Help     string   // what to write in it, for the template's Hướng dẫn sheet
	Values   []string // the closed set of canonical values, if any (dropdown)
	// ReadOnly: the reader knows the column, as office lists carry it,
	// but the template does not write it (the Ghi chú of a member list,
	// which acts as the column its reason stands for).
	ReadOnly bool
}

// Sheet is one input sheet.
type Sheet struct {
	ID      criteria.Sheet
	Name    string   // canonical Vietnamese name
	Aliases []string // other names seen in real workbooks
	Help    string
	Columns []Column
}

// Closed sets of values, in the canonical form the template offers.
var (
	UnitTypes      = []string{"Chi bộ cơ sở", "Chi bộ trực thuộc", "Đảng bộ cơ sở"}
	MeetingKinds   = []string{"Thường kỳ", "Chuyên đề"}
	CommitteeKinds = []string{"Ban chấp hành", "Ban thường vụ", "Hội nghị đảng bộ", "Đại hội"}
	Ratings        = []string{"Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"}
	RatingCodes    = []string{"HTXSNV", "HTTNV", "HTNV", "KHTNV"}
	Levels         = []string{"Xuất sắc", "Tốt", "Trung bình", "Kém"}
	CriteriaGroups = []string{"Trọng tâm", "Khác"}
	CaseKinds      = []string{"Đơn thư", "Khiếu nại", "Tố cáo", "Vấn đề nổi cộm"}
	Results        = []string{"Đạt", "Không đạt"}
	YesNo          = []string{"Có", "Không"}
	Disciplines    = []string{"Không", "Khiển trách", "Cảnh cáo", "Cách chức", "Khai trừ"}
	// OrgDisciplines are the measures against a party organisation
	// (Điều lệ Đảng, Điều 36).
	OrgDisciplines = []string{"Không", "Khiển trách", "Cảnh cáo", "Giải tán"}
	Residence      = []string{"Tốt", "Khá", "Đạt", "Hoàn thành", "Không đạt", "Chưa tốt", "Không tốt", "Kém", "Yếu", "Không lấy ý kiến"}
)

// Column keys shared by several sheets.
const (
	KeyUnit = "unit"
	KeyDate = "date"
	// KeyItemText is the Tự đánh giá column holding an item's text, written
	// by the template for the reader's eyes only; the reader ignores it.
	KeyItemText = "text"
)

// The name aliases let a sheet name units as office sheets often do, by
// their name: the reader looks a unit up by code, then by exact name.
var unitColumn = Column{Key: KeyUnit, Header: "Mã đơn vị", Aliases: []string{"Mã ĐV", "Mã tổ chức đảng", "Mã chi bộ", "Tên đơn vị", "Tên chi bộ", "Chi bộ"},
	Help: "Mã của đơn vị trong sheet Đơn vị (có thể bỏ trống cột này nếu sổ chỉ có một đơn vị)"}

// GuideSheet is the explanatory first sheet of bontot's template: no input
// sheet, so the reader passes it over without the note other sheets it
// does not know get.
const GuideSheet = "Hướng dẫn"

// Sheets lists the input sheets in workbook order.
var Sheets = []Sheet{
	{ID: criteria.SheetUnits, Name: "Đơn vị", Aliases: []string{"Danh sách đơn vị", "Đơn vị cơ sở"},
		Help: "Mỗi dòng một chi bộ, đảng bộ cơ sở hoặc chi bộ trực thuộc.",
		Columns: []Column{
			{Key: "code", Header: "Mã đơn vị", Aliases: []string{"Mã ĐV", "Mã tổ chức đảng", "Mã chi bộ"}, Required: true, Help: "Mã ngắn, duy nhất, ví dụ CB01"},
			{Key: "name", Header: "Tên đơn vị", Aliases: []string{"Tên tổ chức đảng", "Tên chi bộ", "Đơn vị"}, Required: true, Help: "Tên đầy đủ của chi bộ, đảng bộ"},
			{Key: "type", Header: "Loại", Aliases: []string{"Loại đơn vị", "Loại hình"}, Required: true, Values: UnitTypes, Help: "Chi bộ cơ sở, Chi bộ trực thuộc hoặc Đảng bộ cơ sở"},
			{Key: "parent", Header: "Trực thuộc", Aliases: []string{"Đảng bộ cấp trên", "Thuộc đảng bộ"}, Help: "Với chi bộ trực thuộc: mã đảng bộ cơ sở cấp trên"},
			{Key: "cluster", Header: "Cụm", Aliases: []string{"Cụm thi đua"}, Help: "Tên cụm (nếu có)"},
			{Key: "pilot", Header: "Làm điểm", Aliases: []string{"Đơn vị làm điểm"}, Values: YesNo, Help: "Có nếu được chọn làm điểm"},
			{Key: "standing", Header: "Có ban thường vụ", Aliases: []string{"Ban thường vụ"}, Values: YesNo, Help: "Với đảng bộ cơ sở: Có nếu có ban thường vụ đảng ủy"},
			{Key: "rating", Header: "Xếp loại", Aliases: []string{"Xếp loại chất lượng", "Tự xếp loại"}, Values: Ratings, Help: "Xếp loại chất lượng năm của chính đơn vị"},
			{Key: "points", Header: "Điểm xếp loại", Aliases: []string{"Điểm đánh giá, xếp loại", "Điểm đánh giá xếp loại", "Tổng điểm xếp loại", "Điểm đánh giá"}, Help: "Điểm xếp loại 0–100 (Quy định 366-QĐ/TW), thay cho hoặc bên cạnh Xếp loại; ghi cả hai thì Xếp loại quyết định"},
			{Key: "target", Header: "Chỉ tiêu kết nạp", Aliases: []string{"Chỉ tiêu kết nạp đảng viên"}, Help: "Số đảng viên mới phải kết nạp trong năm (bỏ trống nếu không giao)"},
			{Key: "admitted", Header: "Đã kết nạp", Aliases: []string{"Số đã kết nạp", "Kết nạp mới"}, Help: "Số đảng viên mới đã kết nạp trong năm"},
			{Key: "discipline", Header: "Kỷ luật", Aliases: []string{"Hình thức kỷ luật", "Kỷ luật tổ chức", "Kỷ luật trong năm"}, Values: OrgDisciplines, Help: "Hình thức kỷ luật đơn vị (tổ chức đảng) trong năm: Khiển trách, Cảnh cáo, Giải tán; Không hoặc để trống nếu không bị kỷ luật"},
		}},
	{ID: criteria.SheetMeetings, Name: "Sinh hoạt", Aliases: []string{"Sinh hoạt chi bộ", "Buổi sinh hoạt"},
		Help:    "Mỗi dòng một buổi sinh hoạt chi bộ thường kỳ hoặc chuyên đề, với điểm chấm (thang 100) hoặc điểm 5 nhóm tiêu chí.",
		Columns: meetingColumns()},
	{ID: criteria.SheetCommittee, Name: "Họp cấp ủy", Aliases: []string{"Họp đảng ủy", "Hội nghị cấp ủy"},
		Help: "Với đảng bộ cơ sở: mỗi dòng một kỳ họp ban chấp hành, ban thường vụ, hội nghị hoặc đại hội đảng bộ.",
		Columns: []Column{
			unitColumn,
			{Key: KeyDate, Header: "Ngày", Aliases: append([]string{"Ngày họp", "Thời gian", "Ngày họp cấp ủy", "Ngày họp đảng ủy"}, dateSpellings...), Required: true, Help: "Ngày họp (dd/mm/yyyy)"},
			{Key: "kind", Header: "Loại", Aliases: []string{"Loại họp", "Hình thức"}, Required: true, Values: CommitteeKinds, Help: "Ban chấp hành, Ban thường vụ, Hội nghị đảng bộ hoặc Đại hội"},
		}},
	{ID: criteria.SheetMembers, Name: "Đảng viên", Aliases: []string{"Danh sách đảng viên"},
		Help: "Mỗi dòng một đảng viên với xếp loại chất lượng năm.",
		Columns: []Column{
			unitColumn,
			{Key: "name", Header: "Họ và tên", Aliases: []string{"Họ tên", "Họ và tên đảng viên"}, Required: true, Help: "Họ và tên đảng viên"},
			{Key: "id", Header: "Mã đảng viên", Aliases: []string{"Số thẻ đảng viên", "Số thẻ"}, Help: "Mã hoặc số thẻ đảng viên (nếu có)"},
			{Key: "exempt", Header: "Miễn sinh hoạt", Aliases: []string{"Miễn công tác và sinh hoạt", "Miễn SH"}, Values: YesNo, Help: "Có nếu được miễn công tác và sinh hoạt đảng (không xếp loại); ghi Đình chỉ nếu bị đình chỉ sinh hoạt đảng"},
			{Key: "suspended", Header: "Đình chỉ sinh hoạt", Aliases: []string{"Đình chỉ sinh hoạt đảng", "Bị đình chỉ sinh hoạt", "Đình chỉ SH"}, Values: YesNo, Help: "Có nếu bị đình chỉ sinh hoạt đảng (không xếp loại theo Quy định 366-QĐ/TW, Điều 5; không tính vào tỷ lệ)"},
			{Key: "admitted_on", Header: "Ngày kết nạp", Aliases: []string{"Ngày vào Đảng", "Ngày kết nạp Đảng", "Ngày kết nạp vào Đảng"}, Help: "Ngày kết nạp (dd/mm/yyyy); đảng viên kết nạp chưa đủ 6 tháng tính đến hết năm được để trống xếp loại"},
			{Key: "rating", Header: "Xếp loại", Aliases: []string{"Xếp loại chất lượng", "Xếp loại đảng viên"}, Required: true, Values: Ratings, Help: "Xếp loại chất lượng đảng viên năm"},
			{Key: "points", Header: "Điểm xếp loại", Aliases: []string{"Điểm đánh giá, xếp loại", "Điểm đánh giá xếp loại", "Tổng điểm xếp loại", "Điểm đánh giá", "Tổng điểm", "Tổng số điểm"}, Help: "Điểm xếp loại 0–100 (Quy định 366-QĐ/TW: từ 90 HTXSNV, từ 70 HTTNV, từ 50 HTNV), thay cho hoặc bên cạnh Xếp loại; ghi cả hai thì Xếp loại quyết định"},
			{Key: "violation", Header: "Vi phạm", Aliases: []string{"Vi phạm quy định 37", "Vi phạm những điều đảng viên không được làm"}, Values: YesNo, Help: "Có (hoặc ghi nội dung vi phạm) nếu vi phạm những điều đảng viên không được làm; Không hoặc để trống nếu không"},
			{Key: "discipline", Header: "Kỷ luật", Aliases: []string{"Hình thức kỷ luật", "Bị kỷ luật", "Kỷ luật trong năm"}, Values: Disciplines, Help: "Hình thức kỷ luật trong năm (Khiển trách, Cảnh cáo, Cách chức, Khai trừ); Không hoặc để trống nếu không bị kỷ luật"},
			{Key: "committee_member", Header: "Cấp ủy viên", Aliases: []string{"Là cấp ủy viên", "Chi ủy viên", "Đảng ủy viên"}, Values: YesNo, Help: "Có nếu là cấp ủy viên của đơn vị ghi ở dòng này (chi ủy viên của chi bộ, đảng ủy viên ở dòng của đảng bộ)"},
			{Key: "residence", Header: "Nhận xét nơi cư trú", Aliases: []string{"Nhận xét của nơi cư trú", "Nơi cư trú"}, Values: Residence, Help: "Nhận xét của chi ủy nơi cư trú (Quy định 213-QĐ/TW); Không lấy ý kiến nếu không lấy định kỳ"},
			// Year-end lists give the reason a member is not rated here (SPEC
			// §4 "Office layouts"): "Miễn công tác và sinh hoạt đảng", "Đình
			// chỉ sinh hoạt", "Mới kết nạp, chưa đủ 6 tháng".
			{Key: "note", Header: "Ghi chú", ReadOnly: true, Help: "Lý do không xếp loại (miễn công tác và sinh hoạt đảng, đình chỉ sinh hoạt, mới kết nạp chưa đủ 6 tháng) hoặc ghi chú tùy ý"},
		}},
	{ID: criteria.SheetStaff, Name: "Cán bộ", Aliases: []string{"Cán bộ, công chức, viên chức", "CBCCVC"},
		Help: "Cán bộ, công chức, viên chức của cơ quan, đơn vị (nếu đơn vị theo dõi).",
		Columns: []Column{
			unitColumn,
			{Key: "name", Header: "Họ và tên", Aliases: []string{"Họ tên"}, Required: true, Help: "Họ và tên"},
			{Key: "rating", Header: "Xếp loại", Aliases: []string{"Xếp loại chất lượng"}, Required: true, Values: Ratings, Help: "Xếp loại chất lượng năm"},
			{Key: "points", Header: "Điểm xếp loại", Aliases: []string{"Điểm đánh giá, xếp loại", "Điểm đánh giá xếp loại", "Tổng điểm xếp loại", "Điểm đánh giá"}, Help: "Điểm xếp loại 0–100, thay cho hoặc bên cạnh Xếp loại; ghi cả hai thì Xếp loại quyết định"},
		}},
	{ID: criteria.SheetMassOrgs, Name: "Đoàn thể", Aliases: []string{"Tổ chức chính trị - xã hội", "Đoàn thể chính trị - xã hội"},
		Help: "Các tổ chức chính trị - xã hội cùng cấp (Công đoàn, Đoàn thanh niên, Hội Cựu chiến binh, Hội Phụ nữ…).",
		Columns: []Column{
			unitColumn,
			{Key: "org", Header: "Tổ chức", Aliases: []string{"Tên tổ chức", "Đoàn thể"}, Required: true, Help: "Tên tổ chức"},
			{Key: "rating", Header: "Xếp loại", Aliases: []string{"Xếp loại chất lượng"}, Required: true, Values: Ratings, Help: "Xếp loại chất lượng năm"},
			{Key: "points", Header: "Điểm xếp loại", Aliases: []string{"Điểm đánh giá, xếp loại", "Điểm đánh giá xếp loại", "Tổng điểm xếp loại", "Điểm đánh giá"}, Help: "Điểm xếp loại 0–100, thay cho hoặc bên cạnh Xếp loại; ghi cả hai thì Xếp loại quyết định"},
		}},
	{ID: criteria.SheetCriteria, Name: "Tiêu chí", Aliases: []string{"Tiêu chí 528", "Đánh giá tiêu chí"},
		Help: "Các tiêu chí đánh giá theo Quy định 528-QĐ/TU, với mức đạt hoặc điểm 0–100.",
		Columns: []Column{
			unitColumn,
			{Key: "criterion", Header: "Tiêu chí", Aliases: []string{"Tên tiêu chí", "Nội dung"}, Required: true, Help: "Tên tiêu chí"},
			{Key: "group", Header: "Nhóm", Aliases: []string{"Nhóm tiêu chí"}, Required: true, Values: CriteriaGroups, Help: "Trọng tâm (kết quả xây dựng Đảng, nhiệm vụ chính trị) hoặc Khác"},
			{Key: "level", Header: "Mức", Aliases: []string{"Mức đạt", "Cấp độ"}, Values: Levels, Help: "Xuất sắc, Tốt, Trung bình hoặc Kém; hoặc bỏ trống và ghi Điểm"},
			{Key: "score", Header: "Điểm", Aliases: []string{"Điểm đánh giá"}, Help: "Điểm 0–100, đổi ra mức theo ngưỡng"},
		}},
	{ID: criteria.SheetCases, Name: "Đơn thư vụ việc", Aliases: []string{"Đơn thư", "Đơn thư, vụ việc", "Vụ việc"},
		Help: "Mỗi dòng một đơn thư, khiếu nại, tố cáo hoặc vấn đề nổi cộm trong năm. Không có thì để trống (nhưng giữ sheet).",
		Columns: []Column{
			unitColumn,
			{Key: KeyDate, Header: "Ngày", Aliases: []string{"Ngày nhận", "Ngày phát sinh"}, Help: "Ngày nhận / phát sinh"},
			{Key: "kind", Header: "Loại", Aliases: []string{"Loại vụ việc"}, Required: true, Values: CaseKinds, Help: "Đơn thư, Khiếu nại, Tố cáo hoặc Vấn đề nổi cộm"},
			{Key: "resolved", Header: "Đã giải quyết", Aliases: []string{"Giải quyết", "Tình trạng"}, Values: YesNo, Help: "Có nếu đã giải quyết xong"},
		}},
	{ID: criteria.SheetSelfAssessment, Name: "Tự đánh giá", Aliases: []string{"Tự đánh giá tiêu chí"},
		Help: "Đơn vị tự đánh giá từng nội dung định tính của mục II Hướng dẫn 17-HD/ĐUK.",
		Columns: []Column{
			unitColumn,
			{Key: "item", Header: "Mục", Aliases: []string{"Nội dung", "Mã mục"}, Required: true, Help: "Mã mục (tc1.q1…) hoặc nội dung"},
			// The template writes each item's text beside its ID so the
			// secretary knows what she is judging; the reader ignores it,
			// the ID in Mục being what identifies the item.
			{Key: KeyItemText, Header: "Nội dung mục", Help: "Nội dung của mục (chỉ để đọc, bontot không dùng cột này)"},
			{Key: "result", Header: "Kết quả", Aliases: []string{"Tự đánh giá", "Đánh giá"}, Required: true, Values: Results, Help: "Đạt hoặc Không đạt"},
			{Key: "note", Header: "Ghi chú", Help: "Minh chứng, ghi chú"},
		}},
	HistorySheet,
}

// groupHelp is what the template says of each group-score column of the
// five groups of Hướng dẫn 12-HD/BTCTW.
var groupHelp = []string{
	"Điểm nhóm 1: tỷ lệ đảng viên tham gia sinh hoạt",
	"Điểm nhóm 2: công tác chuẩn bị sinh hoạt",
	"Điểm nhóm 3: công tác tổ chức sinh hoạt",
	"Điểm nhóm 4: thực hiện nguyên tắc tổ chức sinh hoạt đảng",
	"Điểm nhóm 5: kết quả lãnh đạo / ý nghĩa thiết thực của chuyên đề",
}

// dateSpellings are the headers a meeting's date column is given in office
// sheets besides its own name: any of them is the date column
// wherever a meeting's date is expected, Sinh hoạt and Họp cấp ủy alike.
var dateSpellings = []string{"Ngày tháng", "Ngày, tháng", "Ngày tháng năm", "Ngày, tháng, năm", "Ngày/tháng/năm",
	"Ngày tổ chức", "Thời gian họp", "Thời gian tổ chức", "Ngày họp, sinh hoạt"}

// meetingColumns are the columns of Sinh hoạt. The group-score columns
// g1… are the groups of the hd17-2023 profile (criteria.HD12ScoreGroups),
// headed by their names, with their spellings as aliases; the reader
// matches a sheet's group columns against the groups of the criteria in
// force instead (SPEC §6: declared score groups with their header
// spellings).
func meetingColumns() []Column {
	cols := []Column{
		unitColumn,
		{Key: KeyDate, Header: "Ngày", Aliases: append([]string{"Ngày sinh hoạt", "Thời gian", "Ngày họp", "Ngày sinh hoạt chi bộ", "Thời gian sinh hoạt", "Ngày họp chi bộ"}, dateSpellings...), Help: "Ngày sinh hoạt (dd/mm/yyyy); có thể thay bằng cột Tháng"},
		{Key: "month", Header: "Tháng", Aliases: []string{"Tháng sinh hoạt"}, Help: "Tháng sinh hoạt (1–12, 3/2024 hoặc Tháng 3) nếu không ghi ngày"},
		{Key: "kind", Header: "Loại", Aliases: []string{"Loại sinh hoạt", "Hình thức"}, Required: true, Values: MeetingKinds, Help: "Thường kỳ hoặc Chuyên đề"},
		{Key: "score", Header: "Điểm", Aliases: []string{"Tổng điểm", "Điểm chấm", "Điểm đạt", "Chi bộ chấm", "Điểm chi bộ chấm", "Điểm tự chấm"}, Help: "Tổng điểm 0–100; hoặc bỏ trống và ghi điểm 5 nhóm tiêu chí"},
	}
	for i, g := range criteria.HD12ScoreGroups() {
		cols = append(cols, Column{Key: GroupKey(i), Header: g.Name, Aliases: g.Spellings, Help: groupHelp[i]})
	}
	return append(cols,
		Column{Key: KeyUpper, Header: "Điểm cấp trên chấm", Aliases: []string{"Cấp trên chấm", "Cấp ủy cấp trên chấm", "Cấp ủy viên cấp trên chấm", "Điểm cấp ủy cấp trên", "Điểm cấp trên"},
			Help: "Điểm 0–100 do cấp ủy viên cấp trên chấm (nếu có); có thì bontot tính theo điểm này"},
		Column{Key: "present", Header: "Có mặt", Aliases: []string{"Số có mặt", "Đảng viên có mặt"}, Help: "Số đảng viên có mặt"},
		Column{Key: "total", Header: "Tổng số đảng viên", Aliases: []string{"Tổng số", "Số đảng viên"}, Help: "Tổng số đảng viên phải dự"},
		Column{Key: "note", Header: "Ghi chú", Help: "Ghi chú tùy ý"},
	)
}

// GroupKey is the column key of the i-th score group (0-based): "g1"….
func GroupKey(i int) string { return "g" + strconv.Itoa(i+1) }

// KeyUpper is the Sinh hoạt column of the upper committee's score.
const KeyUpper = "upper"

// HistorySheet is the optional Lịch sử sheet (profile 2025, Hướng dẫn
// 06-HD/TW): the units' results of earlier years, read only when the
// rules count streaks (criteria.Thresholds.HistoryStreaks).
var HistorySheet = Sheet{ID: criteria.SheetHistory, Name: "Lịch sử", Aliases: []string{"Lịch sử xếp loại", "Kết quả các năm trước", "Các năm trước"},
	Help: "Không bắt buộc (bộ quy tắc 2025): kết quả của đơn vị ở các năm trước năm đánh giá, để tính số năm liên tục HTXSNV (đủ số năm thì đề nghị khen thưởng cấp cao hơn, Hướng dẫn 06-HD/TW) và số năm liên tục đạt “bốn tốt” (chỉ để theo dõi).",
	Columns: []Column{
		unitColumn,
		{Key: "year", Header: "Năm", Aliases: []string{"Năm đánh giá", "Năm xếp loại"}, Required: true, Help: "Năm, trước năm đánh giá (kết quả năm đánh giá lấy từ sheet Đơn vị và các sheet khác)"},
		{Key: "rating", Header: "Xếp loại", Aliases: []string{"Xếp loại chất lượng"}, Required: true, Values: Ratings, Help: "Xếp loại chất lượng của đơn vị năm đó"},
		{Key: "fourgood", Header: "Bốn tốt", Aliases: []string{"Đạt bốn tốt", "Chi bộ bốn tốt", "Đảng bộ bốn tốt"}, Values: YesNo, Help: "Có nếu năm đó đơn vị đạt “bốn tốt”; Không nếu không đạt; để trống nếu không rõ (năm đó không được tính)"},
	}}

// ByID returns the schema of a sheet.
func ByID(id criteria.Sheet) *Sheet {
	for i := range Sheets {
		if Sheets[i].ID == id {
			return &Sheets[i]
		}
	}
	return nil
}

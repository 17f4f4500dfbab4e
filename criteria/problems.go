package criteria

import "fmt"

// ProblemType is one kind of problem, a record holding everything about
// it, as frictionless-py gives each error a type, a title and a message
// template (frictionless/errors/cell.py): the code scripts and tests
// match, the severity, a title and an action for the README, and the
// template every message of the kind is made from. A problem is built
// from its type (Problem.Of), so that its code and its sentence cannot
// drift apart: the wording may improve, the code stays.
type ProblemType struct {
	// Code is the stable identifier, "area.finding" in ASCII, written in
	// JSON, CSV and the Excel report. Scripts filter on it, so a code
	// never changes meaning, as a JSON key is never renamed (SPEC §5): a
	// new finding gets a new code.
	Code     string
	Severity Severity
	// Lead marks a finding that changes how the whole report reads (the
	// evaluation year does not match the data): every report puts it
	// first, and the terminal above the ranking.
	Lead     bool
	Title    string // what was found, in a few Vietnamese words
	Action   string // what the user does about it, in Vietnamese
	Template string // the message, a fmt format of the problem's arguments
}

// Message is the sentence of a problem of this type, made from args.
func (t *ProblemType) Message(args ...any) string {
	if len(args) == 0 {
		return t.Template
	}
	return fmt.Sprintf(t.Template, args...)
}

// problemTypes is the registry, in the order of declaration: the README
// lists the codes in this order.
var problemTypes []*ProblemType

// problemType registers t; a code registered twice is a programming
// error caught when the package loads.
func problemType(t ProblemType) *ProblemType {
	for _, o := range problemTypes {
		if o.Code == t.Code {
			panic("criteria: problem code " + t.Code + " registered twice")
		}
	}
	problemTypes = append(problemTypes, &t)
	return &t
}

// ProblemTypes lists every problem type, in the order the README does.
func ProblemTypes() []*ProblemType { return problemTypes }

// ProblemTypeOf finds the type of a code.
func ProblemTypeOf(code string) (*ProblemType, bool) {
	for _, t := range problemTypes {
		if t.Code == code {
			return t, true
		}
	}
	return nil, false
}

// Of is p, placed where it already is, as a problem of type t: the
// type's code, severity and lead, and the message its template makes of
// args.
func (p Problem) Of(t *ProblemType, args ...any) Problem {
	p.Code, p.Severity, p.Lead = t.Code, t.Severity, t.Lead
	p.Message = t.Message(args...)
	return p
}

// refusedFile is the sentence of a workbook refused whole in a run of
// several: the reason follows, the other workbooks are still evaluated.
const refusedFile = "Không đọc được sổ này, các sổ khác vẫn được đánh giá: %s"

// The problem types. A code is grouped by area — file and folder, read,
// owner, year, sheet, scoresheet, score, meeting, cell and value, unit,
// member and rating, history, and the evaluation's schedule,
// self-assessment and check warnings — so that a script can take a whole
// area by its prefix.
var (
	// Files and folders.

	FileUnreadable = problemType(ProblemType{Code: "file.unreadable", Severity: SeverityError,
		Title:    "Sổ không đọc được (hỏng, có mật khẩu, không phải .xlsx…)",
		Action:   "Làm theo câu báo (mở bằng Excel rồi lưu lại dạng .xlsx, chạy với --password…); các sổ khác vẫn được đánh giá",
		Template: refusedFile})
	FileNotRegular = problemType(ProblemType{Code: "file.not_regular", Severity: SeverityError,
		Title:    "Không phải tệp thường (thiết bị, FIFO…)",
		Action:   "Bỏ tệp đó khỏi thư mục, hoặc chỉ đến sổ thật",
		Template: "Không phải tệp thường (thiết bị, FIFO…), không đọc"})
	FileForeignFormat = problemType(ProblemType{Code: "file.foreign_format", Severity: SeverityError,
		Title:    "Tệp .xls, .xlsb, .ods, .csv",
		Action:   "Mở bằng Excel, lưu lại dưới dạng .xlsx rồi chạy lại",
		Template: "Đây là %s, bontot không đọc được; hãy mở bằng Excel, lưu lại dưới dạng .xlsx rồi chạy lại"})
	FileSameFile = problemType(ProblemType{Code: "file.same_file", Severity: SeverityNote,
		Title:    "Cùng một tệp được chỉ đến hai lần",
		Action:   "Không cần làm gì: tệp được đọc một lần",
		Template: "Cùng một tệp với %s (được chỉ đến hai lần, hoặc qua liên kết); chỉ đọc một lần"})
	FileLockFile = problemType(ProblemType{Code: "file.lock_file", Severity: SeverityNote,
		Title:    "Tệp khóa của Excel (~$…): có người đang mở sổ",
		Action:   "Lưu và đóng sổ trong Excel rồi chạy lại",
		Template: "Tệp khóa của Excel (có người đang mở sổ cùng tên), bỏ qua; sổ đang mở có thể còn thay đổi chưa lưu, không được đánh giá: hãy lưu và đóng sổ rồi chạy lại"})
	FileOwnReport = problemType(ProblemType{Code: "file.own_report", Severity: SeverityNote,
		Title:    "Báo cáo do bontot tạo, không phải sổ",
		Action:   "Không cần làm gì; nên để báo cáo ngoài thư mục sổ",
		Template: "Báo cáo do bontot tạo, không phải sổ của đơn vị; bỏ qua"})
	FolderUnreadable = problemType(ProblemType{Code: "folder.unreadable", Severity: SeverityError,
		Title:    "Thư mục con không đọc được",
		Action:   "Cấp quyền đọc thư mục đó rồi chạy lại",
		Template: "Không đọc được thư mục này (%s); các sổ trong đó không được đánh giá"})
	FolderLink = problemType(ProblemType{Code: "folder.link", Severity: SeverityNote,
		Title:    "Thư mục liên kết (symlink) không được đọc",
		Action:   "Chỉ thẳng thư mục đó trên dòng lệnh nếu cần đánh giá",
		Template: "Thư mục liên kết (symlink) không được đọc; hãy chỉ thẳng thư mục đó trên dòng lệnh nếu cần"})

	// A workbook damaged, or written by a program that does not calculate.

	ReadXMLDefect = problemType(ProblemType{Code: "read.xml_defect", Severity: SeverityError,
		Title:    "Sheet hỏng: XML sai, phần bị cắt cụt, dòng hoặc ô lặp lại…",
		Action:   "Mở sổ bằng Excel (đồng ý để Excel sửa), kiểm tra chỗ được nêu, lưu lại rồi chạy lại",
		Template: "Sheet bị hỏng: %s; mọi đơn vị của sổ này bị coi là lỗi dữ liệu"})
	ReadSheetFailed = problemType(ProblemType{Code: "read.sheet_failed", Severity: SeverityError,
		Title:    "Sheet không đọc được",
		Action:   "Mở sổ bằng Excel, lưu lại rồi chạy lại",
		Template: "Sheet bị hỏng, không đọc được (%v); mọi đơn vị của sổ này bị coi là lỗi dữ liệu"})
	ReadFormulaNoValue = problemType(ProblemType{Code: "read.formula_no_value", Severity: SeverityError,
		Title:    "Công thức chưa có giá trị đã tính",
		Action:   "Mở sổ bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại",
		Template: "%s: ô %s là công thức =%s chưa có giá trị đã tính; mở sổ bằng Excel (hoặc LibreOffice), lưu lại rồi chạy lại bontot"})

	// Whose workbook, when it has no Đơn vị sheet.

	OwnerTaken = problemType(ProblemType{Code: "owner.taken", Severity: SeverityNote, Lead: true,
		Title:    "Sổ không có sheet Đơn vị: đơn vị lấy từ phần đầu sheet hoặc tên tệp",
		Action:   "Kiểm tra tên, loại và mã đơn vị được nêu; nếu sai, sửa phần đầu sheet hoặc thêm sheet Đơn vị",
		Template: "Sổ không có sheet \"Đơn vị\": đơn vị của sổ là %s (%s), %s; %s. Nếu sai, hãy sửa phần đầu sheet hoặc thêm sheet \"Đơn vị\""})
	OwnerUnknown = problemType(ProblemType{Code: "owner.unknown", Severity: SeverityError,
		Title:    "Không biết sổ của đơn vị nào, hoặc đơn vị thuộc loại nào",
		Action:   "Ghi tên chi bộ và cấp ủy cấp trên ở phần đầu sheet, hoặc thêm sheet Đơn vị",
		Template: refusedFile})
	OwnerAmbiguous = problemType(ProblemType{Code: "owner.ambiguous", Severity: SeverityError,
		Title:    "Phần đầu các sheet ghi hai đơn vị, hai mã hoặc hai cấp khác nhau",
		Action:   "Sửa phần đầu các sheet cho cùng một đơn vị, hoặc thêm sheet Đơn vị",
		Template: refusedFile})

	// The evaluation year.

	YearUnknown = problemType(ProblemType{Code: "year.unknown", Severity: SeverityWarning, Lead: true,
		Title:    "Không có ngày nào để suy ra năm đánh giá",
		Action:   "Chạy với --year",
		Template: "Không có buổi sinh hoạt hay cuộc họp nào có ngày để suy ra năm đánh giá; tạm dùng năm %d — hãy chỉ rõ bằng --year"})
	YearMismatch = problemType(ProblemType{Code: "year.mismatch", Severity: SeverityWarning, Lead: true,
		Title:    "Năm đánh giá bỏ qua quá nửa số dòng có ngày",
		Action:   "Chạy với --year (hoặc --as-of) của năm dữ liệu, hoặc sửa cột Ngày",
		Template: "%s %s %d/%d dòng có ngày của Sinh hoạt và Họp cấp ủy%s; %s"})
	YearRowsLeftOut = problemType(ProblemType{Code: "year.rows_left_out", Severity: SeverityNote,
		Title:    "Bỏ qua các dòng của năm khác",
		Action:   "Không cần làm gì nếu năm đánh giá đúng",
		Template: "Bỏ qua %d dòng không thuộc năm đánh giá %d (%s)"})

	// Sheets: which are read, and how.

	SheetNoHeader = problemType(ProblemType{Code: "sheet.no_header", Severity: SeverityError,
		Title:    "Không tìm thấy dòng tiêu đề của sheet",
		Action:   "Ghi dòng tiêu đề với các cột được nêu",
		Template: "Không tìm thấy dòng tiêu đề của sheet; cần các cột %s; sheet này không được đọc"})
	SheetMissingColumn = problemType(ProblemType{Code: "sheet.missing_column", Severity: SeverityError,
		Title:    "Thiếu cột bắt buộc: sheet không được đọc",
		Action:   "Thêm cột, hoặc đổi tiêu đề cột đang có cho đúng tên được nêu",
		Template: "Thiếu cột bắt buộc %s; sheet này không được đọc%s"})
	SheetRatingColumns = problemType(ProblemType{Code: "sheet.rating_columns", Severity: SeverityError,
		Title:    "Không rõ đọc xếp loại hoặc mức ở cột nào",
		Action:   "Giữ một cột kết quả (đặt tiêu đề \"Kết quả xếp loại\"), hoặc một cách ghi mức",
		Template: "Sheet có %s; sheet này không được đọc"})
	SheetRatingChosen = problemType(ProblemType{Code: "sheet.rating_chosen", Severity: SeverityNote,
		Title:    "Sheet có nhiều cột xếp loại: đọc cột quyết định",
		Action:   "Kiểm tra đúng cột được đọc",
		Template: "Sheet có %d cột xếp loại; xếp loại là %s, bỏ qua %s"})
	SheetLevelMarks = problemType(ProblemType{Code: "sheet.level_marks", Severity: SeverityNote,
		Title:    "Mức đọc từ dấu x ở các cột mức",
		Action:   "Không cần làm gì",
		Template: "Mức được đọc từ dấu x ở các cột %s"})
	SheetDuplicate = problemType(ProblemType{Code: "sheet.duplicate", Severity: SeverityWarning,
		Title:    "Hai sheet cùng vai trò: chỉ đọc sheet đầu",
		Action:   "Gộp hai sheet, hoặc đổi tên sheet không dùng",
		Template: "Sheet này trùng vai trò với sheet %q (%s); chỉ đọc sheet %q"})
	SheetEmpty = problemType(ProblemType{Code: "sheet.empty", Severity: SeverityWarning,
		Title:    "Sheet trống: coi như không có",
		Action:   "Ghi dữ liệu, hoặc xóa sheet",
		Template: "Sheet trống (không có cả dòng tiêu đề); coi như không có sheet này"})
	SheetNotRead = problemType(ProblemType{Code: "sheet.not_read", Severity: SeverityNote,
		Title:    "Sheet không thuộc mẫu, không được đọc",
		Action:   "Không cần làm gì, hoặc đổi tên sheet theo tên được gợi ý",
		Template: "Sheet %s không thuộc mẫu của bontot nên không được đọc%s"})
	SheetTableAmbiguous = problemType(ProblemType{Code: "sheet.table_ambiguous", Severity: SeverityNote,
		Title:    "Tiêu đề sheet khớp nhiều bảng: không được đọc",
		Action:   "Đổi tên sheet thành tên bảng cần đọc",
		Template: "Sheet %s không thuộc mẫu của bontot nên không được đọc%s; dòng tiêu đề (dòng %d) khớp cả các bảng %s: đổi tên sheet thành tên bảng cần đọc"})
	SheetReadByContent = problemType(ProblemType{Code: "sheet.read_by_content", Severity: SeverityNote,
		Title:    "Sheet được đọc như một bảng theo dòng tiêu đề",
		Action:   "Kiểm tra đúng bảng được đọc",
		Template: "Sheet %s được đọc như sheet %s theo %s"})
	SheetStatistics = problemType(ProblemType{Code: "sheet.statistics", Severity: SeverityNote,
		Title:    "Biểu thống kê, không phải dữ liệu: không được đọc",
		Action:   "Không cần làm gì",
		Template: "Sheet %s là biểu thống kê %s (số lượng theo mức xếp loại), không phải dữ liệu sinh hoạt hay đảng viên nên không được đọc"})
	SheetHistoryNotRead = problemType(ProblemType{Code: "sheet.history_not_read", Severity: SeverityNote,
		Title:    "Sheet Lịch sử chỉ được đọc với bộ quy tắc 2025",
		Action:   "Chạy với --profile 2025 nếu cần tính các năm trước",
		Template: "Sheet Lịch sử (kết quả các năm trước) chỉ được đọc với bộ quy tắc 2025 (khóa history_streaks); bộ quy tắc đang dùng không đọc sheet này. Kiểm tra sheet: bontot validate"})
	SheetColumnsIgnored = problemType(ProblemType{Code: "sheet.columns_ignored", Severity: SeverityNote,
		Title:    "Cột không dùng đến, bỏ qua",
		Action:   "Không cần làm gì, trừ khi một cột bị gõ sai tên",
		Template: "Bỏ qua các cột không dùng đến: %s"})
	SheetSignatureEnd = problemType(ProblemType{Code: "sheet.signature_end", Severity: SeverityNote,
		Title:    "Bảng dừng ở khối chữ ký",
		Action:   "Không cần làm gì, trừ khi có dòng dữ liệu dưới chữ ký",
		Template: "Bảng dừng ở khối chữ ký (ô %s %s); %d dòng từ đó trở xuống không phải dữ liệu, không được đọc"})

	// Score sheets (phiếu chấm điểm) and year summaries.

	ScoresheetOtherGroups = problemType(ProblemType{Code: "scoresheet.other_groups", Severity: SeverityNote,
		Title:    "Sheet ghi điểm theo nhóm của mẫu phiếu khác",
		Action:   "Không cần làm gì nếu đúng mẫu phiếu đã dùng",
		Template: "Sheet ghi điểm theo %s, không theo %d nhóm của tiêu chí đang áp dụng (%s); bontot đọc điểm theo các nhóm đó"})
	ScoresheetSummary = problemType(ProblemType{Code: "scoresheet.summary", Severity: SeverityNote,
		Title:    "Sheet được đọc như bảng tổng hợp điểm của năm",
		Action:   "Kiểm tra số buổi được đọc",
		Template: "Sheet %s được đọc như bảng tổng hợp điểm sinh hoạt của năm (tiêu đề bảng ở dòng %d): %d buổi sinh hoạt"})
	ScoresheetNumbering = problemType(ProblemType{Code: "scoresheet.numbering", Severity: SeverityNote,
		Title:    "Số thứ tự không phân biệt nhóm với tiêu chí con: không được đọc",
		Action:   "Đánh số nhóm I, II, III… (hoặc 1, 2, 3… với tiêu chí con 1.1, 1.2 hoặc a, b)",
		Template: "Sheet %s: số thứ tự ở ô %s không nối tiếp nhóm trước nên không phân biệt được nhóm tiêu chí với tiêu chí con; đánh số nhóm I, II, III… (hoặc 1, 2, 3… với tiêu chí con 1.1, 1.2 hoặc a, b) để bontot đọc phiếu này"})
	ScoresheetNoGroups = problemType(ProblemType{Code: "scoresheet.no_groups", Severity: SeverityNote,
		Title:    "Có cột Thang điểm nhưng không có nhóm đánh số: không được đọc",
		Action:   "Đánh số nhóm I, II, III… nếu đây là phiếu chấm điểm một buổi",
		Template: "Sheet %s có cột Thang điểm nhưng không có nhóm tiêu chí đánh số I, II, III… nên không được đọc như phiếu chấm điểm một buổi sinh hoạt"})
	ScoresheetYearly = problemType(ProblemType{Code: "scoresheet.yearly", Severity: SeverityNote,
		Title:    "Bảng chấm điểm cả năm, không phải một buổi: không được đọc",
		Action:   "Không cần làm gì; nếu là phiếu một buổi, ghi dòng kỳ sinh hoạt ở phần đầu",
		Template: "Sheet %s là %s (ô %s), không ghi một buổi sinh hoạt nào nên không được đọc như phiếu chấm điểm sinh hoạt chi bộ%s"})
	ScoresheetFormOrYearly = problemType(ProblemType{Code: "scoresheet.form_or_yearly", Severity: SeverityError,
		Title:    "Không rõ phiếu một buổi hay bảng cả năm",
		Action:   "Tách hai bảng ra hai sheet, hoặc xóa dòng không đúng",
		Template: "Không rõ sheet %s là phiếu chấm điểm một buổi sinh hoạt (%s) hay %s (ô %s); tách hai bảng ra hai sheet, hoặc xóa dòng không đúng"})
	ScoresheetBlank = problemType(ProblemType{Code: "scoresheet.blank", Severity: SeverityNote,
		Title:    "Phiếu hoặc dòng chưa chấm điểm: chưa tính là buổi đã tổ chức",
		Action:   "Chấm điểm khi buổi sinh hoạt đã tổ chức",
		Template: "%s chưa có %s; chưa tính là buổi sinh hoạt đã tổ chức"})
	ScoresheetUnknownGroups = problemType(ProblemType{Code: "scoresheet.unknown_groups", Severity: SeverityNote,
		Title:    "Nhóm của phiếu không khớp nhóm của tiêu chí đang áp dụng",
		Action:   "Kiểm tra mẫu phiếu và bộ quy tắc",
		Template: "Không khớp nhóm nào của tiêu chí đang áp dụng: %s; vẫn đọc theo thang điểm của phiếu"})
	ScoresheetNoUnit = problemType(ProblemType{Code: "scoresheet.no_unit", Severity: SeverityError,
		Title:    "Phiếu không ghi đơn vị trong sổ nhiều đơn vị",
		Action:   "Ghi ô \"Mã đơn vị: …\" ở phần đầu phiếu",
		Template: "%s không ghi đơn vị; sổ có nhiều đơn vị nên cần ô \"Mã đơn vị: …\" ở phần đầu %s"})
	ScoresheetNoDate = problemType(ProblemType{Code: "scoresheet.no_date", Severity: SeverityError,
		Title:    "Không xác định được ngày của buổi sinh hoạt",
		Action:   "Ghi \"ngày dd/mm/yyyy\" ở phần đầu phiếu, hoặc đặt tên sheet theo tháng",
		Template: "Không xác định được ngày của buổi sinh hoạt: cần \"ngày dd/mm/yyyy\" hoặc \"ngày … tháng … năm …\" (hoặc \"tháng … năm …\") ở phần đầu phiếu, hoặc tên sheet theo tháng (T3, Tháng 3)"})
	ScoresheetTwoDates = problemType(ProblemType{Code: "scoresheet.two_dates", Severity: SeverityError,
		Title:    "Phần đầu phiếu ghi hai ngày khác nhau",
		Action:   "Chỉ ghi ngày sinh hoạt ở dòng kỳ sinh hoạt",
		Template: "Phần đầu phiếu ghi hai ngày khác nhau: %s ở ô %s và %s ở ô %s; chỉ ghi ngày sinh hoạt ở dòng kỳ sinh hoạt (ngày ký phiếu ghi dưới bảng, sau \"…, ngày … tháng … năm …\")"})
	ScoresheetScaleMismatch = problemType(ProblemType{Code: "scoresheet.scale_mismatch", Severity: SeverityError,
		Title:    "Thang điểm không khớp điểm ghi trong tên nhóm",
		Action:   "Sửa một trong hai ô",
		Template: "%s: thang điểm %s không khớp %s ghi trong tên nhóm (ô %s); sửa một trong hai ô"})
	ScoresheetScaleMissing = problemType(ProblemType{Code: "scoresheet.scale_missing", Severity: SeverityError,
		Title:    "Nhóm không có thang điểm",
		Action:   "Ghi điểm tối đa của nhóm ở cột Thang điểm hoặc trong tên nhóm",
		Template: "%s: không có thang điểm; cần ghi điểm tối đa của nhóm %s"})
	ScoresheetScaleNot100 = problemType(ProblemType{Code: "scoresheet.scale_not_100", Severity: SeverityError,
		Title:    "Thang điểm các nhóm cộng lại khác 100",
		Action:   "Sửa thang điểm các nhóm cho tổng là 100",
		Template: "%s cộng lại %s, không phải 100; bontot chỉ xếp loại buổi sinh hoạt theo thang 100 điểm"})
	ScoresheetBadRating = problemType(ProblemType{Code: "scoresheet.bad_rating", Severity: SeverityWarning,
		Title:    "Xếp loại buổi sinh hoạt không đọc được",
		Action:   "Ghi một mức xếp loại buổi sinh hoạt mà câu báo nêu",
		Template: "Xếp loại %s không đọc được; cần %s"})
	ScoresheetRatingMismatch = problemType(ProblemType{Code: "scoresheet.rating_mismatch", Severity: SeverityWarning,
		Title:    "Xếp loại buổi sinh hoạt không khớp điểm",
		Action:   "Kiểm tra lại điểm hoặc xếp loại; bontot tính theo điểm",
		Template: "Xếp loại ghi %s nhưng %s điểm là %s"})

	// Scores.

	ScoreTotalMismatch = problemType(ProblemType{Code: "score.total_mismatch", Severity: SeverityError,
		Title:    "Tổng điểm không khớp tổng các phần",
		Action:   "Sửa tổng hoặc điểm các phần cho bằng nhau",
		Template: "%s %s không khớp tổng %s %s%s"})
	ScoreOutOfRange = problemType(ProblemType{Code: "score.out_of_range", Severity: SeverityError,
		Title:    "Điểm ngoài khoảng cho phép",
		Action:   "Sửa điểm",
		Template: "%s %s ngoài khoảng 0–%s"})
	ScoreOverScale = problemType(ProblemType{Code: "score.over_scale", Severity: SeverityError,
		Title:    "Điểm vượt thang điểm",
		Action:   "Sửa điểm hoặc thang điểm",
		Template: "%s %s vượt thang điểm %s"})
	ScoreNegative = problemType(ProblemType{Code: "score.negative", Severity: SeverityError,
		Title:    "Điểm âm",
		Action:   "Sửa điểm",
		Template: "%s %s là số âm"})
	ScoreUpperInvalid = problemType(ProblemType{Code: "score.upper_invalid", Severity: SeverityError,
		Title:    "Điểm cấp trên ngoài thang 100 điểm",
		Action:   "Sửa điểm cấp trên",
		Template: "Điểm cấp trên %s không nằm trong thang 100 điểm"})
	ScoreUpperGap = problemType(ProblemType{Code: "score.upper_gap", Severity: SeverityWarning,
		Title:    "Điểm cấp trên chênh nhiều so với điểm chi bộ tự chấm",
		Action:   "Kiểm tra lại hai điểm; bontot tính theo điểm cấp trên",
		Template: "%s %s chênh %s điểm so với điểm chi bộ tự chấm %s (quá %s điểm); bontot tính theo điểm cấp trên"})
	ScoreIncomplete = problemType(ProblemType{Code: "score.incomplete", Severity: SeverityError,
		Title:    "Điểm hoặc ngày của buổi sinh hoạt chưa đủ",
		Action:   "Ghi đủ điểm các nhóm (hoặc bỏ trống cả và ghi tổng), và ngày",
		Template: "%s chưa %s; cần %s"})

	// Meetings: a row or form that records one, and the evaluation's
	// warnings about one.

	MeetingUnscored = problemType(ProblemType{Code: "meeting.unscored", Severity: SeverityWarning,
		Title:    "Buổi sinh hoạt chưa có điểm",
		Action:   "Ghi điểm (hoặc điểm các nhóm) của buổi",
		Template: "Buổi sinh hoạt chưa có điểm; chưa tính được chất lượng buổi này"})
	MeetingAttendance = problemType(ProblemType{Code: "meeting.attendance", Severity: SeverityError,
		Title:    "Số có mặt nhiều hơn tổng số đảng viên",
		Action:   "Sửa Có mặt hoặc Tổng số đảng viên",
		Template: "Có mặt %d nhiều hơn Tổng số đảng viên %d"})
	MeetingKindUnclear = problemType(ProblemType{Code: "meeting.kind_unclear", Severity: SeverityError,
		Title:    "Không rõ buổi thường kỳ hay chuyên đề",
		Action:   "Ghi rõ thường kỳ, chuyên đề, hoặc thường kỳ kết hợp chuyên đề",
		Template: "Không rõ %s thường kỳ hay chuyên đề%s"})
	MeetingDateConflict = problemType(ProblemType{Code: "meeting.date_conflict", Severity: SeverityError,
		Title:    "Ngày sinh hoạt không khớp tháng hoặc quý ghi ở nơi khác",
		Action:   "Sửa cho ngày, tháng, quý ở tiêu đề và tên sheet cùng chỉ một buổi",
		Template: "%s không %s ghi ở %s; sửa cho %s"})
	MeetingDuplicate = problemType(ProblemType{Code: "meeting.duplicate", Severity: SeverityError,
		Title:    "Một buổi sinh hoạt ghi hai lần",
		Action:   "Xóa một trong hai nơi ghi (phiếu chấm điểm hoặc dòng Sinh hoạt)",
		Template: "%s ghi buổi sinh hoạt %s %s của %s, đã ghi ở %s; mỗi buổi chỉ ghi một lần (phiếu chấm điểm hoặc dòng Sinh hoạt)"})
	MeetingLowAttendance = problemType(ProblemType{Code: "meeting.low_attendance", Severity: SeverityWarning,
		Title:    "Tỷ lệ đảng viên có mặt thấp",
		Action:   "Kiểm tra Có mặt và Tổng số đảng viên",
		Template: "Buổi sinh hoạt %s %s của %s (%s): có mặt %d/%d đảng viên (%s), %s"})
	MeetingOfCommittee = problemType(ProblemType{Code: "meeting.of_committee", Severity: SeverityWarning,
		Title:    "Dòng Sinh hoạt ghi cho đảng bộ cơ sở: không được tính",
		Action:   "Ghi mã chi bộ trực thuộc, hoặc ghi kỳ họp vào sheet Họp cấp ủy",
		Template: "%d dòng sinh hoạt ghi cho đảng bộ cơ sở %s (đầu tiên: %s), nhưng đảng bộ cơ sở không có sinh hoạt chi bộ của riêng mình nên các dòng này không được tính; ghi mã chi bộ trực thuộc đã sinh hoạt, hoặc ghi kỳ họp đảng ủy vào sheet Họp cấp ủy"})

	// Cells and values.

	CellMissing = problemType(ProblemType{Code: "cell.missing", Severity: SeverityError,
		Title:    "Thiếu ô bắt buộc",
		Action:   "Ghi ô được nêu",
		Template: "Thiếu %s; %s"})
	ValueInvalid = problemType(ProblemType{Code: "value.invalid", Severity: SeverityError,
		Title:    "Giá trị không hợp lệ: ngoài danh sách được nhận, hoặc không phải số nguyên không âm",
		Action:   "Ghi một giá trị được nhận (câu báo gợi ý giá trị gần nhất)",
		Template: "%s %s không hợp lệ; %s"})
	ValueUnclear = problemType(ProblemType{Code: "value.unclear", Severity: SeverityError,
		Title:    "Giá trị không cho biết điều cần biết (có hay không, hình thức kỷ luật)",
		Action:   "Ghi rõ theo câu báo",
		Template: "%s %s không %s; %s"})
	ValueNotNumber = problemType(ProblemType{Code: "value.not_number", Severity: SeverityError,
		Title:    "Không phải là số (hoặc năm)",
		Action:   "Ghi một số",
		Template: "%s %s không phải là %s"})
	ValueBadDate = problemType(ProblemType{Code: "value.bad_date", Severity: SeverityError,
		Title:    "Ngày hoặc tháng không đọc được, không có thật",
		Action:   "Ghi ngày dạng dd/mm/yyyy (tháng: 1–12, \"3/2024\")",
		Template: "%s %s %s; cần %s"})
	ValueMarks = problemType(ProblemType{Code: "value.marks", Severity: SeverityError,
		Title:    "Ô đánh dấu mức ghi sai hoặc đánh dấu hai mức",
		Action:   "Chỉ đánh dấu x vào đúng một mức",
		Template: "%s; chỉ đánh dấu x vào %s"})
	ValueUnknownItem = problemType(ProblemType{Code: "value.unknown_item", Severity: SeverityError,
		Title:    "Mục tự đánh giá không khớp mục nào",
		Action:   "Ghi mã mục (tc1.q1 … tc4.q4) hoặc nguyên văn nội dung mục",
		Template: "Mục %s không khớp mục tự đánh giá nào; %s"})

	// Units.

	UnitUnknown = problemType(ProblemType{Code: "unit.unknown", Severity: SeverityError,
		Title:    "Mã đơn vị không có trong sheet Đơn vị",
		Action:   "Sửa mã, hoặc thêm đơn vị vào sheet Đơn vị",
		Template: "Mã đơn vị %q không có trong sheet Đơn vị%s"})
	UnitDuplicate = problemType(ProblemType{Code: "unit.duplicate", Severity: SeverityError,
		Title:    "Mã đơn vị khai báo hai lần",
		Action:   "Giữ một khai báo cho mỗi mã",
		Template: "Mã đơn vị %q %s ở %s; mỗi mã chỉ được khai báo một lần%s"})
	UnitMerged = problemType(ProblemType{Code: "unit.merged", Severity: SeverityNote,
		Title:    "Hai sổ khai báo cùng một đơn vị: đọc là một",
		Action:   "Không cần làm gì",
		Template: "Đơn vị %q (%s) khai báo giống ở %s: hai sổ được đọc là một đơn vị"})
	UnitConflict = problemType(ProblemType{Code: "unit.conflict", Severity: SeverityError,
		Title:    "Một đơn vị khai báo khác nhau ở hai sổ",
		Action:   "Sửa cho giống nhau, hoặc để trống ở một nơi",
		Template: "Đơn vị %q khai báo ở đây và ở %s khác nhau: %s; sửa cho giống nhau hoặc để trống ở một nơi"})
	UnitParentMissing = problemType(ProblemType{Code: "unit.parent_missing", Severity: SeverityError,
		Title:    "Chi bộ trực thuộc chưa ghi đảng bộ cơ sở cấp trên",
		Action:   "Ghi mã đảng bộ cơ sở ở cột Trực thuộc",
		Template: "Chi bộ trực thuộc chưa ghi đảng bộ cơ sở cấp trên; cần mã đảng bộ cơ sở ở cột Trực thuộc"})
	UnitParentUnknown = problemType(ProblemType{Code: "unit.parent_unknown", Severity: SeverityError,
		Title:    "Trực thuộc một mã không có trong sheet Đơn vị",
		Action:   "Ghi mã của một đảng bộ cơ sở có trong sheet Đơn vị",
		Template: "Trực thuộc %q không có trong sheet Đơn vị; cần mã của một đảng bộ cơ sở"})
	UnitParentNotCommittee = problemType(ProblemType{Code: "unit.parent_not_committee", Severity: SeverityError,
		Title:    "Trực thuộc một đơn vị không phải đảng bộ cơ sở",
		Action:   "Ghi mã của đảng bộ cơ sở cấp trên",
		Template: "Trực thuộc %q là %s, không phải đảng bộ cơ sở"})
	UnitParentElsewhere = problemType(ProblemType{Code: "unit.parent_elsewhere", Severity: SeverityNote,
		Title:    "Đảng bộ cơ sở cấp trên không có trong các sổ đang đọc",
		Action:   "Không cần làm gì: chi bộ được đánh giá riêng",
		Template: "Đảng bộ cơ sở cấp trên %q không có trong các sổ đang đọc; chi bộ được đánh giá riêng"})
	UnitRatingDiscipline = problemType(ProblemType{Code: "unit.rating_discipline", Severity: SeverityWarning,
		Title:    "Đơn vị tự xếp loại HTXSNV dù có kỷ luật trong năm",
		Action:   "Kiểm tra lại xếp loại hoặc cột Kỷ luật",
		Template: "Đơn vị %s tự xếp loại HTXSNV (%s) nhưng trong năm %s: tổ chức đảng như vậy không xếp loại HTXSNV (Quy định 366-QĐ/TW, Điều 11); kiểm tra lại xếp loại hoặc cột Kỷ luật"})

	// Members and ratings.

	MemberNoteReasons = problemType(ProblemType{Code: "member.note_reasons", Severity: SeverityError,
		Title:    "Ghi chú nêu hai lý do không xếp loại",
		Action:   "Chỉ ghi một lý do",
		Template: "%s %s nêu cùng lúc %s; chỉ ghi một lý do không xếp loại"})
	MemberNoteRated = problemType(ProblemType{Code: "member.note_rated", Severity: SeverityError,
		Title:    "Ghi chú nói không xếp loại nhưng có ghi xếp loại",
		Action:   "Xóa xếp loại hoặc sửa ghi chú",
		Template: "%s %s nói đảng viên không được xếp loại nhưng ô %s ghi %s; xóa xếp loại hoặc sửa ghi chú"})
	MemberNoteRead = problemType(ProblemType{Code: "member.note_read", Severity: SeverityNote,
		Title:    "Ghi chú đọc là lý do không xếp loại",
		Action:   "Kiểm tra đúng lý do",
		Template: "%s %s đọc là %s: đảng viên không được xếp loại và không tính vào tỷ lệ"})
	MemberRatingTooHigh = problemType(ProblemType{Code: "member.rating_too_high", Severity: SeverityWarning,
		Title:    "Đảng viên bị kỷ luật hoặc vi phạm mà xếp loại cao hơn mức tối đa",
		Action:   "Kiểm tra lại xếp loại hoặc cột Kỷ luật, Vi phạm",
		Template: "Đảng viên %s (%s) %s nhưng xếp loại %s, cao hơn mức tối đa %s của đảng viên %s; kiểm tra lại xếp loại hoặc cột %s"})
	MemberNewRated = problemType(ProblemType{Code: "member.new_rated", Severity: SeverityWarning,
		Title:    "Đảng viên mới kết nạp có xếp loại: không được tính",
		Action:   "Xóa xếp loại, hoặc sửa Ngày kết nạp",
		Template: "Đảng viên %s (%s) kết nạp %s, chưa đủ %d tháng đến ngày kiểm điểm %s (%s): chưa được đánh giá, xếp loại (Quy định 366-QĐ/TW, Điều 5); xếp loại %s đã ghi không được tính"})
	MemberAdmittedLater = problemType(ProblemType{Code: "member.admitted_later", Severity: SeverityWarning,
		Title:    "Ngày kết nạp sau năm đánh giá",
		Action:   "Sửa Ngày kết nạp",
		Template: "Đảng viên %s (%s) có Ngày kết nạp %s, sau năm đánh giá %d; sửa lại ngày kết nạp (đảng viên này đang được coi là mới kết nạp, không tính vào tỷ lệ)"})
	RatingPointsMismatch = problemType(ProblemType{Code: "rating.points_mismatch", Severity: SeverityWarning,
		Title:    "Xếp loại không khớp Điểm xếp loại: lấy xếp loại đã ghi",
		Action:   "Kiểm tra lại một trong hai ô",
		Template: "%s %s (ô %s%s) không khớp %s %s (ô %s)%s; lấy xếp loại đã ghi%s"})
	RatingMassOrgWord = problemType(ProblemType{Code: "rating.mass_org_word", Severity: SeverityNote,
		Title:    "Xếp loại riêng của đoàn thể đọc theo bảng mass_org_ratings",
		Action:   "Kiểm tra đúng mức được đọc",
		Template: "%s %s của đoàn thể đọc là %s theo bảng mass_org_ratings của tiêu chí"})

	// Lịch sử, the results of earlier years (2025 rules).

	HistoryNotPast = problemType(ProblemType{Code: "history.not_past", Severity: SeverityWarning,
		Title:    "Năm không trước năm đánh giá: dòng Lịch sử không được tính",
		Action:   "Xóa dòng, hoặc sửa năm",
		Template: "Năm %d %s; %s không được tính"})
	HistoryRepeated = problemType(ProblemType{Code: "history.repeated", Severity: SeverityWarning,
		Title:    "Năm ghi hai lần trong Lịch sử, cùng kết quả",
		Action:   "Xóa dòng thừa",
		Template: "Năm %d của %s đã có ở %s, cùng kết quả; dòng này không được tính thêm"})
	HistoryConflict = problemType(ProblemType{Code: "history.conflict", Severity: SeverityError,
		Title:    "Năm ghi hai lần trong Lịch sử, khác kết quả",
		Action:   "Giữ dòng đúng, xóa dòng kia",
		Template: "Năm %d của %s đã có ở %s với kết quả khác (%s, dòng này: %s); không biết kết quả nào đúng nên năm %d không được tính"})

	// The evaluation's other warnings (SPEC §2): they never change a
	// verdict. Schedule: the Party Charter's monthly regular meeting and
	// the quarterly thematic one.

	ScheduleMonthMissing = problemType(ProblemType{Code: "schedule.month_missing", Severity: SeverityWarning,
		Title:    "Tháng không có buổi sinh hoạt thường kỳ",
		Action:   "Ghi buổi còn thiếu nếu đã tổ chức",
		Template: "Chi bộ %s không có buổi sinh hoạt thường kỳ trong %s (Điều lệ Đảng quy định chi bộ sinh hoạt thường kỳ mỗi tháng một lần)"})
	ScheduleMonthTwice = problemType(ProblemType{Code: "schedule.month_twice", Severity: SeverityWarning,
		Title:    "Tháng có hai buổi sinh hoạt thường kỳ trở lên",
		Action:   "Kiểm tra ngày và loại của các buổi",
		Template: "Chi bộ %s có %d buổi sinh hoạt thường kỳ trong %s: %s (mỗi tháng một buổi)"})
	ScheduleNoThematic = problemType(ProblemType{Code: "schedule.no_thematic", Severity: SeverityWarning,
		Title:    "Quý không có buổi sinh hoạt chuyên đề",
		Action:   "Ghi buổi chuyên đề nếu đã tổ chức",
		Template: "Chi bộ %s không có buổi sinh hoạt chuyên đề trong %s (mỗi quý ít nhất một buổi)"})
	SelfAssessmentMissing = problemType(ProblemType{Code: "self_assessment.missing", Severity: SeverityWarning,
		Title:    "Mục tự đánh giá chưa ghi kết quả",
		Action:   "Ghi Đạt hoặc Không đạt cho từng mục ở sheet Tự đánh giá",
		Template: "Đơn vị %s chưa tự đánh giá %s%s"})
	CheckMissingData = problemType(ProblemType{Code: "check.missing_data", Severity: SeverityWarning,
		Title:    "Kiểm tra thiếu dữ liệu nên tiêu chí chưa thể Đạt (bontot validate)",
		Action:   "Ghi dữ liệu còn thiếu được nêu",
		Template: "%s thiếu dữ liệu nên %s chưa thể “Đạt”: %s"})
)

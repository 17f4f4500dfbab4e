package criteria

import (
	"strings"
	"time"
)

// Document is who issues the Excel report and how it is signed: the
// heading block, number, place and date, signature and recipients of an
// official party document (Hướng dẫn 36-HD/VPTW on the format of party
// documents). It is not a rule, so it stays out of Thresholds, but a
// criteria file carries it in its "report:" section, beside the rules the
// same committee made concrete. A field left empty is printed as a dotted
// blank to fill in by hand.
type Document struct {
	UpperCommittee string    // cấp ủy cấp trên trực tiếp, e.g. "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"
	Committee      string    // cơ quan ban hành, e.g. "ĐẢNG ỦY SỞ TƯ PHÁP"
	Number         string    // số và ký hiệu, e.g. "125-BC/ĐU"
	Place          string    // địa danh, e.g. "Hà Nội"
	Date           time.Time // ngày ban hành; zero: blank
	OnBehalf       string    // thẩm quyền ký, e.g. "T/M BAN THƯỜNG VỤ"
	SignerTitle    string    // chức vụ người ký, e.g. "BÍ THƯ"
	Signer         string    // họ và tên người ký
	Recipients     []string  // nơi nhận, one per line, e.g. "Ban Tổ chức Tỉnh ủy"
}

// ParseDocumentDate reads a document date as people write it (dd/mm/yyyy)
// or as scripts do (yyyy-mm-dd).
func ParseDocumentDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2/1/2006", "2006-01-02", "2-1-2006", "2.1.2006"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}

// IsZero reports whether d gives nothing: every field a dotted blank.
func (d Document) IsZero() bool {
	return d.UpperCommittee == "" && d.Committee == "" && d.Number == "" && d.Place == "" && d.Date.IsZero() &&
		d.OnBehalf == "" && d.SignerTitle == "" && d.Signer == "" && len(d.Recipients) == 0
}

package workbooktest

import (
	"io"

	"github.com/bontot/bontot/workbook/schema"
)

// exampleSeed fixes the names, dates and scores the example draws.
const exampleSeed = 2024

// goodCell is a chi bộ that meets every check: n members, most rated
// HTTNV, 12 regular meetings of which 11 score tốt, a thematic meeting
// every quarter.
func goodCell(code, name, typ, parent string, n int, rating string) *unitPlan {
	return &unitPlan{
		code: code, name: name, typ: typ, parent: parent, rating: rating, target: -1,
		members: n, excellent: max(1, n/6), fair: n / 5, noFeedback: 1,
		regularGood: 11, thematicMonths: []int{2, 5, 8, 11},
		massOrgs: 0, criteriaScore: false,
	}
}

// goodParent is a đảng bộ cơ sở that meets every check of its own.
func goodParent(code, name, cluster string, standing bool, rating string) *unitPlan {
	p := &unitPlan{code: code, name: name, typ: typeParent, cluster: cluster, pilot: true,
		standing: standing, rating: rating, ratingFull: true, target: -1,
		bchMeetings: 12, assemblies: 1, massOrgs: 4}
	if standing {
		p.btvMeetings = 12
	}
	return p
}

// examplePlans is the bloc of testdata/khoi-2024.xlsx; testdata/README.md
// says what each unit is meant to show. Keep the two in step.
func examplePlans() []*unitPlan {
	var ps []*unitPlan
	add := func(p *unitPlan) *unitPlan { ps = append(ps, p); return p }

	// DB01: seven chi bộ, two of them pilot; everything met, rated HTXSNV.
	db01 := add(goodParent("DB01", "Đảng bộ Sở Tư pháp", "Cụm 1", true, rXS))
	db01.target, db01.admitted = 3, 4
	db01.btvMeetings = 14
	db01.assemblies = 2
	db01.staff, db01.staffFair = 42, 6
	db01.criteriaScore = true
	c := add(goodCell("DB01-01", "Chi bộ Văn phòng Sở", typeSub, "DB01", 14, rXS))
	c.pilot, c.regularGood, c.thematicMonths = true, 12, []int{2, 4, 6, 8, 10, 12}
	c = add(goodCell("DB01-02", "Chi bộ Phòng Bổ trợ tư pháp", typeSub, "DB01", 9, rT))
	c.pilot, c.bothScores = true, true
	c = add(goodCell("DB01-03", "Chi bộ Thanh tra Sở", typeSub, "DB01", 11, rT))
	c.lowAttendMonth = 7
	add(goodCell("DB01-04", "Chi bộ Phòng Hành chính tư pháp", typeSub, "DB01", 10, rT))
	c = add(goodCell("DB01-05", "Chi bộ Trung tâm Trợ giúp pháp lý nhà nước", typeSub, "DB01", 12, rHT))
	c.thematicMonths = []int{3, 6, 9}
	c = add(goodCell("DB01-06", "Chi bộ Phòng Công chứng số 1", typeSub, "DB01", 8, rHT))
	c.weakOther = true
	c = add(goodCell("DB01-07", "Chi bộ Trung tâm Dịch vụ đấu giá tài sản", typeSub, "DB01", 13, rT))
	c.groupScores = true
	for _, p := range ps[1:] {
		p.criteriaScore = true
	}

	// DB02: four chi bộ, one pilot; met, but rated HTTNV (no commendation).
	db02 := add(goodParent("DB02", "Đảng bộ Sở Văn hóa, Thể thao và Du lịch", "Cụm 1", false, rT))
	db02.staff, db02.staffFair = 30, 5
	db02.target, db02.admitted = 2, 2
	c = add(goodCell("DB02-01", "Chi bộ Phòng Quản lý văn hóa", typeSub, "DB02", 16, rT))
	c.pilot = true
	c = add(goodCell("DB02-02", "Chi bộ Bảo tàng tỉnh", typeSub, "DB02", 18, rT))
	c.itemsText = true
	c = add(goodCell("DB02-03", "Chi bộ Thư viện tỉnh", typeSub, "DB02", 15, rT))
	c.exempt, c.noFeedback = 1, 3
	c = add(goodCell("DB02-04", "Chi bộ Nhà hát Chèo", typeSub, "DB02", 22, rHT))
	c.regularGood, c.weakRegular = 10, 1
	c.cases = []caseRow{{workday(Year, 9, 12), schema.CaseKinds[3], "Đã"}}

	// DB03: three chi bộ, none pilot; fails on several counts.
	db03 := add(goodParent("DB03", "Đảng bộ Công ty cổ phần May Nam Hà", "Cụm 2", true, rHT))
	db03.bchMeetings = 11
	db03.target, db03.admitted = 5, 3
	db03.ratingFull = false
	add(goodCell("DB03-01", "Chi bộ Xí nghiệp May 1", typeSub, "DB03", 25, rT))
	c = add(goodCell("DB03-02", "Chi bộ Xí nghiệp May 2", typeSub, "DB03", 20, rHT))
	c.cases = []caseRow{{workday(Year, 4, 15), schema.CaseKinds[0], "Có"}}
	c = add(goodCell("DB03-03", "Chi bộ Phòng Kỹ thuật - Công nghệ", typeSub, "DB03", 8, rHT))
	c.negResidence = 1
	c.failedItem = []string{"tc4.q3"}

	// Chi bộ cơ sở.
	c = add(goodCell("CB01", "Chi bộ Ban Dân vận Tỉnh ủy", typeCell, "", 17, rXS))
	c.cluster, c.pilot, c.ratingFull = "Cụm 1", true, true
	c.regularGood, c.thematicMonths = 12, []int{1, 3, 5, 7, 9, 11}
	c.target, c.admitted = 1, 1
	c.staff, c.massOrgs = 19, 4
	c = add(goodCell("CB02", "Chi bộ Sở Thông tin và Truyền thông", typeCell, "", 21, rT))
	c.cluster, c.ratingFull, c.massOrgs = "Cụm 1", true, 3
	c.regularGood = 8
	c.criteriaScore = true
	c = add(goodCell("CB03", "Chi bộ Cơ quan Tỉnh đoàn", typeCell, "", 12, rHT))
	c.cluster, c.pilot, c.massOrgs = "Cụm 2", true, 2
	c.khtnv = 1
	c = add(goodCell("CB04", "Chi bộ Công ty Bảo Việt nhân thọ Nam Định", typeCell, "", 10, rT))
	c.cluster, c.pilot, c.massOrgs = "Cụm 2", true, 2
	c.cases = []caseRow{{workday(Year, 6, 12), schema.CaseKinds[3], "Chưa"}}
	c = add(goodCell("CB05", "Chi bộ Công ty cổ phần Thương mại tổng hợp tỉnh", typeCell, "", 9, rT))
	c.massOrgs = 3
	c.extraRegular = 3
	c.thematicMonths = []int{2, 5, 11, 12}
	c.missingItems = []string{"tc4.q3", "tc4.q4"}
	c = add(goodCell("CB06", "Chi bộ Cơ quan Hội Liên hiệp phụ nữ tỉnh", typeCell, "", 11, rHT))
	c.cluster, c.massOrgs = "Cụm 2", 2
	c.violations = 1

	for i, p := range ps {
		p.index = i + 1
	}
	return ps
}

func writeExample(w io.Writer) error {
	s, err := newExcelizeSink(w)
	if err != nil {
		return err
	}
	_, err = writeBook(s, examplePlans(), exampleSeed)
	return err
}

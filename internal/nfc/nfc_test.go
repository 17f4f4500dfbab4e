package nfc

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestQuickNeverWrong tries every character up to U+2FFF alone, after a
// letter, and before every combining mark of U+0300–U+036F: whenever Quick
// says "already NFC", the normaliser must agree.
func TestQuickNeverWrong(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		for _, s := range []string{string(r), "a" + string(r), string(r) + "a"} {
			if Quick(s) && !norm.NFC.IsNormalString(s) {
				t.Fatalf("Quick(%q) = true, but it is not NFC", s)
			}
		}
		for m := rune(0x300); m < 0x370; m++ {
			if s := string(r) + string(m); Quick(s) && !norm.NFC.IsNormalString(s) {
				t.Fatalf("Quick(%q) = true, but it is not NFC", s)
			}
		}
	}
}

func TestString(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Nguyễn Thị Hường – “Tốt”…", "Nguyễn Thị Hường – “Tốt”…"},
		{"Nguye\u0302\u0303n", "Nguyễn"},
		{"\u2000", "\u2002"},
		{"x\xff\xc2", "x\xff\xc2"},
	} {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, s := range []string{"Đảng bộ Sở Tư pháp", "Hoàn thành xuất sắc nhiệm vụ", "Sinh hoạt › dòng 5"} {
		if !Quick(s) {
			t.Errorf("Quick(%q) = false; Vietnamese text in NFC should take the fast path", s)
		}
	}
}

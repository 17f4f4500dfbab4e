package xlsxscan

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"testing"
)

// The pooled inflater against compress/flate: parts of several
// archives, opened and read interleaved, some closed half read, each
// inflater reused many times, give the bytes the standard library gives;
// a part read after Close gives an error, never another part's bytes.
func TestPooledInflaterOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(22, 1))
	var archives []*zip.Reader
	for a := range 4 {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for p := range 6 {
			w, err := zw.Create("xl/worksheets/sheet" + string(rune('1'+p)) + ".xml")
			if err != nil {
				t.Fatal(err)
			}
			data := make([]byte, r.IntN(200<<10))
			for i := range data {
				data[i] = "<row><c>0123456789</c></row>"[r.IntN(26+a)%28]
			}
			w.Write(data)
		}
		zw.Close()
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		archives = append(archives, zr)
	}
	want := func(f *zip.File) []byte {
		raw, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(flate.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for round := range 50 {
		f1 := archives[r.IntN(4)].File[r.IntN(6)]
		f2 := archives[r.IntN(4)].File[r.IntN(6)]
		raw1, _ := f1.OpenRaw()
		raw2, _ := f2.OpenRaw()
		a, b := newInflater(raw1), newInflater(raw2)
		var got1, got2 bytes.Buffer
		chunk := make([]byte, 1+r.IntN(8<<10))
		half := round%3 == 0
		for done1, done2 := false, false; !done1 || !done2; {
			if !done1 {
				n, err := a.Read(chunk)
				got1.Write(chunk[:n])
				done1 = err != nil || (half && got1.Len() > 1000)
				if err != nil && err != io.EOF {
					t.Fatal(err)
				}
			}
			if !done2 {
				n, err := b.Read(chunk)
				got2.Write(chunk[:n])
				done2 = err != nil
				if err != nil && err != io.EOF {
					t.Fatal(err)
				}
			}
		}
		a.Close()
		if n, err := a.Read(chunk); n != 0 || err == nil {
			t.Fatalf("read after Close: %d bytes, %v", n, err)
		}
		b.Close()
		w1, w2 := want(f1), want(f2)
		if half {
			w1 = w1[:min(len(w1), got1.Len())]
		}
		if !bytes.Equal(got1.Bytes(), w1) || !bytes.Equal(got2.Bytes(), w2) {
			t.Fatalf("round %d: pooled inflater differs from compress/flate", round)
		}
	}
}

package format

import (
	"bytes"
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	rows := []Row{{"m", "886", 2025, "21.6"}, {"m", "E92000001", 2024, "c"}, {"m", "201", 2023, ""}}
	var b bytes.Buffer
	if err := WriteRows(&b, rows); err != nil {
		t.Fatal(err)
	}
	got, err := ReadRows(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, rows) {
		t.Errorf("got %+v", got)
	}
	if err := WriteRows(&b, []Row{{"m", "a\tb", 1, ""}}); err == nil {
		t.Error("a tab in a field was written")
	}
	var h bytes.Buffer
	if err := WriteHeader(&h, &Header{Version: Version, Attribution: "x"}); err != nil {
		t.Fatal(err)
	}
	if hh, err := ReadHeader(h.Bytes()); err != nil || hh.Attribution != "x" {
		t.Errorf("header %+v, %v", hh, err)
	}
	h.Reset()
	WriteHeader(&h, &Header{Version: Version + 1})
	if _, err := ReadHeader(h.Bytes()); err == nil {
		t.Error("a snapshot of another version was read")
	}
	for _, bad := range [][]byte{nil, []byte("not gzip")} {
		if _, err := ReadRows(bad); err == nil {
			t.Errorf("ReadRows(%q) gave no error", bad)
		}
		if _, err := ReadHeader(bad); err == nil {
			t.Errorf("ReadHeader(%q) gave no error", bad)
		}
	}
}

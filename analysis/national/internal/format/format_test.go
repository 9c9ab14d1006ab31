package format

import (
	"bytes"
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	rows := []Row{{"a", "886", 2020, "1"}, {"a", "886", 2021, ""}, {"a", "886", 2024, "c"}, {"m", "201", 2023, ""}, {"m", "886", 2025, "21.6"}, {"m", "E92000001", 2024, "c"}}
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
	for _, bad := range [][]Row{
		{{"m", "a\tb", 2020, ""}},
		{{"m", "a", 2020, "1,2"}},
		{{"m", "a", 2020, "~"}},
		{{"m", "a", 2021, "1"}, {"m", "a", 2020, "1"}},
		{{"m", "a", 2020, "1"}, {"m", "a", 2020, "2"}},
	} {
		if err := WriteRows(&b, bad); err == nil {
			t.Errorf("rows %v were written", bad)
		}
	}
	if _, err := ReadRows(gzipped(t, "m\ta\tnot a year\t1\n")); err == nil {
		t.Error("a bad year was read")
	}
	if _, err := ReadRows(gzipped(t, "m a 2020 1\n")); err == nil {
		t.Error("a line without tabs was read")
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

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gz(&b, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

package build

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/scrutineer/scrutineer/analysis/national/internal/format"
)

// odsSheets reads every sheet of an OpenDocument spreadsheet as rows of
// cell text, repeated cells expanded (up to 64 columns).
func odsSheets(path string) (map[string][][]string, error) {
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", filepath.Base(path), err)
	}
	defer zr.Close()
	var content *zip.File
	for _, f := range zr.File {
		if f.Name == "content.xml" {
			content = f
		}
	}
	if content == nil {
		return nil, fmt.Errorf("open %s: no content.xml", filepath.Base(path))
	}
	rc, err := content.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", filepath.Base(path), err)
	}
	defer rc.Close()
	const tableNS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	const textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	sheets := map[string][][]string{}
	dec := xml.NewDecoder(rc)
	var sheet string
	var row []string
	var cell strings.Builder
	inCell, repeat, paras := false, 1, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Space == tableNS && t.Name.Local == "table":
				for _, a := range t.Attr {
					if a.Name.Local == "name" {
						sheet = a.Value
					}
				}
			case t.Name.Space == tableNS && t.Name.Local == "table-row":
				row = nil
			case t.Name.Space == tableNS && (t.Name.Local == "table-cell" || t.Name.Local == "covered-table-cell"):
				inCell, repeat, paras = true, 1, 0
				cell.Reset()
				for _, a := range t.Attr {
					if a.Name.Local == "number-columns-repeated" {
						if n, err := strconv.Atoi(a.Value); err == nil && n > 0 {
							repeat = n
						}
					}
				}
			case t.Name.Space == textNS && t.Name.Local == "p" && inCell:
				if paras > 0 {
					cell.WriteByte(' ')
				}
				paras++
			}
		case xml.CharData:
			if inCell {
				cell.Write(t)
			}
		case xml.EndElement:
			switch {
			case t.Name.Space == tableNS && (t.Name.Local == "table-cell" || t.Name.Local == "covered-table-cell"):
				for i := 0; i < repeat && len(row) < 64; i++ {
					row = append(row, strings.TrimSpace(cell.String()))
				}
				inCell = false
			case t.Name.Space == tableNS && t.Name.Local == "table-row":
				if sheet != "" && len(sheets[sheet]) < 10000 {
					sheets[sheet] = append(sheets[sheet], row)
				}
			}
		}
	}
	return sheets, nil
}

// inspections reads every council's ILACS history and latest judgements.
func (b *builder) inspections(councils []format.Council) ([]format.Inspection, error) {
	sheets, err := odsSheets(filepath.Join(b.dir, fileOfsted))
	if err != nil {
		return nil, err
	}
	byNew := map[string]string{}
	for _, c := range councils {
		byNew[c.NewCode] = c.Code
		for _, f := range c.FormerCodes {
			if byNew[f] == "" {
				byNew[f] = c.Code
			}
		}
	}
	read := func(sheet string, latest bool) ([]format.Inspection, error) {
		rows := sheets[sheet]
		hi := -1
		for i, r := range rows {
			if len(r) > 2 && r[1] == "Local authority area code" {
				hi = i
				break
			}
		}
		if hi < 0 {
			return nil, fmt.Errorf("%s: sheet %q has no heading row", fileOfsted, sheet)
		}
		col := map[string]int{}
		for i, h := range rows[hi] {
			col[h] = i
		}
		get := func(r []string, name string) string {
			if i, ok := col[name]; ok && i < len(r) {
				return r[i]
			}
			return ""
		}
		var out []format.Inspection
		for _, r := range rows[hi+1:] {
			ecode := get(r, "Local authority area code")
			if ecode == "" {
				continue
			}
			code := byNew[ecode]
			if code == "" {
				return nil, fmt.Errorf("%s: sheet %q: area code %s (%s) is no council's", fileOfsted, sheet, ecode, get(r, "Local authority name"))
			}
			in := format.Inspection{
				Code:              code,
				Type:              get(r, "Inspection type"),
				Date:              isoDate(get(r, "Inspection date")),
				Published:         isoDate(get(r, "Publication date")),
				Overall:           get(r, "Overall effectiveness"),
				Leaders:           get(r, "The impact of leaders on social work practice with children and families"),
				HelpAndProtection: get(r, "The experiences and progress of children who need help and protection"),
				ChildrenInCare:    get(r, "The experiences and progress of children in care"),
				CareLeavers:       get(r, "The experiences and progress of care leavers"),
				Latest:            latest,
			}
			out = append(out, in)
		}
		return out, nil
	}
	latest, err := read("Inspections_as_at_31_March", true)
	if err != nil {
		return nil, err
	}
	history, err := read("ILACS_inspection_history", false)
	if err != nil {
		return nil, err
	}
	key := func(in format.Inspection) string { return in.Code + "|" + in.Date }
	isLatest := map[string]format.Inspection{}
	for _, in := range latest {
		isLatest[key(in)] = in
	}
	var out []format.Inspection
	seen := map[string]bool{}
	for _, in := range history {
		if l, ok := isLatest[key(in)]; ok {
			in.Latest = true
			if in.Type == "" {
				in.Type = l.Type
			}
		}
		seen[key(in)] = true
		out = append(out, in)
	}
	for _, in := range latest {
		if !seen[key(in)] {
			out = append(out, in)
		}
	}
	return out, nil
}

// isoDate turns "10/07/2023" into "2023-07-10"; other text is kept.
func isoDate(s string) string {
	p := strings.Split(s, "/")
	if len(p) != 3 || len(p[2]) != 4 || len(p[1]) != 2 || len(p[0]) != 2 {
		return s
	}
	return p[2] + "-" + p[1] + "-" + p[0]
}

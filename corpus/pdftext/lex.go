package pdftext

// A small tokenizer for PDF content streams and CMaps. It never panics on
// bad input: anything it cannot make sense of becomes an operator token the
// interpreter ignores. Inline images (BI ... ID <binary> EI) are skipped so
// their bytes are never read as text operators.

import (
	"strconv"
)

type kind uint8

const (
	kNum kind = iota + 1
	kStr
	kName
	kArr
	kOp
	kDict // a << >> dictionary; its contents are dropped
	kOther
)

// operand is one value on the content-stream operand stack.
type operand struct {
	k   kind
	num float64
	s   string // string bytes, name (no slash) or operator
	arr []operand
}

type lexer struct {
	b   []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next token; ok is false at the end of the data. Arrays
// are returned whole (nesting is bounded); dictionaries are skipped.
func (l *lexer) next() (op operand, ok bool) {
	return l.nextDepth(0)
}

const maxNest = 32

func (l *lexer) nextDepth(depth int) (operand, bool) {
	l.skipSpace()
	if l.pos >= len(l.b) {
		return operand{}, false
	}
	c := l.b[l.pos]
	switch {
	case c == '(':
		return operand{k: kStr, s: l.literal()}, true
	case c == '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			l.skipDict(depth)
			return operand{k: kDict}, true
		}
		return operand{k: kStr, s: l.hex()}, true
	case c == '/':
		l.pos++
		start := l.pos
		for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			l.pos++
		}
		return operand{k: kName, s: string(l.b[start:l.pos])}, true
	case c == '[':
		l.pos++
		var arr []operand
		for {
			l.skipSpace()
			if l.pos >= len(l.b) {
				return operand{k: kArr, arr: arr}, true
			}
			if l.b[l.pos] == ']' {
				l.pos++
				return operand{k: kArr, arr: arr}, true
			}
			if depth >= maxNest {
				l.pos++
				continue
			}
			e, ok := l.nextDepth(depth + 1)
			if !ok {
				return operand{k: kArr, arr: arr}, true
			}
			if e.k == kOp {
				// An operator inside an array is malformed; keep scanning.
				continue
			}
			if len(arr) < 1<<16 {
				arr = append(arr, e)
			}
		}
	case c == ']' || c == ')' || c == '>' || c == '{' || c == '}':
		l.pos++
		return operand{k: kOther}, true
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		start := l.pos
		l.pos++
		for l.pos < len(l.b) {
			d := l.b[l.pos]
			if (d >= '0' && d <= '9') || d == '.' || d == '-' || d == '+' {
				l.pos++
				continue
			}
			break
		}
		if l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
			// Something like 12abc: read it as an operator.
			for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
				l.pos++
			}
			return operand{k: kOp, s: string(l.b[start:l.pos])}, true
		}
		return operand{k: kNum, num: parseNum(l.b[start:l.pos])}, true
	}
	start := l.pos
	for l.pos < len(l.b) && !isSpace(l.b[l.pos]) && !isDelim(l.b[l.pos]) {
		l.pos++
	}
	if l.pos == start {
		l.pos++
		return operand{k: kOther}, true
	}
	return operand{k: kOp, s: string(l.b[start:l.pos])}, true
}

// parseNum reads a PDF number leniently (e.g. "--5", "5.", ".5", "1.2.3").
func parseNum(b []byte) float64 {
	if f, err := strconv.ParseFloat(string(b), 64); err == nil {
		return f
	}
	// Lenient: keep one leading sign, digits and the first dot.
	neg := false
	var out []byte
	dot := false
	for _, c := range b {
		switch {
		case c == '-' && len(out) == 0:
			neg = true
		case c == '.' && !dot:
			dot = true
			out = append(out, c)
		case c >= '0' && c <= '9':
			out = append(out, c)
		}
	}
	f, _ := strconv.ParseFloat(string(out), 64)
	if neg {
		f = -f
	}
	return f
}

func (l *lexer) skipDict(depth int) {
	for l.pos < len(l.b) {
		l.skipSpace()
		if l.pos+1 < len(l.b) && l.b[l.pos] == '>' && l.b[l.pos+1] == '>' {
			l.pos += 2
			return
		}
		if l.pos >= len(l.b) {
			return
		}
		if depth >= maxNest {
			l.pos++
			continue
		}
		if _, ok := l.nextDepth(depth + 1); !ok {
			return
		}
	}
}

func (l *lexer) literal() string {
	l.pos++ // (
	var out []byte
	nest := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			nest++
			out = append(out, c)
		case ')':
			nest--
			if nest == 0 {
				return string(out)
			}
			out = append(out, c)
		case '\r':
			// end of line in a string is \n
			if l.pos < len(l.b) && l.b[l.pos] == '\n' {
				l.pos++
			}
			out = append(out, '\n')
		case '\\':
			if l.pos >= len(l.b) {
				return string(out)
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
			case '\n':
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for i := 0; i < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; i++ {
					v = v*8 + int(l.b[l.pos]-'0')
					l.pos++
				}
				out = append(out, byte(v))
			default:
				out = append(out, e)
			}
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *lexer) hex() string {
	l.pos++ // <
	var out []byte
	half := false
	var cur byte
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, cur<<4|v)
			half = false
		} else {
			cur = v
			half = true
		}
	}
	if half {
		out = append(out, cur<<4)
	}
	return string(out)
}

// skipInlineImage moves past the binary data of an inline image, after the
// ID operator, up to and including the EI operator.
func (l *lexer) skipInlineImage() {
	// One white-space byte follows ID.
	if l.pos < len(l.b) {
		l.pos++
	}
	for l.pos+1 < len(l.b) {
		if l.b[l.pos] == 'E' && l.b[l.pos+1] == 'I' &&
			(l.pos == 0 || isSpace(l.b[l.pos-1])) &&
			(l.pos+2 >= len(l.b) || isSpace(l.b[l.pos+2]) || isDelim(l.b[l.pos+2])) {
			l.pos += 2
			return
		}
		l.pos++
	}
	l.pos = len(l.b)
}

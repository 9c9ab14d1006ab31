package national

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed aliases.txt
var aliasesTxt string

type alias struct {
	names, domains []string
}

// parseAliases reads aliases.txt: "CODE | name; name | domain; domain"
// lines, # comments and blank lines.
func parseAliases(text string) (map[string]alias, error) {
	out := map[string]alias{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 3 {
			return nil, fmt.Errorf("aliases.txt line %d: %d fields, want CODE | names | domains", n+1, len(f))
		}
		code := strings.TrimSpace(f[0])
		if !codeRE.MatchString(code) || len(code) != 3 {
			return nil, fmt.Errorf("aliases.txt line %d: %q is not a three-digit council code", n+1, code)
		}
		if _, dup := out[code]; dup {
			return nil, fmt.Errorf("aliases.txt line %d: council %s given twice", n+1, code)
		}
		out[code] = alias{names: list(f[1]), domains: list(f[2])}
	}
	return out, nil
}

func list(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

func init() {
	register(&command{
		name:    "completion",
		args:    "bash|zsh|fish",
		summary: "A shell completion script for the commands and their flags.\nbash: source <(scrutineer completion bash); zsh: source <(scrutineer completion zsh);\nfish: scrutineer completion fish | source",
		run: func(ctx context.Context, fs *flag.FlagSet, args []string, io Stdio) error {
			if len(args) != 1 {
				return usagef("name the shell: bash, zsh or fish")
			}
			return completion(io.Out, args[0])
		},
	})
}

// commandFlags lists each command's flags, "--name", in order.
func commandFlags() map[string][]string {
	out := map[string][]string{}
	for name, c := range commands {
		fs := flag.NewFlagSet(name, flag.ContinueOnError)
		if c.flags != nil {
			c.flags(fs)
		}
		var fl []string
		fs.VisitAll(func(f *flag.Flag) { fl = append(fl, "--"+f.Name) })
		out[name] = fl
	}
	return out
}

// completion writes a completion script for a shell.
func completion(w io.Writer, shell string) error {
	flags := commandFlags()
	names := make([]string, 0, len(flags))
	for n := range flags {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	switch shell {
	case "bash", "zsh":
		if shell == "zsh" {
			b.WriteString("autoload -U +X bashcompinit && bashcompinit\n")
		}
		b.WriteString("_scrutineer() {\n  local cur=${COMP_WORDS[COMP_CWORD]}\n  if [ \"$COMP_CWORD\" -eq 1 ]; then\n")
		fmt.Fprintf(&b, "    COMPREPLY=($(compgen -W %q -- \"$cur\"))\n    return\n  fi\n", strings.Join(names, " ")+" help")
		b.WriteString("  case \"${COMP_WORDS[1]}\" in\n")
		for _, n := range names {
			fmt.Fprintf(&b, "    %s) COMPREPLY=($(compgen -W %q -f -- \"$cur\")) ;;\n", n, strings.Join(flags[n], " "))
		}
		b.WriteString("  esac\n}\ncomplete -o default -F _scrutineer scrutineer\n")
	case "fish":
		fmt.Fprintf(&b, "complete -c scrutineer -n __fish_use_subcommand -a %q\n", strings.Join(names, " ")+" help")
		for _, n := range names {
			for _, f := range flags[n] {
				fmt.Fprintf(&b, "complete -c scrutineer -n '__fish_seen_subcommand_from %s' -l %s\n", n, strings.TrimPrefix(f, "--"))
			}
		}
	default:
		return usagef("unknown shell %q: bash, zsh or fish", shell)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

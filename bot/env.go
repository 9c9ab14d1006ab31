package bot

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// EnvPrefix starts the name of every setting read from the environment:
// the YAML key path in capitals joined by underscores, so limits.jobs is
// SCRUTINEER_LIMITS_JOBS and papers_channels is SCRUTINEER_PAPERS_CHANNELS
// (a list is comma-separated).
const EnvPrefix = "SCRUTINEER_"

// secretFileSuffix ends the name of a variable holding the path of a file
// that holds a secret (SLACK_BOT_TOKEN_FILE), as container platforms
// mount them.
const secretFileSuffix = "_FILE"

// EnvSettings lists the environment variable of every setting the YAML
// file may hold, sorted, for help text and the README.
func EnvSettings() []string {
	var names []string
	walkSettings(reflect.ValueOf(&Config{}).Elem(), EnvPrefix, func(name string, _ reflect.Value) {
		names = append(names, name)
	})
	sort.Strings(names)
	return names
}

// applySettingsEnv reads every setting set in the environment over c. A
// value that cannot be read as its setting's type is an error naming the
// variable.
func (c *Config) applySettingsEnv(getenv func(string) string) error {
	var errs []error
	walkSettings(reflect.ValueOf(c).Elem(), EnvPrefix, func(name string, v reflect.Value) {
		s := strings.TrimSpace(getenv(name))
		if s == "" {
			return
		}
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.String {
			var list []string
			for _, part := range strings.Split(s, ",") {
				if part = strings.TrimSpace(part); part != "" {
					list = append(list, part)
				}
			}
			v.Set(reflect.ValueOf(list))
			return
		}
		// One YAML scalar reads as the file would: numbers, booleans and
		// durations such as 90s.
		p := reflect.New(v.Type())
		if err := yaml.Unmarshal([]byte(s), p.Interface()); err != nil {
			errs = append(errs, fmt.Errorf("%s=%q: not a valid %s", name, s, typeName(v.Type())))
			return
		}
		v.Set(p.Elem())
	})
	return errors.Join(errs...)
}

// walkSettings calls fn with the environment name and value of every
// field of v that has a YAML key, descending into nested settings.
func walkSettings(v reflect.Value, prefix string, fn func(string, reflect.Value)) {
	t := v.Type()
	for i := range t.NumField() {
		key, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if key == "" || key == "-" {
			continue
		}
		name := prefix + strings.ToUpper(key)
		if f := v.Field(i); f.Kind() == reflect.Struct {
			walkSettings(f, name+"_", fn)
		} else {
			fn(name, f)
		}
	}
}

func typeName(t reflect.Type) string {
	switch {
	case t.String() == "time.Duration":
		return "duration (such as 90s or 5m)"
	case t.Kind() == reflect.Int:
		return "whole number"
	case t.Kind() == reflect.Bool:
		return "true or false"
	}
	return t.String()
}

// secret reads the variable name, or the file its name+"_FILE" points at
// (trailing newline dropped). Setting both is an error, so a stale value
// is not used by mistake.
func secret(getenv func(string) string, name string) (string, error) {
	v, file := getenv(name), getenv(name+secretFileSuffix)
	switch {
	case file == "":
		return v, nil
	case v != "":
		return "", fmt.Errorf("both %s and %s%s are set: unset one", name, name, secretFileSuffix)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("read %s%s: %w", name, secretFileSuffix, err)
	}
	s := strings.TrimRight(string(data), "\r\n")
	if s == "" {
		return "", fmt.Errorf("%s%s: %s is empty", name, secretFileSuffix, file)
	}
	return s, nil
}

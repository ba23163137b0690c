package lint

import (
	"fmt"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// DecodeOptions decodes a rule's options node over its defaults. Unknown keys
// are errors naming their line, so a typo never silently does nothing.
func DecodeOptions[T any](node *yaml.Node, defaults T) (T, error) {
	out := defaults
	if node == nil || node.Kind == 0 {
		return out, nil
	}
	if err := checkKeys(node, reflect.TypeOf(out)); err != nil {
		return out, err
	}
	if err := node.Decode(&out); err != nil {
		return out, err
	}
	return out, nil
}

func checkKeys(n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeOf(yaml.Node{}) {
		return nil // decoded later by whoever owns it
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			if n.Tag == "!!null" {
				return nil
			}
			return fmt.Errorf("line %d: expected a mapping of options", n.Line)
		}
		fields := map[string]reflect.Type{}
		var names []string
		var collect func(t reflect.Type)
		collect = func(t reflect.Type) {
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				if !f.IsExported() && !f.Anonymous {
					continue
				}
				name, flags, _ := strings.Cut(f.Tag.Get("yaml"), ",")
				if flags == "inline" {
					collect(f.Type)
					continue
				}
				if name == "-" && f.Type == reflect.TypeOf(&yaml.Node{}) {
					name = strings.ToLower(f.Name) // raw nodes kept for their owner
				} else if name == "-" {
					continue
				}
				if name == "" {
					name = strings.ToLower(f.Name)
				}
				fields[name] = f.Type
				names = append(names, name)
			}
		}
		collect(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			ft, ok := fields[k.Value]
			if !ok {
				return fmt.Errorf("line %d: unknown option %q (known: %s)", k.Line, k.Value, strings.Join(names, ", "))
			}
			if err := checkKeys(n.Content[i+1], ft); err != nil {
				return err
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				if err := checkKeys(n.Content[i], t.Elem()); err != nil {
					return err
				}
			}
		}
	case reflect.Slice:
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				if err := checkKeys(c, t.Elem()); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

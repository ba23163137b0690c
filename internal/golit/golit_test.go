package golit

import "testing"

type inner struct{ N int }

type outer struct {
	Name  string
	Ptr   *inner
	Map   map[string][]string
	Empty []int
	Nil   []int
	Flag  bool
	Skip  int // zero: left out
	priv  int
}

func TestLiteral(t *testing.T) {
	v := []*outer{{Name: "a\"b", Ptr: &inner{N: -3}, Map: map[string][]string{"z": {"x"}, "a": nil}, Empty: []int{}, Flag: true, priv: 1}, nil}
	got, err := Literal(v, "golit")
	if err != nil {
		t.Fatal(err)
	}
	want := "[]*outer{{\nName: \"a\\\"b\",\nPtr: &inner{\nN: -3,\n},\nMap: map[string][]string{\n\"a\": nil,\n\"z\": {\"x\"},\n},\nEmpty: []int{},\nFlag: true,\n}, nil}"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := Literal(map[string]float64{"x": 1}, "golit"); err == nil {
		t.Error("a float: want an error")
	}
}

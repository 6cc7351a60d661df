// An inventory: nested structs, maps of slices, sorted keys, %v/%+v/%#v of composite
// values, pointers to structs, and a Stringer on a named type.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Money int64 // cents

func (m Money) String() string {
	sign := ""
	if m < 0 {
		sign = "-"
		m = -m
	}
	return fmt.Sprintf("%s$%d.%02d", sign, m/100, m%100)
}

type Item struct {
	SKU   string
	Name  string
	Price Money
	Qty   int
	Tags  []string
}

type Warehouse struct {
	City  string
	Items map[string]*Item
}

func (w *Warehouse) Add(it Item) {
	if w.Items == nil {
		w.Items = map[string]*Item{}
	}
	if old, ok := w.Items[it.SKU]; ok {
		old.Qty += it.Qty
		return
	}
	w.Items[it.SKU] = &it
}

func (w *Warehouse) Value() Money {
	var total Money
	for _, it := range w.Items {
		total += it.Price * Money(it.Qty)
	}
	return total
}

func main() {
	w := &Warehouse{City: "Lyon"}
	w.Add(Item{"B-100", "bolt", 15, 400, []string{"metal", "small"}})
	w.Add(Item{"N-200", "nut", 5, 1000, []string{"metal"}})
	w.Add(Item{"W-300", "washer", 2, 250, nil})
	w.Add(Item{"B-100", "bolt", 15, 100, nil})
	w.Add(Item{"H-400", "hammer", 1999, 3, []string{"tool"}})

	skus := make([]string, 0, len(w.Items))
	for sku := range w.Items {
		skus = append(skus, sku)
	}
	sort.Strings(skus)
	for _, sku := range skus {
		it := w.Items[sku]
		fmt.Printf("%-6s %-8s %8v x %4d = %10v  %v\n", it.SKU, it.Name, it.Price, it.Qty, it.Price*Money(it.Qty), it.Tags)
	}
	fmt.Println("total:", w.Value(), "in", w.City)

	byTag := map[string][]string{}
	for _, sku := range skus {
		for _, t := range w.Items[sku].Tags {
			byTag[t] = append(byTag[t], w.Items[sku].Name)
		}
	}
	fmt.Println(byTag)
	hammer := *w.Items["H-400"]
	fmt.Printf("%v\n%+v\n%#v\n", hammer, hammer, hammer.Tags)
	fmt.Printf("%s|%q|%x\n", strings.Join(skus, ","), skus, "B-100")
	fmt.Println(Money(-1234), Money(5), []Money{100, 250})
}

// Word frequencies: split a text into words, count them in a map, and print the most
// frequent ones in a table, ties broken alphabetically.
package main

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

const text = `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair.`

func main() {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	type entry struct {
		word  string
		count int
	}
	var entries []entry
	for w, c := range counts {
		entries = append(entries, entry{w, c})
	}
	sort.Slice(entries, func(i, j int) bool {
		if entries[i].count != entries[j].count {
			return entries[i].count > entries[j].count
		}
		return entries[i].word < entries[j].word
	})
	fmt.Printf("%d words, %d distinct\n", len(words), len(counts))
	fmt.Printf("%-12s %5s %6s\n", "word", "count", "share")
	fmt.Println(strings.Repeat("-", 25))
	for _, e := range entries[:8] {
		fmt.Printf("%-12s %5d %5.1f%%\n", e.word, e.count, 100*float64(e.count)/float64(len(words)))
	}
	longest := ""
	for w := range counts {
		if len(w) > len(longest) || len(w) == len(longest) && w < longest {
			longest = w
		}
	}
	fmt.Printf("longest word: %q (%d letters)\n", longest, len(longest))
}

// select with many cases: sudogs for more than fit in selectgo's frame (heap-allocated),
// a poll order longer than its stack array, every case chosen over the rounds, under collections.
package main

import (
	"fmt"
	"runtime"
)

type msg struct {
	id   int
	text *string
}

func wide(cs []chan *msg, done chan bool) (int, string) {
	select {
	case m := <-cs[0]:
		return 0 + m.id - m.id, *m.text
	case m := <-cs[1]:
		return 1 + m.id - m.id, *m.text
	case m := <-cs[2]:
		return 2 + m.id - m.id, *m.text
	case m := <-cs[3]:
		return 3 + m.id - m.id, *m.text
	case m := <-cs[4]:
		return 4 + m.id - m.id, *m.text
	case m := <-cs[5]:
		return 5 + m.id - m.id, *m.text
	case m := <-cs[6]:
		return 6 + m.id - m.id, *m.text
	case m := <-cs[7]:
		return 7 + m.id - m.id, *m.text
	case m := <-cs[8]:
		return 8 + m.id - m.id, *m.text
	case m := <-cs[9]:
		return 9 + m.id - m.id, *m.text
	case m := <-cs[10]:
		return 10 + m.id - m.id, *m.text
	case m := <-cs[11]:
		return 11 + m.id - m.id, *m.text
	case m := <-cs[12]:
		return 12 + m.id - m.id, *m.text
	case m := <-cs[13]:
		return 13 + m.id - m.id, *m.text
	case m := <-cs[14]:
		return 14 + m.id - m.id, *m.text
	case m := <-cs[15]:
		return 15 + m.id - m.id, *m.text
	case m := <-cs[16]:
		return 16 + m.id - m.id, *m.text
	case m := <-cs[17]:
		return 17 + m.id - m.id, *m.text
	case m := <-cs[18]:
		return 18 + m.id - m.id, *m.text
	case m := <-cs[19]:
		return 19 + m.id - m.id, *m.text
	case m := <-cs[20]:
		return 20 + m.id - m.id, *m.text
	case m := <-cs[21]:
		return 21 + m.id - m.id, *m.text
	case m := <-cs[22]:
		return 22 + m.id - m.id, *m.text
	case m := <-cs[23]:
		return 23 + m.id - m.id, *m.text
	case m := <-cs[24]:
		return 24 + m.id - m.id, *m.text
	case m := <-cs[25]:
		return 25 + m.id - m.id, *m.text
	case m := <-cs[26]:
		return 26 + m.id - m.id, *m.text
	case m := <-cs[27]:
		return 27 + m.id - m.id, *m.text
	case m := <-cs[28]:
		return 28 + m.id - m.id, *m.text
	case m := <-cs[29]:
		return 29 + m.id - m.id, *m.text
	case m := <-cs[30]:
		return 30 + m.id - m.id, *m.text
	case m := <-cs[31]:
		return 31 + m.id - m.id, *m.text
	case m := <-cs[32]:
		return 32 + m.id - m.id, *m.text
	case m := <-cs[33]:
		return 33 + m.id - m.id, *m.text
	case m := <-cs[34]:
		return 34 + m.id - m.id, *m.text
	case m := <-cs[35]:
		return 35 + m.id - m.id, *m.text
	case m := <-cs[36]:
		return 36 + m.id - m.id, *m.text
	case m := <-cs[37]:
		return 37 + m.id - m.id, *m.text
	case m := <-cs[38]:
		return 38 + m.id - m.id, *m.text
	case m := <-cs[39]:
		return 39 + m.id - m.id, *m.text
	case m := <-cs[40]:
		return 40 + m.id - m.id, *m.text
	case m := <-cs[41]:
		return 41 + m.id - m.id, *m.text
	case m := <-cs[42]:
		return 42 + m.id - m.id, *m.text
	case m := <-cs[43]:
		return 43 + m.id - m.id, *m.text
	case m := <-cs[44]:
		return 44 + m.id - m.id, *m.text
	case m := <-cs[45]:
		return 45 + m.id - m.id, *m.text
	case m := <-cs[46]:
		return 46 + m.id - m.id, *m.text
	case m := <-cs[47]:
		return 47 + m.id - m.id, *m.text
	case m := <-cs[48]:
		return 48 + m.id - m.id, *m.text
	case m := <-cs[49]:
		return 49 + m.id - m.id, *m.text
	case m := <-cs[50]:
		return 50 + m.id - m.id, *m.text
	case m := <-cs[51]:
		return 51 + m.id - m.id, *m.text
	case m := <-cs[52]:
		return 52 + m.id - m.id, *m.text
	case m := <-cs[53]:
		return 53 + m.id - m.id, *m.text
	case m := <-cs[54]:
		return 54 + m.id - m.id, *m.text
	case m := <-cs[55]:
		return 55 + m.id - m.id, *m.text
	case m := <-cs[56]:
		return 56 + m.id - m.id, *m.text
	case m := <-cs[57]:
		return 57 + m.id - m.id, *m.text
	case m := <-cs[58]:
		return 58 + m.id - m.id, *m.text
	case m := <-cs[59]:
		return 59 + m.id - m.id, *m.text
	case m := <-cs[60]:
		return 60 + m.id - m.id, *m.text
	case m := <-cs[61]:
		return 61 + m.id - m.id, *m.text
	case m := <-cs[62]:
		return 62 + m.id - m.id, *m.text
	case m := <-cs[63]:
		return 63 + m.id - m.id, *m.text
	case m := <-cs[64]:
		return 64 + m.id - m.id, *m.text
	case m := <-cs[65]:
		return 65 + m.id - m.id, *m.text
	case m := <-cs[66]:
		return 66 + m.id - m.id, *m.text
	case m := <-cs[67]:
		return 67 + m.id - m.id, *m.text
	case m := <-cs[68]:
		return 68 + m.id - m.id, *m.text
	case m := <-cs[69]:
		return 69 + m.id - m.id, *m.text
	case <-done:
		return -1, "done"
	}
}

func ten(cs []chan int, out chan int) int {
	select {
	case v := <-cs[0]:
		return v
	case v := <-cs[1]:
		return v
	case v := <-cs[2]:
		return v
	case v := <-cs[3]:
		return v
	case v := <-cs[4]:
		return v
	case v := <-cs[5]:
		return v
	case v := <-cs[6]:
		return v
	case v := <-cs[7]:
		return v
	case v := <-cs[8]:
		return v
	case out <- 1000:
		return -1
	}
}

func main() {
	cs := make([]chan *msg, 70)
	for i := range cs {
		cs[i] = make(chan *msg)
	}
	done := make(chan bool)
	seen := map[int]bool{}
	for round := 0; round < 3*70; round++ {
		k := (round * 3) % 70
		go func(k int) {
			runtime.GC()
			s := fmt.Sprint("msg", k)
			cs[k] <- &msg{k, &s}
		}(k)
		i, t := wide(cs, done)
		_ = make([]byte, 64)
		if t != fmt.Sprint("msg", i) {
			fmt.Println("mismatch", i, t)
		}
		seen[i] = true
	}
	fmt.Println("wide: cases seen", len(seen))
	close(done)
	i, t := wide(cs, done)
	fmt.Println("wide after close", i, t)

	ic := make([]chan int, 9)
	for i := range ic {
		ic[i] = make(chan int)
	}
	out := make(chan int)
	sum := 0
	for r := 0; r < 9; r++ {
		go func(r int) { ic[r] <- r }(r)
		sum += ten(ic, out)
	}
	got := make(chan int)
	go func() { got <- <-out }()
	fmt.Println("ten", sum, ten(ic, out), <-got)
}

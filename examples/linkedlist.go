package main

type Node struct {
	val  int
	next *Node
}

type List struct {
	head *Node
	size int
}

func (l *List) PushFront(v int) {
	n := new(Node)
	n.val = v
	n.next = l.head
	l.head = n
	l.size++
}

func (l *List) Reverse() {
	var prev *Node
	cur := l.head
	for cur != nil {
		next := cur.next
		cur.next = prev
		prev = cur
		cur = next
	}
	l.head = prev
}

func (l List) Sum() int {
	s := 0
	for n := l.head; n != nil; n = n.next {
		s += n.val
	}
	return s
}

func main() {
	l := &List{}
	for i := 1; i <= 5; i++ {
		l.PushFront(i * i)
	}
	l.Reverse()
	for n := l.head; n != nil; n = n.next {
		print(n.val, " ")
	}
	println()
	println("size", l.size, "sum", l.Sum())
}

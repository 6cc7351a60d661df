// Package context: the empty roots, cancellation and its propagation through a tree of
// contexts, deadlines and timeouts on the runtime's timers, values looked up through the
// parents, contexts of the program's own types, the String forms that %v prints, and the
// panics. Nothing printed depends on the clock: timeouts are tens of milliseconds apart,
// and only their order and their errors are printed.
package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"
)

type key string
type otherKey string
type intKey int
type pairKey struct{ a, b int }
type ptrKey struct{ name string }

// A value with a String method: shown by the valueCtx's String.
type color int

func (c color) String() string { return [...]string{"red", "green", "blue"}[c] }

func catch(name string, f func()) {
	defer func() {
		fmt.Printf("%s: recovered %v\n", name, recover())
	}()
	f()
}

// isDone reports whether ctx's Done channel is closed, without waiting.
func isDone(ctx context.Context) bool {
	select {
	case <-ctx.Done():
		return true
	default:
		return false
	}
}

func state(name string, ctx context.Context) {
	fmt.Printf("%-12s done=%v err=%v\n", name, isDone(ctx), ctx.Err())
}

func roots() {
	fmt.Println("== roots")
	bg, todo := context.Background(), context.TODO()
	fmt.Println(bg, todo)
	fmt.Printf("%v|%s|%T|%T\n", bg, todo, bg, todo)
	dl, ok := bg.Deadline()
	fmt.Println(dl.IsZero(), ok, bg.Done() == nil, bg.Err(), bg.Value("x"), todo.Value(key("x")))
	fmt.Println(bg == context.Background(), bg == todo)
	fmt.Println([]context.Context{bg, todo})
}

func errorValues() {
	fmt.Println("== errors")
	fmt.Println(context.Canceled, "|", context.DeadlineExceeded)
	fmt.Printf("%T %T\n", context.Canceled, context.DeadlineExceeded)
	fmt.Printf("%q %v\n", context.Canceled.Error(), context.DeadlineExceeded.Error())
	t, ok := context.DeadlineExceeded.(interface {
		Timeout() bool
		Temporary() bool
	})
	fmt.Println(ok, t.Timeout(), t.Temporary())
	_, ok = context.Canceled.(interface{ Timeout() bool })
	fmt.Println(ok)
	wrapped := fmt.Errorf("fetch: %w", context.DeadlineExceeded)
	fmt.Println(wrapped, errors.Is(wrapped, context.DeadlineExceeded), errors.Is(wrapped, context.Canceled))
}

func cancel() {
	fmt.Println("== WithCancel")
	ctx, cancel := context.WithCancel(context.Background())
	fmt.Println(ctx)
	fmt.Printf("%T\n", ctx)
	d1 := ctx.Done()
	state("before", ctx)
	_, ok := ctx.Deadline()
	fmt.Println("deadline:", ok, "same channel:", d1 == ctx.Done())
	cancel()
	state("after", ctx)
	<-d1
	fmt.Println("same channel:", d1 == ctx.Done(), "Is Canceled:", errors.Is(ctx.Err(), context.Canceled))
	cancel() // a second call does nothing
	state("again", ctx)

	// A context cancelled before anybody asked for its Done channel still has a closed one.
	c2, cancel2 := context.WithCancel(context.TODO())
	cancel2()
	<-c2.Done()
	state("TODO child", c2)
	fmt.Println(c2)
}

func tree() {
	fmt.Println("== propagation")
	root, cancelRoot := context.WithCancel(context.Background())
	a, cancelA := context.WithCancel(root)
	b, cancelB := context.WithCancel(root)
	a1, cancelA1 := context.WithCancel(a)
	a2 := context.WithValue(a, key("name"), "a2")
	a2x, cancelA2x := context.WithCancel(a2)
	defer cancelB()
	defer cancelA1()
	defer cancelA2x()

	all := []struct {
		name string
		ctx  context.Context
	}{{"root", root}, {"a", a}, {"b", b}, {"a1", a1}, {"a2", a2}, {"a2x", a2x}}
	show := func(title string) {
		fmt.Println("-", title)
		for _, c := range all {
			state(c.name, c.ctx)
		}
	}
	show("nothing cancelled")
	cancelA1()
	show("a1 cancelled: its parents do not notice")
	cancelA()
	show("a cancelled: a2 and a2x too, through the value context")
	cancelRoot()
	show("root cancelled")
	fmt.Println(a2x)

	// A child of a cancelled parent is born cancelled, with the parent's error.
	late, cancelLate := context.WithCancel(a2x)
	state("late", late)
	cancelLate()
	state("late", late)
}

func wide() {
	fmt.Println("== a wide tree")
	root, cancelRoot := context.WithCancel(context.Background())
	var kids []context.Context
	var cancels []context.CancelFunc
	for i := 0; i < 200; i++ {
		parent := root
		if i%10 != 0 {
			parent = kids[i-i%10]
		}
		c, cf := context.WithCancel(context.WithValue(parent, intKey(i), i))
		kids = append(kids, c)
		cancels = append(cancels, cf)
	}
	// Cancel every odd child by itself first: they leave their parents' lists.
	for i := 1; i < 200; i += 2 {
		cancels[i]()
	}
	count := func() (done int) {
		for _, k := range kids {
			if isDone(k) {
				done++
			}
		}
		return
	}
	fmt.Println("done after cancelling the odd ones:", count())
	cancels[10]()
	fmt.Println("done after cancelling child 10 (and its 9 children):", count())
	cancelRoot()
	fmt.Println("done after cancelling the root:", count())
	fmt.Println(kids[199].Value(intKey(190)), kids[199].Value(intKey(199)), kids[199].Value(intKey(5)))
}

func workers() {
	fmt.Println("== goroutines waiting on Done")
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	results := make([]string, 5)
	started := make(chan int)
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			started <- i
			ticks := 0
			for {
				select {
				case <-ctx.Done():
					results[i] = fmt.Sprintf("worker %d stopped: %v (ticked: %v)", i, ctx.Err(), ticks > 0)
					return
				default:
				}
				ticks++
				time.Sleep(time.Millisecond)
			}
		}(i)
	}
	for i := 0; i < 5; i++ {
		<-started
	}
	time.Sleep(10 * time.Millisecond)
	// cancel from another goroutine while main waits.
	go cancel()
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}

	// The canonical generator: it stops sending when its context is cancelled.
	gen := func(ctx context.Context) <-chan int {
		out := make(chan int)
		go func() {
			defer close(out)
			for n := 1; ; n++ {
				select {
				case <-ctx.Done():
					return
				case out <- n:
				}
			}
		}()
		return out
	}
	ctx2, cancel2 := context.WithCancel(context.Background())
	sum := 0
	ch := gen(ctx2)
	for n := range ch {
		sum += n
		if n == 100 {
			cancel2()
			break
		}
	}
	for range ch { // drain: the generator sees Done and closes
	}
	fmt.Println("sum:", sum, ctx2.Err())
}

func timeouts() {
	fmt.Println("== WithTimeout and WithDeadline")
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	early, earlyErr := isDone(ctx), ctx.Err() // (looked at before printing anything)
	fmt.Printf("%T\n", ctx)
	dl, ok := ctx.Deadline()
	fmt.Println("deadline:", ok, !dl.Before(start.Add(30*time.Millisecond)), dl.Before(time.Now().Add(time.Second)))
	fmt.Println("early:", early, earlyErr)
	<-ctx.Done()
	fmt.Println("waited at least 30ms:", time.Since(start) >= 30*time.Millisecond)
	state("expired", ctx)
	fmt.Println(errors.Is(ctx.Err(), context.DeadlineExceeded), ctx.Err() == context.DeadlineExceeded)
	cancel() // too late: the error stays DeadlineExceeded
	state("cancelled", ctx)

	// The String form shows the deadline and the time left; only its shape is printed.
	s := fmt.Sprint(ctx)
	fmt.Println(strings.HasPrefix(s, "context.Background.WithDeadline("), strings.Contains(s, " +0000 UTC m=+") || strings.Contains(s, " UTC m=+"), strings.Contains(s, " [-"), strings.HasSuffix(s, "])"))

	// Cancelled before the deadline: Canceled, and the timer is stopped.
	c2, cancel2 := context.WithTimeout(context.Background(), 30*time.Millisecond)
	cancel2()
	time.Sleep(50 * time.Millisecond)
	state("cancel first", c2)

	// A deadline in the past: cancelled at once.
	c3, cancel3 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	state("past", c3)
	cancel3()
	state("past", c3)
	c4, cancel4 := context.WithTimeout(context.TODO(), 0)
	state("zero timeout", c4)
	cancel4()

	// A parent's earlier deadline wins: the child is a plain cancelCtx with the parent's
	// deadline.
	parent, cancelP := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancelP()
	child, cancelC := context.WithTimeout(parent, time.Hour)
	defer cancelC()
	pd, _ := parent.Deadline()
	cd, ok := child.Deadline()
	fmt.Printf("%T %v %v\n", child, ok, pd.Equal(cd))
	fmt.Println(strings.HasSuffix(fmt.Sprint(child), "]).WithCancel"))
	// A cancel child and a value child of a timer context inherit its deadline.
	vc := context.WithValue(parent, key("k"), "v")
	cc, cancelCC := context.WithCancel(vc)
	defer cancelCC()
	vd, ok1 := vc.Deadline()
	ccd, ok2 := cc.Deadline()
	fmt.Println(ok1, ok2, vd.Equal(pd), ccd.Equal(pd), cc.Value(key("k")))
	<-cc.Done()
	state("parent", parent)
	state("child", child)
	state("cancel child", cc)

	// A child's shorter timeout fires first and leaves its parent alone.
	long, cancelLong := context.WithTimeout(context.Background(), 500*time.Millisecond)
	short, cancelShort := context.WithTimeout(long, 20*time.Millisecond)
	defer cancelShort()
	select {
	case <-long.Done():
		fmt.Println("long first?")
	case <-short.Done():
		fmt.Println("short first")
	}
	state("short", short)
	state("long", long)
	cancelLong()
	state("long", long)
	state("short", short)

	// A select with a timeout, as servers write it.
	work := func(ctx context.Context, d time.Duration) error {
		select {
		case <-time.After(d):
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	c5, cancel5 := context.WithTimeout(context.Background(), 20*time.Millisecond)
	fmt.Println("slow work:", work(c5, 200*time.Millisecond))
	cancel5()
	c6, cancel6 := context.WithTimeout(context.Background(), 200*time.Millisecond)
	fmt.Println("quick work:", work(c6, time.Millisecond))
	cancel6()
	fmt.Println("after cancel:", work(c6, time.Hour))
}

func values() {
	fmt.Println("== WithValue")
	bg := context.Background()
	p := &ptrKey{"p"}
	ctx := context.WithValue(bg, key("user"), "gopher")
	ctx = context.WithValue(ctx, otherKey("user"), "other")
	ctx = context.WithValue(ctx, intKey(7), 42)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ctx = context.WithValue(ctx, pairKey{1, 2}, color(2))
	ctx, cancelT := context.WithTimeout(ctx, time.Hour)
	defer cancelT()
	ctx = context.WithValue(ctx, p, []int{1, 2, 3})
	ctx = context.WithValue(ctx, key("user"), "shadow")

	fmt.Println(ctx.Value(key("user")), ctx.Value(otherKey("user")), ctx.Value("user"))
	fmt.Println(ctx.Value(intKey(7)), ctx.Value(7), ctx.Value(pairKey{1, 2}), ctx.Value(pairKey{2, 1}))
	fmt.Println(ctx.Value(p), ctx.Value(&ptrKey{"p"}), ctx.Value(key("none")))
	v, ok := ctx.Value(intKey(7)).(int)
	fmt.Println(v+1, ok)

	// The String forms: Stringers and strings are shown, other values are not.
	fmt.Println(context.WithValue(bg, key("k"), "hello"))
	fmt.Println(context.WithValue(bg, intKey(1), 1))
	fmt.Println(context.WithValue(context.TODO(), pairKey{}, color(1)))
	fmt.Println(context.WithValue(bg, p, nil))
	fmt.Println(context.WithValue(bg, "plain", errors.New("an error")))
	c1, cancel1 := context.WithCancel(context.WithValue(bg, key("a"), "b"))
	defer cancel1()
	fmt.Println(context.WithValue(c1, otherKey("c"), "d"))
	fmt.Printf("%s|%v\n", context.WithValue(bg, key("s"), "t"), []any{context.WithValue(bg, key("u"), "w")})

	// A long chain is looked up in a loop.
	deep := context.Context(bg)
	for i := 0; i < 1000; i++ {
		deep = context.WithValue(deep, intKey(i), i*i)
	}
	fmt.Println(deep.Value(intKey(0)), deep.Value(intKey(500)), deep.Value(intKey(999)), deep.Value(intKey(1000)))
}

// myCtx is a Context of the program's own: it passes everything to the Context it holds,
// and has no String method.
type myCtx struct {
	context.Context
}

// chanCtx is a Context of the program's own with a Done channel of its own.
type chanCtx struct {
	done chan struct{}
	err  error
	mu   sync.Mutex
}

func (c *chanCtx) Deadline() (time.Time, bool) { return time.Time{}, false }
func (c *chanCtx) Done() <-chan struct{}       { return c.done }
func (c *chanCtx) Value(k any) any             { return nil }
func (c *chanCtx) Err() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.err
}
func (c *chanCtx) cancel() {
	c.mu.Lock()
	c.err = errors.New("chanCtx stopped")
	c.mu.Unlock()
	close(c.done)
}

// settle waits until the number of goroutines is n (the watchers exit after a
// cancellation), for at most a second.
func settle(n int) bool {
	for i := 0; i < 1000; i++ {
		if runtime.NumGoroutine() == n {
			return true
		}
		time.Sleep(time.Millisecond)
	}
	return false
}

func ownTypes() {
	fmt.Println("== contexts of the program's own types")
	base := runtime.NumGoroutine()

	// A wrapper around a cancelCtx that passes Done and Value through: the child registers
	// with the cancelCtx inside, and no goroutine is needed.
	inner, cancelInner := context.WithCancel(context.Background())
	wrapped := myCtx{inner}
	c1, cancel1 := context.WithCancel(wrapped)
	defer cancel1()
	fmt.Println(c1, "| goroutines added:", runtime.NumGoroutine()-base)
	fmt.Println(context.WithValue(wrapped, key("k"), "v"))
	fmt.Println(context.WithValue(&myCtx{context.TODO()}, key("k"), color(0)))
	cancelInner()
	state("c1", c1)

	// A parent with a Done channel of its own: a goroutine watches it.
	parent := &chanCtx{done: make(chan struct{})}
	c2, cancel2 := context.WithCancel(parent)
	c3, cancel3 := context.WithTimeout(parent, time.Hour)
	defer cancel3()
	fmt.Println(c2)
	fmt.Println("goroutines added:", runtime.NumGoroutine()-base)
	fmt.Println(strings.HasPrefix(fmt.Sprint(c3), "*main.chanCtx.WithDeadline("))
	state("c2", c2)
	parent.cancel()
	<-c2.Done()
	<-c3.Done()
	state("c2", c2)
	state("c3", c3)
	fmt.Println("watchers gone:", settle(base))
	cancel2()

	// Cancelling the child ends its watcher too.
	parent2 := &chanCtx{done: make(chan struct{})}
	c4, cancel4 := context.WithCancel(parent2)
	fmt.Println("goroutines added:", runtime.NumGoroutine()-base)
	cancel4()
	fmt.Println("watcher gone:", settle(base))
	state("c4", c4)
	state("parent2", parent2)

	// A parent never cancelled (Done is nil): nothing to watch.
	c5, cancel5 := context.WithCancel(myCtx{context.Background()})
	fmt.Println(c5, "| goroutines added:", runtime.NumGoroutine()-base)
	cancel5()
	state("c5", c5)
}

func panics() {
	fmt.Println("== panics")
	var nilCtx context.Context
	catch("WithCancel(nil)", func() { context.WithCancel(nilCtx) })
	catch("WithTimeout(nil)", func() { context.WithTimeout(nilCtx, time.Second) })
	catch("WithDeadline(nil)", func() { context.WithDeadline(nilCtx, time.Now()) })
	catch("WithValue(nil)", func() { context.WithValue(nilCtx, key("k"), 1) })
	catch("nil key", func() { context.WithValue(context.Background(), nil, 1) })
	catch("slice key", func() { context.WithValue(context.Background(), []int{1}, 1) })
	catch("map key", func() { context.WithValue(context.Background(), map[int]int{}, 1) })
	catch("func key", func() { context.WithValue(context.Background(), func() {}, 1) })
	catch("struct key", func() { context.WithValue(context.Background(), pairKey{}, 1) })
	catch("nil value", func() { fmt.Println(context.WithValue(context.Background(), key("k"), nil).Value(key("k"))) })
}

func main() {
	roots()
	errorValues()
	cancel()
	tree()
	wide()
	workers()
	timeouts()
	values()
	ownTypes()
	panics()
}

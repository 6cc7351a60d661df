// The atomic functions and types, and atomic.Value's checks, in one goroutine.
package main

import (
	"fmt"
	"sync/atomic"
)

type point struct{ x, y int }

func catch(name string, f func()) {
	defer func() {
		fmt.Printf("%s: recovered %v\n", name, recover())
	}()
	f()
}

func main() {
	var i32 int32 = 5
	fmt.Println(atomic.AddInt32(&i32, 3), atomic.AddInt32(&i32, -10), i32)
	fmt.Println(atomic.SwapInt32(&i32, 7), atomic.LoadInt32(&i32))
	fmt.Println(atomic.CompareAndSwapInt32(&i32, 6, 9), atomic.CompareAndSwapInt32(&i32, 7, 9), i32)
	atomic.StoreInt32(&i32, -1)
	fmt.Println(i32)

	var i64 int64 = 1 << 40
	fmt.Println(atomic.AddInt64(&i64, 1<<40), atomic.SwapInt64(&i64, -3), atomic.LoadInt64(&i64))
	fmt.Println(atomic.CompareAndSwapInt64(&i64, -3, 1<<62), i64)
	atomic.StoreInt64(&i64, 42)
	fmt.Println(i64)

	var u32 uint32
	fmt.Println(atomic.AddUint32(&u32, ^uint32(0)), atomic.AddUint32(&u32, 2))
	fmt.Println(atomic.SwapUint32(&u32, 10), atomic.CompareAndSwapUint32(&u32, 10, 11), atomic.LoadUint32(&u32))
	atomic.StoreUint32(&u32, 4000000000)
	fmt.Println(u32)

	var u64 uint64 = 1<<64 - 1
	fmt.Println(atomic.AddUint64(&u64, 1), atomic.SwapUint64(&u64, 8), atomic.CompareAndSwapUint64(&u64, 9, 1), atomic.LoadUint64(&u64))
	atomic.StoreUint64(&u64, 1<<63)
	fmt.Println(u64)

	var up uintptr = 100
	fmt.Println(atomic.AddUintptr(&up, 28), atomic.SwapUintptr(&up, 1), atomic.CompareAndSwapUintptr(&up, 1, 2), atomic.LoadUintptr(&up))
	atomic.StoreUintptr(&up, 3)
	fmt.Println(up)

	// The types.
	var b atomic.Bool
	fmt.Println(b.Load(), b.Swap(true), b.Load(), b.CompareAndSwap(false, false), b.CompareAndSwap(true, false), b.Load())
	b.Store(true)
	fmt.Println(b.Load())

	var a32 atomic.Int32
	a32.Store(10)
	fmt.Println(a32.Add(-20), a32.Swap(3), a32.CompareAndSwap(3, 4), a32.Load())
	var a64 atomic.Int64
	a64.Store(1 << 50)
	fmt.Println(a64.Add(1), a64.Swap(0), a64.CompareAndSwap(1, 2), a64.Load())
	var au32 atomic.Uint32
	fmt.Println(au32.Add(^uint32(4)), au32.Swap(1), au32.CompareAndSwap(1, 2), au32.Load())
	au32.Store(77)
	fmt.Println(au32.Load())
	var au64 atomic.Uint64
	au64.Store(5)
	fmt.Println(au64.Add(1<<63), au64.Swap(1), au64.CompareAndSwap(0, 2), au64.Load())
	var aup atomic.Uintptr
	aup.Store(7)
	fmt.Println(aup.Add(1), aup.Swap(2), aup.CompareAndSwap(2, 3), aup.Load())

	// A counter shared by closures.
	var hits atomic.Int64
	inc := func() { hits.Add(1) }
	for i := 0; i < 1000; i++ {
		inc()
	}
	fmt.Println("hits", hits.Load())

	// Value.
	var v atomic.Value
	fmt.Println(v.Load())
	v.Store(point{1, 2})
	fmt.Println(v.Load(), v.Load().(point).y)
	fmt.Println(v.Swap(point{3, 4}), v.Load())
	fmt.Println(v.CompareAndSwap(point{1, 2}, point{5, 6}), v.Load())
	fmt.Println(v.CompareAndSwap(point{3, 4}, point{5, 6}), v.Load())
	fmt.Println(v.CompareAndSwap(nil, point{7, 8}), v.Load())
	catch("store nil", func() { v.Store(nil) })
	catch("store int", func() { v.Store(1) })
	catch("swap nil", func() { v.Swap(nil) })
	catch("swap string", func() { v.Swap("s") })
	catch("cas nil", func() { v.CompareAndSwap(point{}, nil) })
	catch("cas mixed", func() { v.CompareAndSwap(1, point{}) })
	catch("cas other", func() { v.CompareAndSwap(1, 2) })
	fmt.Println(v.Load())

	var w atomic.Value
	fmt.Println(w.CompareAndSwap(1, 2), w.Load())
	fmt.Println(w.CompareAndSwap(nil, 2), w.Load())
	fmt.Println(w.Swap(3), w.Load())
	var e atomic.Value
	fmt.Println(e.Swap("first"), e.Load())
	var s atomic.Value
	s.Store([]int{1})
	catch("cas uncomparable", func() { s.CompareAndSwap([]int{1}, []int{2}) })
	var er atomic.Value
	er.Store(fmt.Errorf("a"))
	catch("store other error type", func() { er.Store(fmt.Errorf("b: %w", fmt.Errorf("c"))) })
	fmt.Println(er.Load())
}

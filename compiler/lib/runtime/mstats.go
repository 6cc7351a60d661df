package runtime

// GC runs a garbage collection now, and returns when it is complete. golift's collector
// stops the program for the whole collection (see docs/GC.md).
func GC()

// MemStats records figures about the memory allocator and the garbage collector. The
// fields are those of Go 1.19, in its order; golift fills in those its heap has a meaning
// for (the allocation counts, the heap's sizes, the collections and their pauses) and leaves
// the others zero.
type MemStats struct {
	// Alloc is the number of bytes in allocated heap objects (the same as HeapAlloc).
	Alloc uint64
	// TotalAlloc counts the bytes of every heap object ever allocated.
	TotalAlloc uint64
	// Sys is the memory obtained from the OS for the heap and the collector.
	Sys uint64
	// Lookups is not used by golift.
	Lookups uint64
	// Mallocs and Frees count the heap objects allocated and freed.
	Mallocs uint64
	Frees   uint64

	// HeapAlloc is the number of bytes in allocated heap objects.
	HeapAlloc uint64
	// HeapSys is the memory obtained from the OS for the heap.
	HeapSys uint64
	// HeapIdle is the memory in spans with no objects.
	HeapIdle uint64
	// HeapInuse is the memory in spans with at least one object.
	HeapInuse uint64
	// HeapReleased is the idle memory given back to the OS.
	HeapReleased uint64
	// HeapObjects is the number of allocated heap objects.
	HeapObjects uint64

	// Stack, span and cache figures: golift keeps no separate accounts for them.
	StackInuse  uint64
	StackSys    uint64
	MSpanInuse  uint64
	MSpanSys    uint64
	MCacheInuse uint64
	MCacheSys   uint64
	BuckHashSys uint64
	GCSys       uint64
	OtherSys    uint64

	// NextGC is the heap size at which the next collection starts.
	NextGC uint64
	// LastGC is when the last collection ended, in nanoseconds of the monotonic clock.
	LastGC uint64
	// PauseTotalNs is the total time the program was stopped for collections.
	PauseTotalNs uint64
	// PauseNs and PauseEnd hold the durations and end times of the last 256 pauses,
	// the most recent at PauseNs[(NumGC+255)%256].
	PauseNs  [256]uint64
	PauseEnd [256]uint64
	// NumGC counts the collections; NumForcedGC those that runtime.GC asked for.
	NumGC       uint32
	NumForcedGC uint32
	// GCCPUFraction is the fraction of the program's time spent collecting.
	GCCPUFraction float64
	// EnableGC is true unless GOGC=off.
	EnableGC bool
	// DebugGC is not used.
	DebugGC bool

	// BySize is not filled in by golift.
	BySize [61]struct {
		Size    uint32
		Mallocs uint64
		Frees   uint64
	}
}

// memStatsWords is the layout readMemStats fills: 16 figures, then the pauses and their
// end times.
type memStatsWords [16 + 2*256]uint64

// readMemStats is implemented by the runtime's collector (runtime/src/gc/mod.rs).
func readMemStats(w *memStatsWords)

// gcEnabled reports whether GOGC is not "off".
func gcEnabled() bool

// ReadMemStats fills m with the allocator's and collector's current figures.
func ReadMemStats(m *MemStats) {
	var w memStatsWords
	readMemStats(&w)
	m.Alloc = w[0]
	m.TotalAlloc = w[1]
	m.Sys = w[2]
	m.Mallocs = w[3]
	m.Frees = w[4]
	m.HeapSys = w[5]
	m.HeapIdle = w[6]
	m.HeapAlloc = w[7]
	m.HeapInuse = w[5] - w[6]
	m.HeapReleased = w[8]
	m.HeapObjects = w[9]
	m.NextGC = w[10]
	m.LastGC = w[11]
	m.PauseTotalNs = w[12]
	m.NumGC = uint32(w[13])
	m.NumForcedGC = uint32(w[14])
	m.GCCPUFraction = float64(w[15]) / 1e6
	for i := 0; i < 256; i++ {
		m.PauseNs[i] = w[16+i]
		m.PauseEnd[i] = w[16+256+i]
	}
	m.EnableGC = gcEnabled()
}

// MemProfileRate is how often gc's memory profiler samples allocations. golift has no
// profiler: programs may set it, and nothing reads it.
var MemProfileRate int = 512 * 1024
